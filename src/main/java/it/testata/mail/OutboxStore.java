package it.testata.mail;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL for the outbox. {@link #enqueue} runs inside the caller's transaction (the event's own), so a message exists
 * exactly when its event committed. Rows go queued → sent, or failed (permanent answer, or 48 hours of temporary
 * ones); a temporary failure keeps them queued with a later next_attempt_at.
 */
public final class OutboxStore {
    static final String COLUMNS = "id, kind, recipient, reply_to, subject, body_text, body_html, message_id, unsubscribe_url, "
            + "auto_submitted, status, attempts, next_attempt_at, last_error, issue_id, subscriber_id, created_at, sent_at";
    private static final String INSERT = """
            INSERT INTO outbox (kind, recipient, reply_to, subject, body_text, body_html, message_id, unsubscribe_url,
                                auto_submitted, status, attempts, next_attempt_at, issue_id, subscriber_id, created_at)
            VALUES (:kind, :to, :replyTo, :subject, :text, :html, :messageId, :unsub, :auto, 'queued', 0, :at, :issue,
                    :subscriber, :at)""";

    private final Jdbi jdbi;

    public OutboxStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Queues one message in the caller's transaction; returns its id. */
    public static long enqueue(Handle h, Email e, Instant now, String domain) {
        return h.createUpdate(INSERT).bindMap(params(e, now, domain))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Queues many messages in the caller's transaction: one JDBI PreparedBatch, its statement prepared once, every row
     * bound with typed values and sent to the database in one execution (a newsletter's 10,000 copies included).
     */
    public static void enqueueAll(Handle h, Collection<Email> emails, Instant now, String domain) {
        if (emails.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch(INSERT);
        long at = now.toEpochMilli();
        for (Email e : emails) {
            batch.bind("kind", e.kind()).bind("to", e.to()).bind("replyTo", e.replyTo()).bind("subject", e.subject())
                    .bind("text", e.body().text()).bind("html", e.body().html())
                    .bind("messageId", MessageIds.next(domain, at)).bind("unsub", e.unsubscribeUrl())
                    .bind("auto", e.autoSubmitted() ? 1 : 0).bind("at", at).bind("issue", e.issueId())
                    .bind("subscriber", e.subscriberId()).add();
        }
        // SQLite: a cache large enough for the whole batch, so the index pages are not written out again and again
        boolean sqlite = sqlite(h);
        if (sqlite) h.execute("PRAGMA cache_size = -65536");
        try {
            batch.execute();
        } finally {
            if (sqlite) h.execute("PRAGMA cache_size = -2000"); // SQLite's default, for the pool's next user
        }
    }

    private static boolean sqlite(Handle h) {
        try {
            return "SQLite".equals(h.getConnection().getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static Map<String, Object> params(Email e, Instant now, String domain) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("kind", e.kind());
        p.put("to", e.to());
        p.put("replyTo", e.replyTo());
        p.put("subject", e.subject());
        p.put("text", e.body().text());
        p.put("html", e.body().html());
        p.put("messageId", MessageIds.next(domain, now.toEpochMilli()));
        p.put("unsub", e.unsubscribeUrl());
        p.put("auto", e.autoSubmitted() ? 1 : 0);
        p.put("at", now.toEpochMilli());
        p.put("issue", e.issueId());
        p.put("subscriber", e.subscriberId());
        return p;
    }

    /** The queued messages whose time has come, oldest first. */
    public List<OutboxMessage> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE status = 'queued' "
                        + "AND next_attempt_at <= :now ORDER BY id LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit).map(OutboxMessage::map).list());
    }

    /** The SMTP server took it; a newsletter copy also clears its reader's run of failures. */
    public void sent(OutboxMessage m, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE outbox SET status = 'sent', sent_at = :now, attempts = attempts + 1, last_error = NULL "
                    + "WHERE id = :id").bind("now", now.toEpochMilli()).bind("id", m.id()).execute();
            if (m.subscriberId() != null) {
                h.createUpdate("UPDATE subscribers SET failures = 0 WHERE id = :id AND failures > 0")
                        .bind("id", m.subscriberId()).execute();
            }
        });
    }

    /** A temporary failure: try again at {@code next}. */
    public void retryLater(long id, String error, Instant next) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET attempts = attempts + 1, last_error = :error, "
                        + "next_attempt_at = :next WHERE id = :id AND status = 'queued'")
                .bind("error", clip(error)).bind("next", next.toEpochMilli()).bind("id", id).execute());
    }

    /**
     * A permanent failure (or temporary ones for too long): kept with the server's answer. A reader's third
     * permanent failure in a row marks the address bouncing.
     */
    public void failed(OutboxMessage m, String error, boolean permanent) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = :error WHERE id = :id")
                    .bind("error", clip(error)).bind("id", m.id()).execute();
            if (permanent && m.subscriberId() != null) {
                h.createUpdate("UPDATE subscribers SET failures = failures + 1, "
                                + "status = CASE WHEN failures + 1 >= 3 AND status = 'confirmed' THEN 'bouncing' ELSE status END "
                                + "WHERE id = :id")
                        .bind("id", m.subscriberId()).execute();
            }
        });
    }

    /** Puts a failed or waiting message back at the head of the queue. */
    public boolean retryNow(long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE outbox SET status = 'queued', next_attempt_at = :now, "
                        + "created_at = CASE WHEN status = 'failed' THEN :now ELSE created_at END "
                        + "WHERE id = :id AND status IN ('queued', 'failed')")
                .bind("now", now.toEpochMilli()).bind("id", id).execute()) == 1;
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
                .bind("id", id).map(OutboxMessage::map).findOne());
    }

    /** The latest messages of one status (or of every status when null), newest first. */
    public List<OutboxMessage> latest(String status, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox"
                        + (status == null ? "" : " WHERE status = :status") + " ORDER BY id DESC LIMIT :limit")
                .bind("status", status).bind("limit", limit).map(OutboxMessage::map).list());
    }

    /** How many messages are queued, sent and failed. */
    public Map<String, Integer> counts() {
        return jdbi.withHandle(h -> counts(h, "SELECT status, COUNT(*) FROM outbox GROUP BY status", null));
    }

    /** The same for one newsletter issue. */
    public Map<String, Integer> issueCounts(long issueId) {
        return jdbi.withHandle(h -> counts(h, "SELECT status, COUNT(*) FROM outbox WHERE issue_id = :id GROUP BY status", issueId));
    }

    private static Map<String, Integer> counts(Handle h, String sql, Long id) {
        Map<String, Integer> c = new java.util.LinkedHashMap<>();
        for (String s : List.of("queued", "sent", "failed")) c.put(s, 0);
        var q = h.createQuery(sql);
        if (id != null) q.bind("id", id);
        q.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> c.put(e.getKey(), e.getValue()));
        return c;
    }

    private static String clip(String s) {
        if (s == null) return "";
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
