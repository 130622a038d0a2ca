package it.testata.wordpress;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** SQL for a WordPress import, inside the importer's one transaction: rows matched by their WordPress ids. */
final class WxrStore {
    private WxrStore() {}

    /** An article or page as the import writes it. Times in epoch millis; publishedAt may be null. */
    record ArticleRow(long wpId, String kind, String slug, String title, String standfirst, String body,
                      String status, Long publishedAt, long createdAt, long updatedAt, long authorId,
                      Long categoryId, boolean commentsOpen) {}

    /** A comment as the import writes it. */
    record CommentRow(long wpId, long articleId, Long parentId, String kind, String status, String authorName,
                      String authorEmail, String authorUrl, String bodyRaw, String bodyHtml, long createdAt, String ipNet) {}

    static long author(Handle h, String slug, String name, String email) {
        return h.createQuery("""
                        INSERT INTO authors (name, slug, bio, created_at, email) VALUES (:name, :slug, '', :at, :email)
                        ON CONFLICT (slug) DO UPDATE SET name = excluded.name,
                            email = CASE WHEN excluded.email = '' THEN authors.email ELSE excluded.email END
                        RETURNING id""")
                .bind("name", name).bind("slug", slug).bind("email", email).bind("at", System.currentTimeMillis())
                .mapTo(Long.class).one();
    }

    static long category(Handle h, String slug, String name, String description) {
        return h.createQuery("""
                        INSERT INTO categories (name, slug, description) VALUES (:name, :slug, :description)
                        ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description
                        RETURNING id""")
                .bind("name", name).bind("slug", slug).bind("description", description)
                .mapTo(Long.class).one();
    }

    static long tag(Handle h, String slug, String name) {
        return h.createQuery("""
                        INSERT INTO tags (name, slug) VALUES (:name, :slug)
                        ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id""")
                .bind("name", name).bind("slug", slug)
                .mapTo(Long.class).one();
    }

    static void categoryParent(Handle h, long id, Long parentId) {
        h.createUpdate("UPDATE categories SET parent_id = :parent WHERE id = :id")
                .bind("parent", parentId).bind("id", id).execute();
    }

    /** The article imported earlier from this WordPress id: its id and slug. */
    static Optional<Existing> articleByWpId(Handle h, long wpId) {
        return h.createQuery("SELECT id, slug, kind, published_at FROM articles WHERE wp_id = :wp")
                .bind("wp", wpId)
                .map((rs, ctx) -> {
                    long published = rs.getLong("published_at");
                    return new Existing(rs.getLong("id"), rs.getString("slug"), rs.getString("kind"),
                            rs.wasNull() ? null : published);
                })
                .findOne();
    }

    record Existing(long id, String slug, String kind, Long publishedAt) {}

    /** The id of the article that has this slug, if any. */
    static Optional<Long> slugOwner(Handle h, String slug) {
        return h.createQuery("SELECT id FROM articles WHERE slug = :slug").bind("slug", slug).mapTo(Long.class).findOne();
    }

    static long article(Handle h, ArticleRow a) {
        return h.createQuery("""
                        INSERT INTO articles (wp_id, kind, slug, title, standfirst, body_md, body_html, status, published_at,
                                              created_at, updated_at, author_id, category_id, comments_open)
                        VALUES (:wp, :kind, :slug, :title, :standfirst, :body, :body, :status, :published,
                                :created, :updated, :author, :category, :open)
                        ON CONFLICT (wp_id) DO UPDATE SET kind = excluded.kind, slug = excluded.slug,
                            title = excluded.title, standfirst = excluded.standfirst, body_md = excluded.body_md,
                            body_html = excluded.body_html, status = excluded.status, published_at = excluded.published_at,
                            created_at = excluded.created_at, updated_at = excluded.updated_at,
                            author_id = excluded.author_id, category_id = excluded.category_id,
                            comments_open = excluded.comments_open
                        RETURNING id""")
                .bind("wp", a.wpId()).bind("kind", a.kind()).bind("slug", a.slug()).bind("title", a.title())
                .bind("standfirst", a.standfirst()).bind("body", a.body()).bind("status", a.status())
                .bind("published", a.publishedAt()).bind("created", a.createdAt()).bind("updated", a.updatedAt())
                .bind("author", a.authorId()).bind("category", a.categoryId()).bind("open", a.commentsOpen() ? 1 : 0)
                .mapTo(Long.class).one();
    }

    static void tags(Handle h, long articleId, List<Long> tagIds) {
        h.createUpdate("DELETE FROM article_tags WHERE article_id = :id").bind("id", articleId).execute();
        for (long tagId : tagIds) {
            h.createUpdate("INSERT INTO article_tags (article_id, tag_id) VALUES (:a, :t) ON CONFLICT DO NOTHING")
                    .bind("a", articleId).bind("t", tagId).execute();
        }
    }

    static long comment(Handle h, CommentRow c) {
        return h.createQuery("""
                        INSERT INTO comments (wp_id, article_id, parent_id, kind, status, author_name, author_email,
                                              author_url, body_raw, body_html, created_at, ip_net, user_agent)
                        VALUES (:wp, :article, :parent, :kind, :status, :name, :email, :url, :raw, :html, :at, :net, '')
                        ON CONFLICT (wp_id) DO UPDATE SET article_id = excluded.article_id, parent_id = excluded.parent_id,
                            kind = excluded.kind, status = excluded.status, author_name = excluded.author_name,
                            author_email = excluded.author_email, author_url = excluded.author_url,
                            body_raw = excluded.body_raw, body_html = excluded.body_html,
                            created_at = excluded.created_at, ip_net = excluded.ip_net
                        RETURNING id""")
                .bind("wp", c.wpId()).bind("article", c.articleId()).bind("parent", c.parentId())
                .bind("kind", c.kind()).bind("status", c.status()).bind("name", c.authorName())
                .bind("email", c.authorEmail()).bind("url", c.authorUrl()).bind("raw", c.bodyRaw())
                .bind("html", c.bodyHtml()).bind("at", c.createdAt()).bind("net", c.ipNet())
                .mapTo(Long.class).one();
    }

    static Optional<Long> commentByWpId(Handle h, long wpId) {
        return h.createQuery("SELECT id FROM comments WHERE wp_id = :wp").bind("wp", wpId).mapTo(Long.class).findOne();
    }

    static long maxCommentId(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM comments").mapTo(Long.class).one();
    }
}
