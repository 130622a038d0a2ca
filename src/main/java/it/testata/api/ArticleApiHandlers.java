package it.testata.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import it.testata.account.Access;
import it.testata.account.Principal;
import it.testata.article.Article;
import it.testata.article.ArticleDraft;
import it.testata.article.ArticleService;
import it.testata.article.Revision;
import it.testata.article.Slugs;
import it.testata.article.StaffQuery;
import it.testata.article.Status;
import it.testata.article.Term;
import it.testata.web.LayoutService;

import it.testata.text.CleanText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * /api/v1/articles: list, create, read, change, delete, revisions. Admins and editors act on every article;
 * authors on their own only (they see only theirs, and write under their own byline); moderators not at all.
 */
public final class ArticleApiHandlers {
    static final Set<String> WRITABLE = Set.of("title", "standfirst", "body", "slug", "status", "published_at",
            "category", "tags", "author", "password");
    /** Fields an answer carries that a client may send back unchanged; they are ignored. */
    static final Set<String> READ_ONLY = Set.of("id", "url", "updated_at", "public", "comments_open", "comment_count");

    private final ArticleService articles;
    private final LayoutService layouts;

    public ArticleApiHandlers(ArticleService articles, LayoutService layouts) {
        this.articles = articles;
        this.layouts = layouts;
    }

