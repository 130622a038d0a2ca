package it.testata.sitemap;

import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/** SQL for the sitemaps: public articles, and the categories, tags and authors that have any. */
public final class SitemapStore {
    private static final String PUBLIC = "a.status = 'published' AND a.published_at <= :now AND "
            + it.testata.article.ArticleStore.NOT_PROTECTED;

    private final Jdbi jdbi;

    public SitemapStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** An address to list: a slug (and for articles the publication time that dates its path) and when it last changed. */
    public record Entry(String slug, Instant published, Instant lastModified, String pagePath) {
        public Entry(String slug, Instant published, Instant lastModified) {
            this(slug, published, lastModified, null);
        }
    }

    /** A part of the articles' sitemap (numbered from 1) and the latest change of what it lists. */
    public record Part(int number, Instant lastModified) {}

    /**
     * --- cluster2 --- The parts that list anything: part n holds the public articles and pages whose id lies in
     * ((n - 1) * size, n * size], so a part never holds more than size addresses whatever the site's size, and an
     * address stays in its part while others are published or deleted.
     */
    public List<Part> parts(Instant now, int size) {
        return jdbi.withHandle(h -> h.createQuery("SELECT part, MAX(changed) AS changed FROM (SELECT (a.id - 1) / :size + 1 AS"
                        + " part, CASE WHEN a.updated_at > a.published_at THEN a.updated_at ELSE a.published_at END AS changed"
                        + " FROM articles a WHERE " + PUBLIC + ") x GROUP BY part ORDER BY part")
                .bind("now", now.toEpochMilli()).bind("size", size)
                .map((rs, ctx) -> new Part(rs.getInt("part"), Instant.ofEpochMilli(rs.getLong("changed")))).list());
    }

    /**
     * The public articles and pages of one part (see {@link #parts}), newest first; lastModified is the later of
     * publication and last edit; a page's entry carries its address (nested under its parents': --- pages ---).
     */
    public List<Entry> articles(Instant now, int part, int size) {
        return jdbi.withHandle(h -> {
            it.testata.page.PageTree pages = it.testata.page.PageStore.tree(h);
            // "status || ''" keeps SQLite off articles_public (which would walk every public article of the site): it
            // reads the part's range of the primary key instead, as PostgreSQL does by its statistics
            return h.createQuery("SELECT a.id, a.kind, a.slug, a.published_at, a.updated_at FROM articles a WHERE a.id > :from"
                            + " AND a.id <= :to AND a.status || '' = 'published' AND a.published_at <= :now AND "
                            + it.testata.article.ArticleStore.NOT_PROTECTED + " ORDER BY a.published_at DESC, a.id DESC")
                    .bind("now", now.toEpochMilli()).bind("from", (long) (part - 1) * size).bind("to", (long) part * size)
                    .map((rs, ctx) -> {
                        long published = rs.getLong("published_at");
                        return new Entry(rs.getString("slug"), Instant.ofEpochMilli(published),
                                Instant.ofEpochMilli(Math.max(published, rs.getLong("updated_at"))),
                                "page".equals(rs.getString("kind")) ? pages.path(rs.getLong("id")) : null);
                    }).list();
        });
    }

    /** Categories, tags or authors with at least one public article, with their newest article's time. */
    public List<Entry> terms(String kind, Instant now) {
        String join = switch (kind) {
            case "category" -> "categories t JOIN articles a ON a.category_id = t.id";
            case "tag" -> "tags t JOIN article_tags x ON x.tag_id = t.id JOIN articles a ON a.id = x.article_id";
            case "author" -> "authors t JOIN articles a ON a.author_id = t.id";
            default -> throw new IllegalArgumentException(kind);
        };
        return jdbi.withHandle(h -> h.createQuery("SELECT t.slug, MAX(a.published_at) AS newest FROM " + join
                        + " WHERE " + PUBLIC + " GROUP BY t.slug ORDER BY t.slug")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> {
                    Instant newest = Instant.ofEpochMilli(rs.getLong("newest"));
                    return new Entry(rs.getString("slug"), newest, newest);
                }).list());
    }
}
