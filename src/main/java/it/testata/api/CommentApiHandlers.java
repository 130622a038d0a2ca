package it.testata.api;

import io.javalin.http.Context;
import it.testata.article.Article;
import it.testata.article.ArticleService;
import it.testata.comment.CommentRecord;
import it.testata.comment.CommentService;
import it.testata.comment.CommentStatus;
import it.testata.web.LayoutService;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /api/v1/comments: the moderation queue for admins, editors and moderators (the guard), with the commenter's
 * email (every caller here is staff). Every action goes through {@link CommentService#moderate}.
 */
public final class CommentApiHandlers {
    private final CommentService comments;
    private final ArticleService articles;
    private final LayoutService layouts;

    public CommentApiHandlers(CommentService comments, ArticleService articles, LayoutService layouts) {
        this.comments = comments;
        this.articles = articles;
        this.layouts = layouts;
    }

    /** GET /api/v1/comments?status=&article=&page=&per_page= (article: an id or a slug), newest first. */
    public void list(Context ctx) throws Exception {
        Api.run(ctx, () -> {
            CommentStatus status = null;
            String s = Api.param(ctx, "status");
            if (s != null) {
                try {
                    status = CommentStatus.parse(s);
                } catch (IllegalArgumentException e) {
                    throw new ApiError(400, "status must be pending, approved, spam or trash");
                }
            }
            String article = Api.param(ctx, "article");
            if (article != null && article.matches("\\d{1,18}")) {
                article = articles.article(Long.parseLong(article)).map(Article::slug)
                        .orElseThrow(() -> new ApiError(404, "no article " + Api.param(ctx, "article")));
            }
            int page = Api.positive(ctx, "page", 1, Api.MAX_PAGE);
            int perPage = Api.positive(ctx, "per_page", Api.PER_PAGE, Api.MAX_PER_PAGE);
            List<CommentRecord> all = comments.list(status, article);
            ZoneId zone = layouts.site().zone();
            String base = layouts.baseUrl(ctx);
            List<Map<String, Object>> items = new ArrayList<>();
            long from = (long) (page - 1) * perPage;
            for (int i = (int) Math.min(from, all.size()); i < Math.min(from + perPage, all.size()); i++) {
                items.add(json(all.get(i), zone, base));
            }
            Api.send(ctx, 200, Api.page(items, page, perPage, all.size()));
        });
    }

    /** GET /api/v1/comments/{id} */
    public void get(Context ctx) throws Exception {
        Api.run(ctx, () -> Api.send(ctx, 200, json(found(Api.id(ctx, "id")), layouts.site().zone(), layouts.baseUrl(ctx))));
    }

    /** POST /api/v1/comments/{id}/approve */
    public void approve(Context ctx) throws Exception {
        moderate(ctx, CommentService.Action.APPROVE);
    }

    /** POST /api/v1/comments/{id}/spam */
    public void spam(Context ctx) throws Exception {
        moderate(ctx, CommentService.Action.SPAM);
    }

    /** POST /api/v1/comments/{id}/trash */
    public void trash(Context ctx) throws Exception {
        moderate(ctx, CommentService.Action.TRASH);
    }

    /** DELETE /api/v1/comments/{id}: gone for good; 204. */
    public void delete(Context ctx) throws Exception {
        Api.run(ctx, () -> {
            long id = Api.id(ctx, "id");
            if (!comments.moderate(id, CommentService.Action.DELETE)) throw new ApiError(404, "no comment " + id);
            ctx.status(204);
        });
    }

    private void moderate(Context ctx, CommentService.Action action) throws Exception {
        Api.run(ctx, () -> {
            long id = Api.id(ctx, "id");
            if (!comments.moderate(id, action)) throw new ApiError(404, "no comment " + id);
            Api.send(ctx, 200, json(found(id), layouts.site().zone(), layouts.baseUrl(ctx)));
        });
    }

    private CommentRecord found(long id) {
        return comments.find(id).orElseThrow(() -> new ApiError(404, "no comment " + id));
    }

    static Map<String, Object> json(CommentRecord c, ZoneId zone, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("status", c.status().db());
        m.put("article_id", c.articleId());
        m.put("article_url", c.articlePublishedAt() == null ? null
                : base + Article.path(c.articleSlug(), c.articlePublishedAt(), zone));
        m.put("parent", c.parentId());
        m.put("author", c.authorName());
        m.put("email", c.authorEmail());
        m.put("url", c.authorUrl());
        m.put("created_at", ArticleApiHandlers.iso(c.createdAt(), zone));
        m.put("text", c.bodyRaw());
        m.put("network", c.ipNet());
        m.put("verdict", c.verdict());
        m.put("score", c.score());
        m.put("reasons", c.reasons());
        m.put("learned", c.learned());
        return m;
    }
}