    /**
     * GET /api/v1/articles?status=&author=&category=&tag=&q=&per_page=, then each next page by the answer's {@code next}
     * (cursor=: read from its place, however deep); page= (by number, an OFFSET) still works for older clients.
     * total=exact counts every match, total=none nothing; by default the count is exact when free (no filter but the
     * status) and stops at 1,000 otherwise ({@code total_exact} false).
     */
    public void list(Context ctx) throws Exception {
        Api.run(ctx, () -> {
            Principal p = Access.principal(ctx);
            Status status = null;
            if (Api.param(ctx, "status") != null) status = status(Api.param(ctx, "status"), 400);
            int perPage = Api.positive(ctx, "per_page", Api.PER_PAGE, Api.MAX_PER_PAGE);
            String total = Api.param(ctx, "total");
            if (total != null && !total.equals("exact") && !total.equals("none")) throw new ApiError(400, "total must be exact or none");
            String cursor = Api.param(ctx, "cursor");
            if (cursor != null && Api.param(ctx, "page") != null) throw new ApiError(400, "give cursor or page, not both");
            Long own = p.role().editsAll() ? null : ownAuthorId(p);
            StaffQuery q = new StaffQuery(status, Api.param(ctx, "author"), Api.param(ctx, "category"),
                    Api.param(ctx, "tag"), Api.param(ctx, "q"), own);
            // --- cluster2: one row more than a page tells whether there is a next one ---
            List<Article> rows;
            int page = 0;
            if (cursor != null) {
                it.testata.paging.Keyset at = Cursor.decode(cursor)
                        .orElseThrow(() -> new ApiError(400, "cursor is not one this API gave: follow the answer's next link"));
                rows = articles.staffRows(q, at, perPage + 1);
            } else {
                page = Api.positive(ctx, "page", 1, Api.MAX_PAGE);
                rows = page == 1 ? articles.staffRows(q, null, perPage + 1)
                        : articles.staffRowsAt(q, (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * perPage), perPage + 1);
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (Article a : rows.subList(0, Math.min(perPage, rows.size()))) items.add(json(ctx, a));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", items);
            if (cursor == null) body.put("page", page);
            body.put("per_page", perPage);
            it.testata.paging.Count count = "none".equals(total) ? null : articles.staffCount(q, "exact".equals(total));
            body.put("total", count == null ? null : count.n());
            body.put("total_exact", count == null ? null : !count.more());
            if (cursor == null) body.put("pages", count == null ? null : Math.max(1, (count.n() + perPage - 1) / perPage));
            body.put("next", rows.size() > perPage
                    ? Cursor.next(ctx, layouts.baseUrl(ctx), it.testata.article.StaffListStore.place(rows.get(perPage - 1))) : null);
            Api.send(ctx, 200, body);
        });
    }

    /** POST /api/v1/articles: 201 with the article and its Location. */
    public void create(Context ctx) throws Exception {
        Api.run(ctx, () -> {
            Principal p = Access.principal(ctx);
            ArticleDraft base = new ArticleDraft("", "", "", "", Status.DRAFT, null, p.user().name(), null, List.of());
            JsonNode in = Api.object(ctx);
            ArticleDraft d = merge(in, base, p);
            Optional<String> password = password(in);
            Article a = articles.create(d, p.user().id());
            if (password.isPresent()) {
                articles.setPassword(a.id(), password.get());
                a = articles.article(a.id()).orElseThrow();
            }
            ctx.header("Location", "/api/v1/articles/" + a.id());
            Api.send(ctx, 201, json(ctx, a));
        });
    }

    /** GET /api/v1/articles/{id} */
    public void get(Context ctx) throws Exception {
        Api.run(ctx, () -> Api.send(ctx, 200, json(ctx, owned(ctx))));
    }

    /** PATCH /api/v1/articles/{id}: only the fields given change. */
    public void patch(Context ctx) throws Exception {
        Api.run(ctx, () -> {
            Principal p = Access.principal(ctx);
            Article a = owned(ctx);
            ArticleDraft base = new ArticleDraft(a.slug(), a.title(), a.standfirst(), a.bodyMd(), a.status(),
                    a.publishedAt(), a.author().name(), a.category() == null ? null : a.category().name(),
                    a.tags().stream().map(Term::name).toList());
            JsonNode in = Api.object(ctx);
            ArticleDraft d = merge(in, base, p);
            Optional<String> password = password(in);
            Article saved = articles.update(a.id(), d, p.user().id())
                    .orElseThrow(() -> new ApiError(404, "no article " + a.id()));
            if (password.isPresent() && !password.get().equals(saved.password() == null ? "" : saved.password())) {
                articles.setPassword(a.id(), password.get());
                saved = articles.article(a.id()).orElseThrow();
            }
            Api.send(ctx, 200, json(ctx, saved));
        });
    }

    /** DELETE /api/v1/articles/{id}: the article, its comments and revisions; 204. */
    public void delete(Context ctx) throws Exception {
        Api.run(ctx, () -> {
            Article a = owned(ctx);
            if (!articles.delete(a.id())) throw new ApiError(404, "no article " + a.id());
            ctx.status(204);
        });
    }

    /** GET /api/v1/articles/{id}/revisions: newest first. */
    public void revisions(Context ctx) throws Exception {
        Api.run(ctx, () -> {
            Article a = owned(ctx);
            ZoneId zone = layouts.site().zone();
            List<Map<String, Object>> items = new ArrayList<>();
            for (Revision r : articles.revisions(a.id())) items.add(json(r, zone));
            Api.send(ctx, 200, Map.of("items", items));
        });
    }

    /** The article named by the path, when this caller may act on it: else 404, or 403 for another's. */
    private Article owned(Context ctx) {
        long id = Api.id(ctx, "id");
        Article a = articles.article(id).orElseThrow(() -> new ApiError(404, "no article " + id));
        Principal p = Access.principal(ctx);
        if (!p.role().editsAll() && a.author().id() != ownAuthorId(p)) {
            throw new ApiError(403, "an author may only act on their own articles");
        }
        return a;
    }

    private static long ownAuthorId(Principal p) {
        return p.user().authorId() == null ? -1 : p.user().authorId();
    }

    /** The draft with the request's fields over the base; 422 for unknown fields or wrong types. */
    static ArticleDraft merge(JsonNode in, ArticleDraft base, Principal p) {
        Map<String, String> errors = new LinkedHashMap<>();
        in.fieldNames().forEachRemaining(f -> {
            if (!WRITABLE.contains(f) && !READ_ONLY.contains(f)) errors.put(f, "unknown field");
        });
        // texts are cleaned (CleanText); the slug is checked as sent and refused when malformed
        String title = CleanText.line(text(in, "title", base.title(), errors, false));
        String standfirst = CleanText.text(text(in, "standfirst", base.standfirst(), errors, false));
        String body = CleanText.text(text(in, "body", base.bodyMd(), errors, false));
        String slug = text(in, "slug", base.slug(), errors, true);
        String author = CleanText.line(text(in, "author", base.authorName(), errors, false));
        String category = CleanText.line(text(in, "category", base.category(), errors, true));
        Status status = base.status();
        String statusText = text(in, "status", null, errors, false);
        if (statusText != null) {
            try {
                status = status(statusText, 422);
            } catch (ApiError e) {
                errors.put("status", e.getMessage());
            }
        }
        Instant publishedAt = base.publishedAt();
        if (in.has("published_at")) {
            String t = text(in, "published_at", null, errors, true);
            try {
                publishedAt = t == null || t.isBlank() ? null : OffsetDateTime.parse(t.strip()).toInstant();
            } catch (java.time.DateTimeException e) { // unreadable, or beyond what a time can hold
                errors.put("published_at", "must be ISO 8601 with an offset, such as 2026-11-26T10:00:00+01:00");
            }
        }
        List<String> tags = base.tags();
        if (in.has("tags")) {
            JsonNode t = in.get("tags");
            if (!t.isArray()) {
                errors.put("tags", "must be a list of names");
            } else {
                List<String> names = new ArrayList<>();
                t.forEach(n -> {
                    if (n.isTextual()) names.add(CleanText.line(n.asText()));
                    else errors.put("tags", "must be a list of names");
                });
                tags = names;
            }
        }
        if (!errors.isEmpty()) throw new ApiError(422, "the article was not saved: " + errors, errors);
        if (!p.role().editsAll() && in.has("author") && !Slugs.of(author).equals(Slugs.of(p.user().name()))) {
            throw new ApiError(403, "an author writes under their own name only");
        }
        return new ArticleDraft(slug == null ? "" : slug, title, standfirst, body, status, publishedAt, author, category, tags);
    }

    /**
     * The "password" field when given: a string (empty or null removes the password) of at most 255 characters,
     * cleaned like every text; empty when the field is absent; 422 otherwise.
     */
    static Optional<String> password(JsonNode in) {
        if (!in.has("password")) return Optional.empty();
        JsonNode n = in.get("password");
        if (n.isNull()) return Optional.of("");
        if (!n.isTextual()) throw new ApiError(422, "password must be a string or null", Map.of("password", "must be a string or null"));
        String p = CleanText.line(n.asText()).strip();
        if (p.length() > 255) throw new ApiError(422, "password is longer than 255 characters", Map.of("password", "at most 255 characters"));
        return Optional.of(p);
    }

    /** A string field when present (null allowed only where nullable), else the fallback. */
    private static String text(JsonNode in, String field, String fallback, Map<String, String> errors, boolean nullable) {
        if (!in.has(field)) return fallback;
        JsonNode n = in.get(field);
        if (n.isNull() && nullable) return null;
        if (!n.isTextual()) {
            errors.put(field, nullable ? "must be a string or null" : "must be a string");
            return fallback;
        }
        return n.asText();
    }

    static Status status(String s, int httpStatus) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "draft" -> Status.DRAFT;
            case "published" -> Status.PUBLISHED;
            case "scheduled" -> Status.SCHEDULED;
            default -> throw new ApiError(httpStatus, "status must be draft, published or scheduled");
        };
    }

    private Map<String, Object> json(Context ctx, Article a) {
        ZoneId zone = layouts.site().zone();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("password", a.password()); // staff only, as every API answer
        m.put("standfirst", a.standfirst());
        m.put("body", a.bodyMd());
        m.put("slug", a.slug());
        m.put("status", a.status().db());
        m.put("published_at", iso(a.publishedAt(), zone));
        m.put("updated_at", iso(a.updatedAt(), zone));
        m.put("category", a.category() == null ? null : a.category().name());
        m.put("tags", a.tags().stream().map(Term::name).toList());
        m.put("author", a.author().name());
        String pagePath = articles.pageTree().path(a.id()); // --- pages: a page's address, nested under its parents' ---
        m.put("url", layouts.baseUrl(ctx) + (pagePath != null ? pagePath : a.path(zone)));
        m.put("public", a.status() == Status.PUBLISHED && a.publishedAt() != null && !a.publishedAt().isAfter(Instant.now()));
        m.put("comments_open", a.commentsOpen());
        m.put("comment_count", a.commentCount());
        return m;
    }

    private static Map<String, Object> json(Revision r, ZoneId zone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("article_id", r.articleId());
        m.put("saved_at", iso(r.savedAt(), zone));
        m.put("saved_by", r.savedByName());
        m.put("title", r.title());
        m.put("standfirst", r.standfirst());
        m.put("body", r.bodyMd());
        m.put("slug", r.slug());
        m.put("status", r.status().db());
        m.put("published_at", iso(r.publishedAt(), zone));
        m.put("category", r.category());
        m.put("tags", r.tags());
        m.put("author", r.authorName());
        return m;
    }

    static String iso(Instant t, ZoneId zone) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone));
    }
}
