package it.testata.wordpress;

import it.testata.redirect.RedirectStore;
import org.jdbi.v3.core.Handle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

/** SQL for a WordPress import, inside the importer's one transaction: rows matched by their WordPress ids. */
final class WxrStore {
    private WxrStore() {}

    /** An article or page as the import writes it. Times in epoch millis; publishedAt may be null. */
    record ArticleRow(long wpId, String kind, String slug, String title, String standfirst, String body,
                      String status, Long publishedAt, long createdAt, long updatedAt, long authorId,
                      Long categoryId, boolean commentsOpen, String password) {}

    /** A comment as the import writes it. */
    record CommentRow(long wpId, long articleId, Long parentId, String kind, String status, String authorName,
                      String authorEmail, String authorUrl, String bodyRaw, String bodyHtml, long createdAt, String ipNet,
                      long statusAt) {}

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

    /**
     * The statements an import runs for every item and comment, prepared once on the transaction's connection
     * (tens of thousands of rows: preparing each statement again would cost more than running it).
     */
    static final class Batch implements AutoCloseable {
        private final PreparedStatement articleByWpId;
        private final PreparedStatement slugOwner;
        private final PreparedStatement article;
        private final PreparedStatement deleteTags;
        private final PreparedStatement insertTag;
        private final PreparedStatement comment;
        private final PreparedStatement commentByWpId;
        private final PreparedStatement redirect;

