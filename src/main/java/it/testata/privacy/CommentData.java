package it.testata.privacy;

import it.testata.comment.CommentService;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reader comments as personal data. Erasing keeps the text (under the name "Anonymous" in the site's language)
 * or deletes the comments (their replies move up a level); either way the e-mail, website, network and browser
 * are gone, so the address no longer counts as trusted under "comments.moderation = first", no longer matches the
 * spam filter's duplicate and flood checks, and the reader's pending-comments cookie no longer shows them.
 */
public final class CommentData implements PersonalData {
    private final Supplier<String> anonymous;

    public CommentData(Supplier<String> anonymous) {
        this.anonymous = anonymous;
    }

    /** A comment as exported to its author. */
    public record Exported(long id, String article, String articleTitle, String status, String kind, String name,
                           String email, String website, String text, Instant createdAt, String network, String browser) {}

    @Override
    public String name() {
        return "comments";
    }

    @Override
    public int count(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM comments WHERE LOWER(author_email) = :e AND author_email <> ''")
                .bind("e", email).mapTo(Integer.class).one();
    }

    @Override
    public Object export(Handle h, String email) {
        return h.createQuery("""
                        SELECT k.id, a.slug, a.title, k.status, k.kind, k.author_name, k.author_email, k.author_url,
                               k.body_raw, k.created_at, k.ip_net, k.user_agent
                        FROM comments k JOIN articles a ON a.id = k.article_id
                        WHERE LOWER(k.author_email) = :e AND k.author_email <> '' ORDER BY k.created_at, k.id""")
                .bind("e", email)
                .map((rs, ctx) -> new Exported(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getString("status"), rs.getString("kind"), rs.getString("author_name"), rs.getString("author_email"),
                        rs.getString("author_url"), rs.getString("body_raw"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getString("ip_net"), rs.getString("user_agent")))
                .list();
    }

    @Override
    public int erase(Handle h, String email, boolean deleteText, Set<String> touched) {
        List<Long> articles = h.createQuery("""
                        SELECT DISTINCT article_id FROM comments WHERE LOWER(author_email) = :e AND author_email <> ''""")
                .bind("e", email).mapTo(Long.class).list();
        int n;
        if (deleteText) {
            n = h.createUpdate("DELETE FROM comments WHERE LOWER(author_email) = :e AND author_email <> ''")
                    .bind("e", email).execute();
        } else {
            n = h.createUpdate("""
                            UPDATE comments SET author_name = :anon, author_email = '', author_url = '', ip_net = '',
                                   user_agent = '', erased_at = :now
                            WHERE LOWER(author_email) = :e AND author_email <> ''""")
                    .bind("anon", anonymous.get()).bind("now", System.currentTimeMillis()).bind("e", email).execute();
        }
        for (long a : articles) touched.addAll(CommentService.publicTags(a));
        return n;
    }

    /** The span of comment ids, [lowest, highest], or null when there is no comment. */
    public static long[] idSpan(Handle h) {
        return h.createQuery("SELECT MIN(id) AS lo, MAX(id) AS hi FROM comments")
                .map((rs, ctx) -> rs.getObject("lo") == null ? null : new long[] {rs.getLong("lo"), rs.getLong("hi")}).one();
    }

    /**
     * Deletes the networks and browser names of comments older than this among ids [from, to]; returns how many
     * comments had some. Called one id range at a time, so that a site with a million old comments is not one long
     * write transaction holding SQLite's lock.
     */
    public static int forgetNetworks(Handle h, Instant before, long from, long to) {
        return h.createUpdate("""
                        UPDATE comments SET ip_net = '', user_agent = ''
                        WHERE id BETWEEN :from AND :to AND created_at < :before AND (ip_net <> '' OR user_agent <> '')""")
                .bind("before", before.toEpochMilli()).bind("from", from).bind("to", to).execute();
    }
}
