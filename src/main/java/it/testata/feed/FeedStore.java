package it.testata.feed;

import it.testata.article.Article;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** SQL for the comment feeds: approved comments on public articles, without any commenter email. */
public final class FeedStore {
    private final Jdbi jdbi;

    public FeedStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One comment as a feed shows it. */
    public record FeedComment(long id, String authorName, String bodyHtml, Instant createdAt, String articleTitle,
                              String articlePath) {}

    /** The latest approved comments on public articles, newest first; on one article when articleId is not null. */
    public List<FeedComment> latestComments(Long articleId, Instant now, int limit, ZoneId zone) {
        return jdbi.withHandle(h -> {
            Query q = h.createQuery("""
                            SELECT k.id, k.author_name, k.body_html, k.created_at, a.title, a.slug, a.published_at
                            FROM comments k JOIN articles a ON a.id = k.article_id
                            WHERE k.status = 'approved' AND k.kind = 'comment' AND a.status = 'published' AND a.published_at <= :now AND a.password IS NULL"""
                            + (articleId == null ? "" : " AND a.id = :article")
                            + " ORDER BY k.created_at DESC, k.id DESC LIMIT :limit")
                    .bind("now", now.toEpochMilli()).bind("limit", limit);
            if (articleId != null) q.bind("article", articleId);
            return q.map((rs, ctx) -> new FeedComment(rs.getLong("id"), rs.getString("author_name"),
                    rs.getString("body_html"), Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("title"),
                    Article.path(rs.getString("slug"), Instant.ofEpochMilli(rs.getLong("published_at")), zone))).list();
        });
    }
}
