package it.testata.editor;

import it.testata.article.Author;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL the newsroom's article pages need beyond the article service: the bylines that have articles, the staff
 * bylines to choose from, and the trash (a trashed article keeps its status in trashed_status and is a draft
 * meanwhile, so nothing public shows it).
 */
public final class EditorStore {
    private final Jdbi jdbi;

    public EditorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The categories by name, for a list's filter (without counting their articles, which a big site pays for). */
    public List<it.testata.article.Term> categories() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, slug FROM categories ORDER BY name, id")
                .map((rs, ctx) -> new it.testata.article.Term(rs.getLong(1), rs.getString(2), rs.getString(3), "category"))
                .list());
    }

    public List<Author> authorsWithArticles() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT au.id, au.name, au.slug, au.bio FROM authors au
                        WHERE EXISTS (SELECT 1 FROM articles a WHERE a.author_id = au.id) ORDER BY au.name, au.id""")
                .map((rs, ctx) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    /** A staff member's byline: the user, and the name their articles carry. */
    public record Byline(long userId, String name) {}

    /** The bylines of the staff who write (admins, editors, authors; not disabled), by name. */
    public List<Byline> bylines() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.id, COALESCE(au.name, u.name) AS byline FROM users u
                        LEFT JOIN authors au ON au.id = u.author_id
                        WHERE u.disabled = 0 AND u.role IN ('admin', 'editor', 'author')
                        ORDER BY byline, u.id""")
                .map((rs, ctx) -> new Byline(rs.getLong(1), rs.getString(2))).list());
    }

    /** When the article went to the trash; empty when it is not there. */
    public Optional<Instant> trashedAt(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT trashed_at FROM articles WHERE id = :id AND trashed_at IS NOT NULL")
                .bind("id", articleId).mapTo(Long.class).findOne().map(Instant::ofEpochMilli));
    }

    static void makePage(Handle h, long id) {
        h.createUpdate("UPDATE articles SET kind = 'page' WHERE id = :id").bind("id", id).execute();
    }

    public boolean isPage(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles WHERE id = :id AND kind = 'page'")
                .bind("id", id).mapTo(Integer.class).one() > 0);
    }

    /** Puts an article in the trash; false when there is none outside it. */
    static boolean trash(Handle h, long id, Instant now) {
        return h.createUpdate("""
                        UPDATE articles SET trashed_at = :now, trashed_status = status, status = 'draft', updated_at = :now
                        WHERE id = :id AND trashed_at IS NULL""")
                .bind("id", id).bind("now", now.toEpochMilli()).execute() == 1;
    }

    /** Takes an article out of the trash with the status it had; false when it is not there. */
    static boolean restore(Handle h, long id, Instant now) {
        return h.createUpdate("""
                        UPDATE articles SET status = COALESCE(trashed_status, 'draft'), trashed_at = NULL,
                               trashed_status = NULL, updated_at = :now
                        WHERE id = :id AND trashed_at IS NOT NULL""")
                .bind("id", id).bind("now", now.toEpochMilli()).execute() == 1;
    }
}