        Batch(Handle h) {
            Connection c = h.getConnection();
            try {
                articleByWpId = c.prepareStatement("SELECT id, slug, kind, published_at FROM articles WHERE wp_id = ?");
                slugOwner = c.prepareStatement("SELECT id FROM articles WHERE slug = ?");
                article = c.prepareStatement("""
                        INSERT INTO articles (wp_id, kind, slug, title, standfirst, body_md, body_html, status, published_at,
                                              created_at, updated_at, author_id, category_id, comments_open, password)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (wp_id) DO UPDATE SET kind = excluded.kind, slug = excluded.slug,
                            title = excluded.title, standfirst = excluded.standfirst, body_md = excluded.body_md,
                            body_html = excluded.body_html, published_at = excluded.published_at,
                            status = CASE WHEN articles.trashed_at IS NULL THEN excluded.status ELSE 'draft' END,
                            trashed_status = CASE WHEN articles.trashed_at IS NULL THEN NULL ELSE excluded.status END,
                            created_at = excluded.created_at, updated_at = excluded.updated_at,
                            author_id = excluded.author_id, category_id = excluded.category_id,
                            comments_open = excluded.comments_open, password = excluded.password
                        RETURNING id""");
                deleteTags = c.prepareStatement("DELETE FROM article_tags WHERE article_id = ?");
                insertTag = c.prepareStatement("INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
                comment = c.prepareStatement("""
                        INSERT INTO comments (wp_id, article_id, parent_id, kind, status, author_name, author_email,
                                              author_url, body_raw, body_html, created_at, ip_net, user_agent, status_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)
                        ON CONFLICT (wp_id) DO UPDATE SET article_id = excluded.article_id, parent_id = excluded.parent_id,
                            kind = excluded.kind, status = excluded.status,
                            status_at = CASE WHEN comments.status = excluded.status THEN comments.status_at
                                             ELSE excluded.status_at END,
                            author_name = excluded.author_name,
                            author_email = excluded.author_email, author_url = excluded.author_url,
                            body_raw = excluded.body_raw, body_html = excluded.body_html,
                            created_at = excluded.created_at, ip_net = excluded.ip_net
                        RETURNING id""");
                commentByWpId = c.prepareStatement("SELECT id FROM comments WHERE wp_id = ?");
                redirect = c.prepareStatement(RedirectStore.TO_ARTICLE);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot prepare the import's statements", e);
            }
        }

        /** The article imported earlier from this WordPress id. */
        Optional<Existing> articleByWpId(long wpId) {
            try {
                articleByWpId.setLong(1, wpId);
                try (ResultSet rs = articleByWpId.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    long published = rs.getLong(4);
                    Long publishedAt = rs.wasNull() ? null : published;
                    return Optional.of(new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), publishedAt));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** The id of the article that has this slug, if any. */
        Optional<Long> slugOwner(String slug) {
            try {
                slugOwner.setString(1, slug);
                return optionalId(slugOwner);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        long article(ArticleRow a) {
            try {
                int i = 1;
                article.setLong(i++, a.wpId());
                article.setString(i++, a.kind());
                article.setString(i++, a.slug());
                article.setString(i++, a.title());
                article.setString(i++, a.standfirst());
                article.setString(i++, a.body());
                article.setString(i++, a.body());
                article.setString(i++, a.status());
                setLong(article, i++, a.publishedAt());
                article.setLong(i++, a.createdAt());
                article.setLong(i++, a.updatedAt());
                article.setLong(i++, a.authorId());
                setLong(article, i++, a.categoryId());
                article.setInt(i++, a.commentsOpen() ? 1 : 0);
                article.setString(i, a.password());
                return returnedId(article);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        void tags(long articleId, List<Long> tagIds) {
            try {
                deleteTags.setLong(1, articleId);
                deleteTags.executeUpdate();
                for (long tagId : tagIds) {
                    insertTag.setLong(1, articleId);
                    insertTag.setLong(2, tagId);
                    insertTag.executeUpdate();
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        long comment(CommentRow c) {
            try {
                int i = 1;
                comment.setLong(i++, c.wpId());
                comment.setLong(i++, c.articleId());
                setLong(comment, i++, c.parentId());
                comment.setString(i++, c.kind());
                comment.setString(i++, c.status());
                comment.setString(i++, c.authorName());
                comment.setString(i++, c.authorEmail());
                comment.setString(i++, c.authorUrl());
                comment.setString(i++, c.bodyRaw());
                comment.setString(i++, c.bodyHtml());
                comment.setLong(i++, c.createdAt());
                comment.setString(i++, c.ipNet());
                // the status changes now, here: spam is purged 30 days after this, not after it was written
                comment.setLong(i, c.statusAt());
                return returnedId(comment);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        Optional<Long> commentByWpId(long wpId) {
            try {
                commentByWpId.setLong(1, wpId);
                return optionalId(commentByWpId);
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        /** An old address that leads to this article (see {@link RedirectStore#TO_ARTICLE}). */
        void redirect(String path, long articleId) {
            try {
                redirect.setString(1, path);
                redirect.setLong(2, articleId);
                redirect.executeUpdate();
            } catch (SQLException e) {
                throw failed(e);
            }
        }

        @Override
        public void close() {
            for (PreparedStatement p : List.of(articleByWpId, slugOwner, article, deleteTags, insertTag, comment,
                    commentByWpId, redirect)) {
                try {
                    p.close();
                } catch (SQLException ignored) {
                    // the transaction's end closes what is left
                }
            }
        }

        private static void setLong(PreparedStatement p, int i, Long value) throws SQLException {
            if (value == null) p.setNull(i, Types.BIGINT);
            else p.setLong(i, value);
        }

        private static long returnedId(PreparedStatement p) throws SQLException {
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private static Optional<Long> optionalId(PreparedStatement p) throws SQLException {
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }

        private static IllegalStateException failed(SQLException e) {
            return new IllegalStateException("the import could not write: " + e.getMessage(), e);
        }
    }

    record Existing(long id, String slug, String kind, Long publishedAt) {}

    /** On SQLite, a page cache large enough that a big import's one transaction rarely spills to the log. */
    static void largeCache(Handle h) {
        try {
            if ("SQLite".equals(h.getConnection().getMetaData().getDatabaseProductName())) {
                h.execute("PRAGMA cache_size = -262144"); // 256 MB at most, for this connection
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long maxCommentId(Handle h) {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM comments").mapTo(Long.class).one();
    }
}
