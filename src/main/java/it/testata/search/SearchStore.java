package it.testata.search;

import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for the search index: public articles only, read by id, in batches, or as their last-edit times. */
public final class SearchStore {
    private static final String PUBLIC = "a.status = 'published' AND a.published_at <= :now AND "
            + it.testata.article.ArticleStore.NOT_PROTECTED;
    private static final String SELECT = "SELECT a.id, a.slug, a.title, a.standfirst, a.body_html, a.published_at, a.updated_at FROM articles a WHERE ";

    private final Jdbi jdbi;

    /** Every page's address by its slug (--- pages ---): a page found by search links to it, nested under its parents'. */
    public java.util.Map<String, String> pagePaths() {
        return it.testata.page.PageStore.tree(jdbi).pathsBySlug();
    }

    public SearchStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every public article's id and last-edit time. */
    public Map<Long, Instant> publicStamps(Instant now) {
        return jdbi.withHandle(h -> {
            Map<Long, Instant> out = new HashMap<>();
            h.createQuery("SELECT a.id, a.updated_at FROM articles a WHERE " + PUBLIC).bind("now", now.toEpochMilli())
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2))))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    public Optional<IndexedArticle> publicArticle(long id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "a.id = :id AND " + PUBLIC)
                .bind("id", id).bind("now", now.toEpochMilli()).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Public articles with ids above {@code afterId}, by id, at most {@code limit}. */
    public List<IndexedArticle> publicBatch(long afterId, int limit, Instant now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "a.id > :after AND " + PUBLIC + " ORDER BY a.id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> map(rs)).list());
    }

    public int countPublic(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles a WHERE " + PUBLIC)
                .bind("now", now.toEpochMilli()).mapTo(Integer.class).one());
    }

    private static IndexedArticle map(ResultSet rs) throws SQLException {
        String text = rs.getString("standfirst") + "\n" + PlainText.of(rs.getString("body_html"));
        return new IndexedArticle(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), text.strip(),
                Instant.ofEpochMilli(rs.getLong("published_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
