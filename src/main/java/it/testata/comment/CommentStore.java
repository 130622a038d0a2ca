package it.testata.comment;

import it.testata.article.Article;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** SQL for reader comments. */
public final class CommentStore {
    private final Jdbi jdbi;

    public CommentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The latest approved comments on public articles, newest first. */
    public List<RecentComment> recentApproved(int limit, Instant now, ZoneId zone) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT k.id, k.author_name, a.title, a.slug, a.published_at
                        FROM comments k JOIN articles a ON a.id = k.article_id
                        WHERE k.status = 'approved' AND a.status = 'published' AND a.published_at <= :now
                        ORDER BY k.created_at DESC, k.id DESC LIMIT :limit""")
                .bind("now", now.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> {
                    String path = Article.path(rs.getString("slug"), Instant.ofEpochMilli(rs.getLong("published_at")), zone);
                    return new RecentComment(rs.getLong("id"), rs.getString("author_name"), rs.getString("title"), path);
                })
                .list());
    }
}
