package it.testata.staffnotify;

import it.testata.account.Role;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for staff notifications: each account's choice, who gets what, and which held comments went in digests. */
public final class StaffNotifyStore {
    /** A member of staff to write to. */
    public record Recipient(long userId, String email, String name) {}

    /** A held comment as a digest lists it. */
    public record Held(long id, long articleId, String articleTitle, String authorName, String authorEmail, String body) {}

    private static final String CHOICE = "COALESCE(n.held, CASE WHEN u.role = 'author' THEN 'none' ELSE 'immediate' END)";

    private final Jdbi jdbi;

    public StaffNotifyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Optional<NotifyPrefs> stored(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT held, own_comments FROM staff_notify WHERE user_id = :id")
                .bind("id", userId).map((rs, ctx) -> new NotifyPrefs(NotifyPrefs.Held.parse(rs.getString(1))
                        .orElse(NotifyPrefs.Held.NONE), rs.getInt(2) == 1)).findOne());
    }

    public void save(long userId, NotifyPrefs prefs) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM staff_notify WHERE user_id = :id").bind("id", userId).execute();
            h.createUpdate("INSERT INTO staff_notify (user_id, held, own_comments) VALUES (:id, :held, :own)")
                    .bind("id", userId).bind("held", prefs.held().db()).bind("own", prefs.ownComments() ? 1 : 0).execute();
        });
    }

    /** Enabled accounts that moderate and want held comments this way. */
    static List<Recipient> moderators(Handle h, NotifyPrefs.Held mode) {
        return h.createQuery("SELECT u.id, u.email, u.name FROM users u LEFT JOIN staff_notify n ON n.user_id = u.id "
                        + "WHERE u.disabled = 0 AND u.role IN ('admin', 'editor', 'moderator') AND " + CHOICE + " = :mode "
                        + "ORDER BY u.id")
                .bind("mode", mode.db()).map((rs, ctx) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The enabled account that signs this article, when it asked to hear of new comments on its articles. */
    static Optional<Recipient> authorWanting(Handle h, long articleId) {
        return h.createQuery("SELECT u.id, u.email, u.name FROM articles a JOIN users u ON u.author_id = a.author_id "
                        + "JOIN staff_notify n ON n.user_id = u.id "
                        + "WHERE a.id = :id AND a.status = 'published' AND a.published_at IS NOT NULL AND u.disabled = 0 "
                        + "AND n.own_comments = 1 ORDER BY u.id")
                .bind("id", articleId).map((rs, ctx) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list().stream().findFirst();
    }

    static String articleTitle(Handle h, long articleId) {
        return h.createQuery("SELECT title FROM articles WHERE id = :id").bind("id", articleId).mapTo(String.class)
                .findOne().orElse("");
    }

    /** Held reader comments since then that this account has not had in a digest, oldest first. */
    static List<Held> heldNotDigested(Handle h, long userId, Instant since, int limit) {
        return h.createQuery("""
                        SELECT c.id, c.article_id, a.title, c.author_name, c.author_email, c.body_raw
                        FROM comments c JOIN articles a ON a.id = c.article_id
                        WHERE c.status = 'pending' AND c.created_at >= :since
                          AND NOT EXISTS (SELECT 1 FROM staff_digest_items d WHERE d.user_id = :user AND d.comment_id = c.id)
                        ORDER BY c.id LIMIT :limit""")
                .bind("since", since.toEpochMilli()).bind("user", userId).bind("limit", limit)
                .map((rs, ctx) -> new Held(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
    }

    static void markDigested(Handle h, long userId, List<Held> comments, Instant now) {
        var batch = h.prepareBatch("INSERT INTO staff_digest_items (user_id, comment_id, sent_at) VALUES (:user, :comment, :at)");
        for (Held c : comments) batch.bind("user", userId).bind("comment", c.id()).bind("at", now.toEpochMilli()).add();
        if (batch.size() > 0) batch.execute();
    }

    /** Forgets digest records older than the digest's window (their comments can no longer be listed). */
    static int prune(Handle h, Instant before) {
        return h.createUpdate("DELETE FROM staff_digest_items WHERE sent_at < :before").bind("before", before.toEpochMilli()).execute();
    }

    static Role role(String db) {
        return Role.parse(db).orElse(Role.AUTHOR);
    }
}
