package it.testata.spam;

import it.testata.settings.SpamSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules layer: checks a moderator can read and set, each giving a reason. Too many links hold a comment;
 * the others send it to Spam: a disallowed word or domain, a URL or e-mail address in the author's name, a blocked
 * e-mail address, e-mail domain or network, a text that is nothing but a link. (Duplicates need the database: {@link SpamService}.)
 */
public final class SpamRules {
    private static final Pattern EMAIL_IN_NAME = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}");

    private SpamRules() {}

    public static List<Reason> check(SpamInput c, SpamSettings s) {
        List<Reason> out = new ArrayList<>();
        Tokenizer.LinkScan links = Tokenizer.scanLinks(c.text());
        if (links.count() > s.maxLinks()) {
            out.add(new Reason("links", links.count() + " > " + s.maxLinks(), Verdict.HOLD));
        }
        if (links.count() > 0 && Tokenizer.words(links.rest()).isEmpty()) {
            out.add(new Reason("only-link", "", Verdict.SPAM));
        }
        String word = disallowedWord(c, s.disallowedWords());
        if (word != null) out.add(new Reason("disallowed-word", word, Verdict.SPAM));

        String emailDomain = emailDomain(c.email());
        Set<String> hosts = new HashSet<>(links.hosts());
        String site = Tokenizer.host(c.url().toLowerCase(Locale.ROOT));
        if (!site.isEmpty()) hosts.add(site);
        if (!emailDomain.isEmpty()) hosts.add(emailDomain);
        for (String d : s.disallowedDomains()) {
            if (hosts.stream().anyMatch(h -> within(h, d))) {
                out.add(new Reason("disallowed-domain", d, Verdict.SPAM));
                break;
            }
        }
        if (Tokenizer.scanLinks(c.author()).count() > 0 && !EMAIL_IN_NAME.matcher(c.author()).find()) {
            out.add(new Reason("name-url", "", Verdict.SPAM));
        }
        if (EMAIL_IN_NAME.matcher(c.author()).find()) out.add(new Reason("name-email", "", Verdict.SPAM));
        if (!c.email().isEmpty() && s.blockedEmails().contains(c.email().strip().toLowerCase(Locale.ROOT))) {
            out.add(new Reason("blocked-email", "", Verdict.SPAM));
        }
        for (String d : s.blockedEmailDomains()) {
            if (!emailDomain.isEmpty() && within(emailDomain, d.startsWith("@") ? d.substring(1) : d)) {
                out.add(new Reason("blocked-email-domain", d, Verdict.SPAM));
                break;
            }
        }
        for (String n : s.blockedNetworks()) {
            if (!c.ipNet().isEmpty() && Networks.parse(n).map(b -> b.covers(c.ipNet())).orElse(false)) {
                out.add(new Reason("blocked-network", n, Verdict.SPAM));
                break;
            }
        }
        return out;
    }

    /**
     * The first listed entry found in the name, e-mail, website or text. An entry of letters and digits matches a
     * whole word (so "ass" does not catch "classe"); any other entry matches anywhere, ignoring case.
     */
    static String disallowedWord(SpamInput c, List<String> entries) {
        if (entries.isEmpty()) return null;
        String all = String.join("\n", c.author(), c.email(), c.url(), Tokenizer.decodeEntities(c.text()))
                .toLowerCase(Locale.ROOT);
        Set<String> words = new HashSet<>(Tokenizer.words(all));
        for (String e : entries) {
            boolean plainWord = e.codePoints().allMatch(Character::isLetterOrDigit);
            if (plainWord ? words.contains(e) : all.contains(e)) return e;
        }
        return null;
    }

    static String emailDomain(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** The host is the domain or one of its subdomains. */
    static boolean within(String host, String domain) {
        String d = domain.startsWith(".") ? domain.substring(1) : domain;
        return !d.isEmpty() && (host.equals(d) || host.endsWith("." + d));
    }
}
