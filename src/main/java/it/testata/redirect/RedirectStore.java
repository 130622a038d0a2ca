package it.testata.redirect;

import it.testata.article.Article;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** SQL for old addresses (a WordPress site's /?p=12, its permalinks) and where they now lead. */
public final class RedirectStore {
    private final Jdbi jdbi;

    public RedirectStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Where an old address leads now: the current address of a public article or page, or a fixed path.
     * Empty when the address is unknown or leads to something not public.
     */
    public Optional<String> target(String path, Instant now, ZoneId zone) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT r.target, a.id, a.slug, a.kind, a.published_at, a.status
                        FROM redirects r LEFT JOIN articles a ON a.id = r.article_id
                        WHERE r.path = :path""")
                .bind("path", path)
                .map((rs, ctx) -> {
                    String slug = rs.getString("slug");
                    if (slug == null) return rs.getString("target");
                    long published = rs.getLong("published_at");
                    if (rs.wasNull() || !"published".equals(rs.getString("status")) || published > now.toEpochMilli()) {
                        return "";
                    }
                    // a page's address nests under its parents' (--- pages ---)
                    return "page".equals(rs.getString("kind")) ? "page:" + rs.getLong("id")
                            : Article.path(slug, Instant.ofEpochMilli(published), zone);
                })
                .findOne()
                .map(t -> t.startsWith("page:") ? it.testata.page.PageStore.tree(h).path(Long.parseLong(t.substring(5))) : t)
                .filter(t -> !t.isEmpty()));
    }

    /** True when a page lives at this address (nested under its parents': --- pages ---). */
    public boolean isPagePath(String path) {
        return it.testata.page.PageStore.tree(jdbi).paths().containsValue(path);
    }

    /** Records that an old address (1: path) leads to an article or page (2: its id), replacing what it led to before. */
    public static final String TO_ARTICLE = """
            INSERT INTO redirects (path, article_id, target) VALUES (?, ?, '')
            ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id, target = ''""";

    /** Records that an old address leads to a fixed path (a renamed category, say). */
    public static void toPath(Handle h, String path, String target) {
        h.createUpdate("""
                        INSERT INTO redirects (path, article_id, target) VALUES (:path, NULL, :target)
                        ON CONFLICT (path) DO UPDATE SET article_id = NULL, target = excluded.target""")
                .bind("path", path).bind("target", target).execute();
    }
}
