package it.testata.newsletter;

import it.testata.article.Article;
import it.testata.db.ChangeLog;
import it.testata.mail.Addresses;
import it.testata.mail.Email;
import it.testata.mail.MailContent;
import it.testata.mail.MailService;
import it.testata.mail.MailTemplates;
import it.testata.settings.Settings;
import it.testata.settings.SettingsService;
import it.testata.web.Messages;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The newsletter's rules. Subscribing is double opt-in (a pending row and a confirmation e-mail in one
 * transaction; the same answer whether or not the address was known). Publishing sends: at the end of every
 * change-log write ({@link #onWrite}, in that write's transaction) an article that has just become public is
 * decided once: an issue row (article_id unique) and, when sending, one outbox copy per confirmed subscriber, each
 * with its own signed unsubscribe link. So an article goes out at most once, even across unpublish and republish or
 * a crash (the copies and the issue commit together, and the outbox does the rest).
 */
public final class NewsletterService {
    static final String CONFIRM = "newsletter-confirm";
    static final String UNSUBSCRIBE = "newsletter-unsubscribe";
    /** Articles published longer ago than this (edits of old articles) are never sent; nor are WordPress imports. */
    static final Duration FRESH = Duration.ofHours(24);
    static final int FLOOD_PER_NETWORK = 5;
    static final Duration FLOOD_WINDOW = Duration.ofMinutes(10);
    private static final ThreadLocal<Boolean> CHOICE = new ThreadLocal<>();

    private final NewsletterStore store;
    private final ChangeLog changes;
    private final MailService mail;
    private final SettingsService settings;

    public NewsletterService(NewsletterStore store, ChangeLog changes, MailService mail, SettingsService settings) {
        this.store = store;
        this.changes = changes;
        this.mail = mail;
        this.settings = settings;
        changes.beforeCommit(this::onWrite);
    }

    public NewsletterStore store() {
        return store;
    }

    /** The base of links in e-mails: the base_url setting, else the address the site was last reached at. */
    public String baseUrl() {
        return mail.links().baseUrl();
    }

    /** Remembers the address a reader reached the site at (for links when base_url is not set). */
    public void noteBase(String base) {
        mail.links().noteBase(base);
    }

    /** Runs a save with the editor's "send to subscribers" choice for an article it publishes (null: the default). */
    public static <T> T withChoice(Boolean send, java.util.function.Supplier<T> work) {
        CHOICE.set(send);
        try {
            return work.get();
        } finally {
            CHOICE.remove();
        }
    }

    public enum Subscribed { ASKED, FLOOD }

    /** A reader asks to subscribe: a pending row and a confirmation e-mail, unless already confirmed. */
    public Subscribed subscribe(String email, String name, String net) {
        String e = Addresses.normalize(email);
        Instant now = Instant.now();
        Subscribed r = changes.write((h, touched) -> {
            if (NewsletterStore.recentFrom(h, net, now.minus(FLOOD_WINDOW)) >= FLOOD_PER_NETWORK) return Subscribed.FLOOD;
            Optional<Subscriber> old = NewsletterStore.byEmail(h, e);
            if (old.isPresent() && old.get().status().equals("confirmed")) return Subscribed.ASKED;
            long id = NewsletterStore.upsert(h, e, Addresses.oneLine(name), "pending", net, "form", now);
            mail.queue(h, confirmation(e, id));
            return Subscribed.ASKED;
        });
        mail.poke();
        return r;
    }

    private Email confirmation(String email, long id) {
        Settings s = settings.current();
        Messages msg = Messages.of(s.javaLocale());
        String link = mail.links().url("/newsletter/confirm", CONFIRM, id);
        MailContent c = new MailContent(msg.lang(), s.siteName(), msg.t("newsletter.mail.confirmHeading", s.siteName()),
                List.of(msg.t("newsletter.mail.confirmBody", s.siteName())), null,
                new MailContent.Link(msg.t("newsletter.mail.confirmButton"), link), List.of(), msg.t("newsletter.mail.confirmIgnore"));
        return Email.of("confirm", email, msg.t("newsletter.mail.confirmSubject", s.siteName()), MailTemplates.render(c));
    }

    /** The subscriber a signed confirmation link names, when valid. */
    public Optional<Subscriber> fromConfirmLink(String token) {
        return mail.links().id(CONFIRM, token).flatMap(store::find);
    }

    public Optional<Subscriber> fromUnsubscribeLink(String token) {
        return mail.links().id(UNSUBSCRIBE, token).flatMap(store::find);
    }

    public boolean confirm(Subscriber s, String net) {
        return changes.write((h, touched) -> NewsletterStore.confirm(h, s.id(), net, Instant.now()));
    }

    public boolean unsubscribe(Subscriber s) {
        return changes.write((h, touched) -> NewsletterStore.unsubscribe(h, s.id(), Instant.now()));
    }

    public String unsubscribeUrl(long subscriberId) {
        return mail.links().url("/newsletter/unsubscribe", UNSUBSCRIBE, subscriberId);
    }

    /** In a write's transaction: each article it touched that has just become public is decided once. */
    Void onWrite(Handle h, Set<String> touched) {
        for (String tag : touched) {
            if (!tag.startsWith("article:")) continue;
            long id;
            try {
                id = Long.parseLong(tag.substring("article:".length()));
            } catch (NumberFormatException e) {
                continue;
            }
            decide(h, id, Instant.now());
        }
        return null;
    }

    /** The editor's select: "yes" sends, "no" does not, anything else follows the setting (null). */
    public static Boolean choice(String value) {
        return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
    }

    private static void remember(Handle h, long articleId, boolean send) {
        if (h.createQuery("SELECT COUNT(*) FROM articles WHERE id = :id").bind("id", articleId).mapTo(Integer.class).one() == 0) return;
        h.createUpdate("DELETE FROM newsletter_choices WHERE article_id = :id").bind("id", articleId).execute();
        h.createUpdate("INSERT INTO newsletter_choices (article_id, send) VALUES (:id, :send)")
                .bind("id", articleId).bind("send", send ? 1 : 0).execute();
    }

    private void decide(Handle h, long articleId, Instant now) {
        Boolean chosen = CHOICE.get();
        if (chosen != null) remember(h, articleId, chosen); // kept for a scheduled article's publication
        Optional<FreshArticle> a = h.createQuery("""
                        SELECT id, slug, title, standfirst, published_at FROM articles
                        WHERE id = :id AND status = 'published' AND kind = 'post' AND wp_id IS NULL AND password IS NULL
                          AND published_at <= :now AND published_at >= :fresh""")
                .bind("id", articleId).bind("now", now.toEpochMilli()).bind("fresh", now.minus(FRESH).toEpochMilli())
                .map(NewsletterStore::fresh).findOne();
        if (a.isEmpty() || NewsletterStore.hasIssue(h, articleId)) return;
        if (NewsletterStore.digestMode(h)) return; // --- staffmail --- the next digest takes it
        if (chosen == null) {
            chosen = h.createQuery("SELECT send FROM newsletter_choices WHERE article_id = :id").bind("id", articleId)
                    .mapTo(Integer.class).findOne().map(v -> v == 1).orElse(null);
        }
        boolean send = chosen != null ? chosen : h.createQuery("SELECT value FROM settings WHERE name = 'newsletter.send_on_publish'")
                .mapTo(String.class).findOne().map("true"::equals).orElse(false);
        Settings s = settings.current();
        if (!send) {
            NewsletterStore.insertIssue(h, articleId, a.get().title(), false, 0, now);
            return;
        }
        List<Subscriber> readers = NewsletterStore.confirmed(h);
        long issue = NewsletterStore.insertIssue(h, articleId, a.get().title(), true, readers.size(), now);
        Messages msg = Messages.of(s.javaLocale());
        String link = baseUrl() + Article.path(a.get().slug(), a.get().publishedAt(), s.zone());
        MailContent c = new MailContent(msg.lang(), s.siteName(), a.get().title(),
                a.get().standfirst().isBlank() ? List.of() : List.of(a.get().standfirst()), null,
                new MailContent.Link(msg.t("newsletter.mail.read"), link),
                List.of(new MailContent.Link(msg.t("newsletter.mail.unsubscribe"), UNSUBSCRIBE_SLOT)),
                msg.t("newsletter.mail.why", s.siteName()));
        queueCopies(h, issue, readers, a.get().title(), c);
    }

    // --- staffmail: copies rendered once, scheduled and future-dated articles, digests ---
    /** Stands for each reader's own unsubscribe address in a copy rendered once for all. */
    static final String UNSUBSCRIBE_SLOT = "https://unsubscribe.invalid/testata-reader";

    /**
     * Queues one copy of an issue per reader in the caller's transaction: the message is rendered once, with
     * {@link #UNSUBSCRIBE_SLOT} where each copy gets its reader's signed unsubscribe address (URL-safe characters
     * only, so the same in text and HTML), and the copies go in as one prepared batch.
     */
    void queueCopies(Handle h, long issue, List<Subscriber> readers, String subject, MailContent content) {
        Email.Rendered once = MailTemplates.render(content);
        List<Email> copies = new ArrayList<>(readers.size());
        for (Subscriber r : readers) {
            String unsub = unsubscribeUrl(r.id());
            copies.add(new Email("newsletter", r.email(), null, subject, new Email.Rendered(
                    once.text().replace(UNSUBSCRIBE_SLOT, unsub), once.html().replace(UNSUBSCRIBE_SLOT, unsub)),
                    unsub, false, issue, r.id()));
        }
        mail.queueAll(h, copies);
    }

    /**
     * Decides the articles that went public by their own date since they were saved (a "published" article with a
     * future date): called by the scheduler's look under its lease. Each such article is decided like one just
     * published, once (its issue row); in digest mode the next digest takes it instead.
     */
    public int publishDue(Instant now) {
        List<Long> due = store.jdbi().withHandle(h -> NewsletterStore.digestMode(h) ? List.<Long>of()
                : NewsletterStore.undecided(h, now.minus(FRESH), now));
        if (due.isEmpty()) return 0;
        changes.write((h, touched) -> {
            if (NewsletterStore.digestMode(h)) return null;
            for (long id : due) decide(h, id, now);
            return null;
        });
        mail.poke();
        return due.size();
    }

    Settings site() {
        return settings.current();
    }

    MailService mail() {
        return mail;
    }
    // --- end staffmail ---

    /** What an import did: addresses added (or brought back), already confirmed, and refused lines. */
    public record Imported(int added, int already, List<String> refused) {}

    /**
     * Imports "email" or "email,name" lines. With the administrator's word that these people consented, the
     * addresses are confirmed at once (consent source "import"); otherwise each gets a confirmation e-mail.
     */
    public Imported importLines(List<String> lines, boolean consented, String net) {
        List<String> refused = new ArrayList<>();
        int[] counts = new int[2];
        Instant now = Instant.now();
        changes.write((h, touched) -> {
            for (String line : lines) {
                String l = line.strip();
                if (l.isEmpty() || l.toLowerCase(java.util.Locale.ROOT).startsWith("email")) continue;
                int comma = l.indexOf(',');
                String e = Addresses.normalize(unquote(comma < 0 ? l : l.substring(0, comma)));
                String name = comma < 0 ? "" : Addresses.oneLine(unquote(l.substring(comma + 1)));
                if (!Addresses.valid(e)) {
                    if (refused.size() < 50) refused.add(Addresses.oneLine(l));
                    continue;
                }
                Optional<Subscriber> old = NewsletterStore.byEmail(h, e);
                if (old.isPresent() && old.get().status().equals("confirmed")) {
                    counts[1]++;
                    continue;
                }
                long id = NewsletterStore.upsert(h, e, name, consented ? "confirmed" : "pending", net, "import", now);
                if (!consented) mail.queue(h, confirmation(e, id));
                counts[0]++;
            }
            return null;
        });
        mail.poke();
        return new Imported(counts[0], counts[1], refused);
    }

    private static String unquote(String v) {
        String t = v.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1).replace("\"\"", "\"") : t;
    }

    /** An article that may go to subscribers: what a copy or a digest says of it. */
    record FreshArticle(long id, String slug, String title, String standfirst, Instant publishedAt) {}
}
