package it.testata.newsletter;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for subscribers and newsletter issues. */
public final class NewsletterStore {
    private static final String COLUMNS = "id, email, name, status, consent_at, consent_net, consent_source, confirmed_at, "
            + "confirmed_net, failures";

    private final Jdbi jdbi;

    public NewsletterStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public static Optional<Subscriber> byEmail(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE email = :email").bind("email", email)
                .map(NewsletterStore::map).findOne();
    }

    public static Optional<Subscriber> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE id = :id").bind("id", id)
                .map(NewsletterStore::map).findOne();
    }

    public Optional<Subscriber> find(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    /** A new subscriber, or one who had left coming back: status, consent and its source recorded now. */
    public static long upsert(Handle h, String email, String name, String status, String net, String source, Instant now) {
        Optional<Subscriber> old = byEmail(h, email);
        long at = now.toEpochMilli();
        boolean confirmed = status.equals("confirmed");
        if (old.isPresent()) {
            h.createUpdate("""
                            UPDATE subscribers SET status = :status, name = CASE WHEN :name = '' THEN name ELSE :name END,
                                consent_at = :at, consent_net = :net, consent_source = :source, failures = 0,
                                confirmed_at = :confirmedAt, confirmed_net = :confirmedNet, changed_at = :at
                            WHERE id = :id""")
                    .bind("status", status).bind("name", name).bind("at", at).bind("net", net).bind("source", source)
                    .bind("confirmedAt", confirmed ? at : null).bind("confirmedNet", confirmed ? net : null)
                    .bind("id", old.get().id()).execute();
            return old.get().id();
        }
        return h.createUpdate("""
                        INSERT INTO subscribers (email, name, status, consent_at, consent_net, consent_source, confirmed_at,
                                                 confirmed_net, failures, changed_at)
                        VALUES (:email, :name, :status, :at, :net, :source, :confirmedAt, :confirmedNet, 0, :at)""")
                .bind("email", email).bind("name", name).bind("status", status).bind("at", at).bind("net", net)
                .bind("source", source).bind("confirmedAt", confirmed ? at : null).bind("confirmedNet", confirmed ? net : null)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public static boolean confirm(Handle h, long id, String net, Instant now) {
        return h.createUpdate("UPDATE subscribers SET status = 'confirmed', confirmed_at = :at, confirmed_net = :net, "
                        + "changed_at = :at WHERE id = :id AND status = 'pending'")
                .bind("at", now.toEpochMilli()).bind("net", net).bind("id", id).execute() == 1;
    }

    public static boolean unsubscribe(Handle h, long id, Instant now) {
        return h.createUpdate("UPDATE subscribers SET status = 'unsubscribed', changed_at = :at "
                        + "WHERE id = :id AND status <> 'unsubscribed'")
                .bind("at", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    /** How many subscription requests came from this network since then (the flood limit). */
    public static int recentFrom(Handle h, String net, Instant since) {
        return h.createQuery("SELECT COUNT(*) FROM subscribers WHERE consent_net = :net AND consent_at > :since "
                        + "AND consent_source = 'form'")
                .bind("net", net).bind("since", since.toEpochMilli()).mapTo(Integer.class).one();
    }

    /** Every confirmed subscriber, as id, email, name (bouncing and others are skipped). */
    public static List<Subscriber> confirmed(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE status = 'confirmed' ORDER BY id")
                .map(NewsletterStore::map).list();
    }

    /** The issue row of an article, when a decision was ever taken about it (or it went in a digest). */
    public static boolean hasIssue(Handle h, long articleId) {
        return h.createQuery("SELECT (SELECT COUNT(*) FROM newsletter_issues WHERE article_id = :id) "
                        + "+ (SELECT COUNT(*) FROM newsletter_digest_articles WHERE article_id = :id)").bind("id", articleId)
                .mapTo(Integer.class).one() > 0;
    }

    // --- staffmail: digests and articles that went public by their date ---
    private static final String SENDABLE = "a.status = 'published' AND a.kind = 'post' AND a.wp_id IS NULL AND a.password IS NULL "
            + "AND a.published_at <= :now AND a.published_at >= :from "
            + "AND NOT EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.article_id = a.id) "
            + "AND NOT EXISTS (SELECT 1 FROM newsletter_digest_articles d WHERE d.article_id = a.id)";

    /** Whether the newsletter goes out as digests (newsletter.mode daily or weekly), read in this transaction. */
    static boolean digestMode(Handle h) {
        return h.createQuery("SELECT value FROM settings WHERE name = 'newsletter.mode'").mapTo(String.class).findOne()
                .map(v -> v.equals("daily") || v.equals("weekly")).orElse(false);
    }

    /** Public posts published between from and now about which nothing was decided yet. */
    static List<Long> undecided(Handle h, Instant from, Instant now) {
        return h.createQuery("SELECT a.id FROM articles a WHERE " + SENDABLE + " ORDER BY a.published_at, a.id")
                .bind("from", from.toEpochMilli()).bind("now", now.toEpochMilli()).mapTo(Long.class).list();
    }

    /** What the next digest holds: those articles, oldest first, less those the editor chose not to send. */
    static List<NewsletterService.FreshArticle> forDigest(Handle h, Instant from, Instant now) {
        return h.createQuery("SELECT a.id, a.slug, a.title, a.standfirst, a.published_at FROM articles a WHERE " + SENDABLE
                        + " AND NOT EXISTS (SELECT 1 FROM newsletter_choices c WHERE c.article_id = a.id AND c.send = 0) "
                        + "ORDER BY a.published_at, a.id")
                .bind("from", from.toEpochMilli()).bind("now", now.toEpochMilli()).map(NewsletterStore::fresh).list();
    }

    /** A digest's issue row (no article of its own) and the articles it holds, each in one digest only. */
    static long insertDigest(Handle h, String subject, List<Long> articleIds, int recipients, Instant now) {
        long issue = h.createUpdate("INSERT INTO newsletter_issues (article_id, subject, sent, recipients, created_at, kind) "
                        + "VALUES (NULL, :subject, 1, :n, :at, 'digest')")
                .bind("subject", subject).bind("n", recipients).bind("at", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        var batch = h.prepareBatch("INSERT INTO newsletter_digest_articles (article_id, issue_id) VALUES (:article, :issue)");
        for (long id : articleIds) batch.bind("article", id).bind("issue", issue).add();
        batch.execute();
        return issue;
    }

    static NewsletterService.FreshArticle fresh(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new NewsletterService.FreshArticle(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
    // --- end staffmail ---

    public static long insertIssue(Handle h, long articleId, String subject, boolean sent, int recipients, Instant now) {
        return h.createUpdate("INSERT INTO newsletter_issues (article_id, subject, sent, recipients, created_at) "
                        + "VALUES (:article, :subject, :sent, :n, :at)")
                .bind("article", articleId).bind("subject", subject).bind("sent", sent ? 1 : 0).bind("n", recipients)
                .bind("at", now.toEpochMilli()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A newsletter issue that went out: its subject, when, and to how many. */
    public record Issue(long id, Long articleId, String subject, int recipients, Instant createdAt) {}

    public List<Issue> issues(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, article_id, subject, recipients, created_at FROM newsletter_issues "
                        + "WHERE sent = 1 ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> {
                    long a = rs.getLong("article_id");
                    Long article = rs.wasNull() ? null : a; // a digest has none
                    return new Issue(rs.getLong("id"), article, rs.getString("subject"),
                            rs.getInt("recipients"), Instant.ofEpochMilli(rs.getLong("created_at")));
                }).list());
    }

    /** Subscribers whose address or name contains the text (any status when null), newest first. */
    public List<Subscriber> search(String text, String status, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE "
                        + "(LOWER(email) LIKE :q OR LOWER(name) LIKE :q)" + (status == null ? "" : " AND status = :status")
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("q", "%" + (text == null ? "" : text.toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "").replace("%", "").replace("_", "")) + "%")
                .bind("status", status).bind("limit", limit).map(NewsletterStore::map).list());
    }

    public Map<String, Integer> counts() {
        return jdbi.withHandle(h -> {
            Map<String, Integer> c = new java.util.LinkedHashMap<>();
            for (String s : List.of("pending", "confirmed", "unsubscribed", "bouncing")) c.put(s, 0);
            h.createQuery("SELECT status, COUNT(*) FROM subscribers GROUP BY status")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> c.put(e.getKey(), e.getValue()));
            return c;
        });
    }

    /** Every subscriber, oldest first (the CSV export). */
    public List<Subscriber> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers ORDER BY id")
                .map(NewsletterStore::map).list());
    }

    /** What is kept about this address (for a privacy export). */
    public List<Map<String, Object>> exportByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE email = :email")
                .bind("email", email.strip().toLowerCase(java.util.Locale.ROOT)).mapToMap().list());
    }

    /** Forgets this address (a privacy erasure) and the copies still queued for it; returns the rows removed. */
    public int eraseByEmail(String email) {
        String e = email.strip().toLowerCase(java.util.Locale.ROOT);
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM outbox WHERE subscriber_id IN (SELECT id FROM subscribers WHERE email = :email) "
                    + "AND status = 'queued'").bind("email", e).execute();
            return h.createUpdate("DELETE FROM subscribers WHERE email = :email").bind("email", e).execute();
        });
    }

    static Subscriber map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        long confirmed = rs.getLong("confirmed_at");
        Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
        return new Subscriber(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("status"),
                Instant.ofEpochMilli(rs.getLong("consent_at")), rs.getString("consent_net"), rs.getString("consent_source"),
                confirmedAt, rs.getString("confirmed_net"), rs.getInt("failures"));
    }
}
