package it.testata.spam;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a comment into feature names for any language. Namespaces: plain words, {@code g:} character n-grams
 * (3-5 within words; 1-3 for scripts written without spaces), {@code d:} digit shapes, {@code s:} symbols,
 * {@code url:} hosts and {@code link:} their last two labels, {@code links:N} bucketed, {@code len:}, {@code caps:},
 * {@code a:} author name words, {@code site:} the website's host, {@code mail:} the e-mail domain.
 */
public final class Tokenizer {
    private Tokenizer() {}

    private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");
    private static final Pattern HREF = Pattern.compile("(?i)(?:href|src)\\s*=\\s*[\"']?([^\"'\\s>]+)");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});");
    private static final String TLDS = "com|net|org|info|biz|ru|cn|uk|de|it|fr|es|nl|pl|br|jp|in|us|eu|co|io|me|tv|cc|ws"
            + "|tk|ml|ga|cf|gq|xyz|top|online|site|club|shop|store|live|link|click|win|vip|pro|mobi|ly|to|be|ch|at|se|no";
    // at most 16 dotted labels before the top-level domain: an unbounded repeated group recursed once per label and
    // overflowed the stack on "1.1.1.…" (docs/SPAM.md, spam6)
    private static final Pattern URL = Pattern.compile(
            "(?i)(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'()\\[\\]{}]+"
                    + "|\\b[a-z0-9][a-z0-9-]{0,62}+(?:\\.[a-z0-9][a-z0-9-]{0,62}+){0,16}\\.(?:" + TLDS + ")\\b(?:/[^\\s<>\"']*)?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+(?:['’][\\p{L}]+)?");
    private static final Pattern EMAIL = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])([\\p{L}\\p{N}._%+-]+)@([\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,})");
    private static final int MAX_GRAM_CHARS = 4000; // n-grams from at most this many characters of words

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("trade", "™"), Map.entry("hellip", "…"), Map.entry("mdash", "—"), Map.entry("ndash", "–"),
            Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"),
            Map.entry("ldquo", "“"), Map.entry("rdquo", "”"), Map.entry("euro", "€"), Map.entry("pound", "£"),
            Map.entry("yen", "¥"), Map.entry("cent", "¢"), Map.entry("eacute", "é"), Map.entry("egrave", "è"),
            Map.entry("agrave", "à"), Map.entry("aacute", "á"), Map.entry("igrave", "ì"), Map.entry("iacute", "í"),
            Map.entry("ograve", "ò"), Map.entry("oacute", "ó"), Map.entry("ugrave", "ù"), Map.entry("uacute", "ú"),
            Map.entry("ntilde", "ñ"), Map.entry("ccedil", "ç"), Map.entry("uuml", "ü"), Map.entry("ouml", "ö"),
            Map.entry("auml", "ä"), Map.entry("szlig", "ß"), Map.entry("hearts", "♥"), Map.entry("bull", "•"));

    /** Features of a comment; any argument may be null or empty. */
    public static Features features(String author, String email, String website, String text) {
        Set<String> out = new LinkedHashSet<>();
        String raw = text == null ? "" : text;
        // Author fields like "Name <user@example.com>" give their e-mail too.
        String name = author == null ? "" : author;
        String mail = email;
        Matcher am = EMAIL.matcher(name);
        if (am.find()) {
            if (mail == null || mail.isBlank()) mail = am.group();
            name = (name.substring(0, am.start()) + name.substring(am.end())).replaceAll("[<>\"()]", " ");
        }
        for (String w : words(clean(name))) out.add("a:" + w);
        LinkScan links = scanLinks(raw);
        for (String code : Signals.codes(name, website, links)) out.add("x:" + code);
        if (mail != null) {
            Matcher m = EMAIL.matcher(clean(mail));
            if (m.find()) out.add("mail:" + stripWww(m.group(2)));
        }
        if (website != null && !website.isBlank()) {
            String host = host(clean(website));
            if (!host.isEmpty()) out.add("site:" + host);
        }
        textFeatures(links, out);
        return new Features(new ArrayList<>(out));
    }

    /** Features of a text alone. */
    public static Features features(String text) {
        return features(null, null, null, text);
    }

    /**
     * A text's links and what is left around them: the URLs (from href/src attributes and written out), their
     * distinct hosts without "www.", the text without tags and links (lower case, normalized), and its letter case.
     */
    /** {@code keyword}: a keyword in capitals to send back ("reply WIN", "text YES to 80086"), seen before lower-casing. */
    public record LinkScan(List<String> urls, List<String> hosts, String rest, int upper, int letters, String text, boolean keyword) {
        /** How many links: distinct hosts, or the URLs when more. */
        public int count() {
            return hosts.isEmpty() ? urls.size() : Math.max(hosts.size(), urls.size());
        }
    }

    /** "reply WIN", "txt HORO", "text back YES", "send the word STOP": a verb of answering, then a word in capitals. */
    private static final Pattern KEYWORD = Pattern.compile("(?i:\\b(?:reply|rply|replying|text|txt|texting|txting|send|sms|rispondi|invia|manda)"
            + "(?:\\s+back)?(?:\\s+with)?(?:\\s+the\\s+word)?)\\s+[\"'“]?"
            + "(?!(?:ASAP|OK|LOL|PLS|PLZ|THX|TY|FYI|IMO|BTW|PDF|TV|UK|US|USA|EU|UE|ME|YOU|IT|NOW|SOON|LATER|SMS|MMS|EMAIL|PEC)\\b)[A-Z][A-Z0-9#]{1,14}\\b(?![a-z])");

    /** A cheap look for a verb of {@link #KEYWORD} before the expression runs. */
    private static boolean answering(String lower) {
        return lower.contains("repl") || lower.contains("rply") || lower.contains("text") || lower.contains("txt")
                || lower.contains("send") || lower.contains("sms") || lower.contains("rispondi") || lower.contains("invia")
                || lower.contains("manda");
    }

    public static LinkScan scanLinks(String raw) {
        String noInvisible = removeInvisible(raw == null ? "" : raw);
        // Links inside tags count as links too.
        List<String> urls = new ArrayList<>();
        Matcher hm = HREF.matcher(noInvisible);
        while (hm.find()) urls.add(hm.group(1));
        String text = TAG.matcher(decodeEntities(noInvisible)).replaceAll(" ");
        text = removeInvisible(Normalizer.normalize(text, Normalizer.Form.NFKC));
        int upper = 0, letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) upper++;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean keyword = upper > 0 && upper * 10 < letters * 7 && answering(lower) && KEYWORD.matcher(text).find();
        text = lower;
        Matcher um = URL.matcher(text);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (um.find()) {
            urls.add(um.group());
            rest.append(text, last, um.start()).append(' ');
            last = um.end();
        }
        rest.append(text, last, text.length());
        Set<String> hosts = new LinkedHashSet<>();
        for (String u : urls) {
            String h = host(u.toLowerCase(Locale.ROOT));
            if (!h.isEmpty()) hosts.add(h);
        }
        return new LinkScan(urls, List.copyOf(hosts), rest.toString(), upper, letters, text, keyword);
    }

    private static void textFeatures(LinkScan links, Set<String> out) {
        for (String h : links.hosts()) {
            out.add("url:" + h);
            out.add("link:" + baseDomain(h));
        }
        int n = links.count();
        out.add("links:" + (n >= 3 ? "3+" : Integer.toString(n)));
        int upper = links.upper(), letters = links.letters();

        String plain = links.rest();
        int gramChars = 0;
        int wordCount = 0;
        for (String w : words(plain)) {
            wordCount++;
            boolean digits = false;
            for (int i = 0; i < w.length(); i++) if (Character.isDigit(w.charAt(i))) digits = true;
            if (digits) {
                out.add("d:" + shape(w));
                if (w.length() <= 12) out.add(w);
            } else {
                out.add(w);
            }
            if (gramChars < MAX_GRAM_CHARS) {
                gramChars += w.length();
                grams(w, out);
            }
        }
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp) && !Character.isWhitespace(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                out.add("s:" + new String(Character.toChars(cp)));
            }
        }
        out.add("len:" + bucket(wordCount));
        if (letters >= 8) out.add("caps:" + (upper * 10 / letters));
    }

    /** Words: runs of letters, digits and marks (with an apostrophe inside), Unicode-aware. */
    public static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) out.add(m.group());
        return out;
    }

    /** Character n-grams: 3-5 of a spaced word (with ^ and $ at its edges), 1-3 for scripts without spaces. */
    private static void grams(String w, Set<String> out) {
        int[] cps = w.codePoints().toArray();
        boolean unspaced = false;
        for (int cp : cps) if (unspaced(cp)) unspaced = true;
        if (unspaced) {
            for (int n = 1; n <= 3; n++) {
                for (int i = 0; i + n <= cps.length; i++) out.add("g:" + new String(cps, i, n));
            }
            return;
        }
        if (cps.length < 3) return;
        int[] b = new int[cps.length + 2];
        b[0] = '^';
        System.arraycopy(cps, 0, b, 1, cps.length);
        b[b.length - 1] = '$';
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= b.length; i++) out.add("g:" + new String(b, i, n));
        }
    }

    static boolean unspaced(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return switch (s) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN, YI -> true;
            default -> false;
        };
    }

    /** Removes U+FEFF and the zero-width characters (U+200B..U+200D, U+2060), also soft hyphens. */
    static String removeInvisible(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c == '\uFEFF' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\u00AD';
            if (drop && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            else if (!drop && b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    /** Decodes numeric entities and the common named ones; unknown ones stay as they are. */
    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String rep = null;
            if (e.startsWith("#x") || e.startsWith("#X")) rep = codePoint(Integer.parseInt(e.substring(2), 16));
            else if (e.startsWith("#")) rep = codePoint(Integer.parseInt(e.substring(1)));
            else rep = NAMED.get(e.toLowerCase(Locale.ROOT));
            m.appendReplacement(b, Matcher.quoteReplacement(rep == null ? m.group() : rep));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : " ";
    }

    static String clean(String s) {
        return removeInvisible(Normalizer.normalize(decodeEntities(s), Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT).strip();
    }

    /** The host of a URL or bare domain, without "www." and port; empty when there is none. */
    public static String host(String url) {
        String s = url.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) s = s.substring(scheme + 3);
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                end = i;
                break;
            }
        }
        s = s.substring(0, end);
        int at = s.lastIndexOf('@');
        if (at >= 0) s = s.substring(at + 1);
        while (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        return s.contains(".") ? stripWww(s) : "";
    }

    private static String stripWww(String h) {
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /** The last two labels of a host (three when the second-last is short, as in example.co.uk). */
    public static String baseDomain(String host) {
        String[] p = host.split("\\.");
        if (p.length <= 2) return host;
        int take = p[p.length - 2].length() <= 3 && p[p.length - 1].length() == 2 ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOfRange(p, p.length - take, p.length));
    }

    private static String shape(String w) {
        StringBuilder b = new StringBuilder();
        char prev = 0;
        int run = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = Character.isDigit(w.charAt(i)) ? 'd' : 'a';
            if (c == prev && run >= 4) continue;
            run = c == prev ? run + 1 : 1;
            prev = c;
            b.append(c);
        }
        return b + (w.length() >= 10 ? "+" + (w.length() >= 11 ? "L" : "") : "");
    }

    private static String bucket(int n) {
        if (n <= 3) return Integer.toString(n);
        if (n <= 7) return "4-7";
        if (n <= 15) return "8-15";
        if (n <= 31) return "16-31";
        if (n <= 63) return "32-63";
        return "64+";
    }
}
