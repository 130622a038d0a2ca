package it.testata.article;

import java.time.Instant;
import java.util.Map;

/** Which public articles a list shows: all, or one category, tag, author or month. */
public record ArticleQuery(String where, Map<String, Object> binds) {
    public static ArticleQuery all() {
        return new ArticleQuery("", Map.of());
    }

    public static ArticleQuery category(String slug) {
        return new ArticleQuery("AND c.slug = :slug", Map.of("slug", slug));
    }

    public static ArticleQuery tag(String slug) {
        return new ArticleQuery("""
                AND EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id
                            WHERE x.article_id = a.id AND t.slug = :slug)""", Map.of("slug", slug));
    }

    public static ArticleQuery author(String slug) {
        return new ArticleQuery("AND au.slug = :slug", Map.of("slug", slug));
    }

    public static ArticleQuery between(Instant from, Instant to) {
        return new ArticleQuery("AND a.published_at >= :from AND a.published_at < :to",
                Map.of("from", from.toEpochMilli(), "to", to.toEpochMilli()));
    }
}
