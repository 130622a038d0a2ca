package it.testata.article;

import io.javalin.http.Context;
import it.testata.comment.CommentCookies;
import it.testata.comment.CommentViews;
import it.testata.comment.CommentsView;
import it.testata.web.Layout;
import it.testata.web.LayoutService;
import it.testata.web.Messages;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** The public pages that show articles: home, archives and the article itself. */
public final class ArticleHandlers {
    private final ArticleService articles;
    private final LayoutService layouts;
    private final Renderer renderer;
    private final CommentViews commentViews;
    private final ArticlePasswords passwords;
    private final java.util.function.Function<Article, List<Article>> related;

    public ArticleHandlers(ArticleService articles, LayoutService layouts, Renderer renderer, CommentViews commentViews,
                           ArticlePasswords passwords, java.util.function.Function<Article, List<Article>> related) {
        this.articles = articles;
        this.layouts = layouts;
        this.renderer = renderer;
        this.commentViews = commentViews;
        this.passwords = passwords;
        this.related = related;
    }

    /** GET / and /page/{n}/ */
    public void home(Context ctx) {
        Messages msg = layouts.messages();
        list(ctx, ArticleQuery.all(), "/", null, msg.t("list.latest"), null);
    }

    /** GET /category/{slug}/ and /category/{slug}/page/{n}/ */
    public void category(Context ctx) {
        Term term = articles.term("category", ctx.pathParam("slug")).orElseThrow(NotFound::new);
        list(ctx, ArticleQuery.category(term.slug()), term.path(), term.name(),
                layouts.messages().t("list.category", term.name()), null);
    }

    /** GET /tag/{slug}/ and /tag/{slug}/page/{n}/ */
    public void tag(Context ctx) {
        Term term = articles.term("tag", ctx.pathParam("slug")).orElseThrow(NotFound::new);
        list(ctx, ArticleQuery.tag(term.slug()), term.path(), term.name(),
                layouts.messages().t("list.tag", term.name()), null);
    }

    /** GET /author/{slug}/ and /author/{slug}/page/{n}/ */
    public void author(Context ctx) {
        Author author = articles.author(ctx.pathParam("slug")).orElseThrow(NotFound::new);
        list(ctx, ArticleQuery.author(author.slug()), author.path(), author.name(),
                layouts.messages().t("list.author", author.name()), author.bio());
    }

    /** GET /{yyyy}/{mm}/ and /{yyyy}/{mm}/page/{n}/ */
    public void month(Context ctx) {
        YearMonth ym = yearMonth(ctx.pathParam("year"), ctx.pathParam("month"));
        ZoneId zone = layouts.site().zone();
        String base = String.format("/%04d/%02d/", ym.getYear(), ym.getMonthValue());
        String name = layouts.messages().month(ym);
        list(ctx, ArticleQuery.between(ym.atDay(1).atStartOfDay(zone).toInstant(),
                ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()), base, name,
                layouts.messages().t("list.month", name), null);
    }

    /** GET /{yyyy}/ and /{yyyy}/page/{n}/: a year's articles, as WordPress's year archive. */
    public void year(Context ctx) {
        String y = ctx.pathParamMap().getOrDefault("year", ctx.pathParamMap().get("slug"));
        if (!y.matches("[0-9]{4}")) throw new NotFound();
        int year = Integer.parseInt(y);
        ZoneId zone = layouts.site().zone();
        list(ctx, ArticleQuery.between(java.time.Year.of(year).atDay(1).atStartOfDay(zone).toInstant(),
                        java.time.Year.of(year + 1).atDay(1).atStartOfDay(zone).toInstant()), "/" + y + "/", y,
                layouts.messages().t("list.year", y), null);
    }

    /** GET /{yyyy}/{mm}/{dd}/{slug}/ */
    public void article(Context ctx) {
        long generation = renderer.generation();
        Article a = articles.publicArticle(ctx.pathParam("slug")).orElseThrow(NotFound::new);
        String canonical = a.path(layouts.site().zone());
        if (!ctx.path().equals(canonical)) {
            // Same slug, another date (a time-zone change, a hand-typed date): send readers to the one address.
            ctx.redirect(canonical, io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        if (a.isProtected()) {
            protectedArticle(ctx, generation, a, false);
            return;
        }
        boolean personal = CommentCookies.personal(ctx);
        ArticlePage page = page(ctx, a, commentViews.forReader(ctx, a, personal));
        if (personal) {
            personal(ctx, 200, page);
        } else {
            renderer.publicPage(ctx, generation, "article/article.jte", page,
                    List.of("article:" + a.id(), "comments:" + a.id()));
        }
    }

    /**
     * A password-protected article: unlocked (the reader's cookie), the whole page, made for this reader alone; else
     * the title and the password form, the same for everyone (so cached, while the unlocked page never is).
     */
    void protectedArticle(Context ctx, long generation, Article a, boolean isPage) {
        String template = isPage ? "article/page.jte" : "article/article.jte";
        if (passwords.unlocked(ctx, a)) {
            ArticlePage full = isPage ? new ArticlePage(layouts.layout(ctx, a.title(), "", articles.pagePath(a.id()), null)
                    .withNoindex(), a, null) : page(ctx, a, commentViews.forReader(ctx, a, true));
            ctx.status(200);
            ctx.header("Cache-Control", "private, no-store");
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(renderer.render(template, full));
        } else if (CommentCookies.personal(ctx) || ArticlePasswords.personal(ctx)) {
            renderLocked(ctx, a, 200, null);
        } else {
            renderer.publicPage(ctx, generation, template, locked(ctx, a, null), List.of("article:" + a.id()));
        }
    }

    /** True when the reader may see this article: not protected, or unlocked by their cookie. */
    public boolean unlocked(Context ctx, Article a) {
        return passwords.unlocked(ctx, a);
    }

    /** The locked page of a protected article (post or page), with a message after a refused password. */
    public void renderLocked(Context ctx, Article a, int status, String error) {
        ArticlePage page = locked(ctx, a, error);
        ctx.status(status);
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(renderer.render(isPage(a) ? "article/page.jte" : "article/article.jte", page));
    }

    private boolean isPage(Article a) {
        return articles.publicPageById(a.id()).isPresent();
    }

    ArticlePage locked(Context ctx, Article a, String error) {
        Article shell = a.withoutContent();
        String path = isPage(a) ? articles.pagePath(a.id()) : a.path(layouts.site().zone());
        Layout frame = layouts.layout(ctx, a.title(), "", path, null).withNoindex();
        return new ArticlePage(frame, shell, null, new ArticlePage.Lock(error), "", List.of(), 0);
    }

    /** An article page with a given comment section, e.g. a refused comment shown again with its messages. */
    public void renderWithComments(Context ctx, Article a, CommentsView comments, int status) {
        personal(ctx, status, page(ctx, a, comments));
    }

    /** A page made for this reader alone (their pending comments, their form): never cached, anywhere. */
    private void personal(Context ctx, int status, ArticlePage page) {
        ctx.status(status);
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(renderer.render("article/article.jte", page));
    }

    private ArticlePage page(Context ctx, Article a, CommentsView comments) {
        // a protected article's excerpt is in no description, Open Graph card or JSON-LD, even once unlocked
        Layout frame = layouts.layout(ctx, a.title(), a.isProtected() ? "" : a.standfirst(), a.path(layouts.site().zone()), null);
        if (ctx.queryParam("replytocom") != null || a.isProtected()) frame = frame.withNoindex();
        frame = frame.withJsonLd(StructuredData.newsArticle(a.isProtected() ? a.withoutContent() : a, frame.baseUrl(), frame));
        return new ArticlePage(frame, a, comments, null, articles.imageAlt(a.image()),
                a.isProtected() ? List.of() : related.apply(a), it.testata.front.FrontService.minutes(a));
    }

    // --- newsroom ---
    /**
     * A draft or scheduled article as it will look, for whoever holds its signed preview link: never cached,
     * never indexed, without the comment form (nobody can comment on an article that is not public).
     */
    public void preview(Context ctx, Article a) {
        Layout frame = layouts.layout(ctx, a.title(), a.standfirst(), a.path(layouts.site().zone()), null).withNoindex();
        CommentsView none = new CommentsView(List.of(), 0, false, null, java.util.Map.of(), null, null, false, "");
        ctx.header("X-Robots-Tag", "noindex, nofollow");
        personal(ctx, 200, new ArticlePage(frame, a, none, articles.imageAlt(a.image())));
    }

    private void list(Context ctx, ArticleQuery query, String basePath, String title, String heading, String intro) {
        long generation = renderer.generation();
        int page = pageNumber(ctx);
        ArticleService.ArticleList list = articles.list(query, page).orElseThrow(NotFound::new);
        Pagination pagination = new Pagination(basePath, list.page(), list.pages());
        String description = intro != null ? intro : title == null ? layouts.site().tagline() : heading;
        Layout frame = layouts.layout(ctx, title, description, pagination.href(page), null);
        renderer.publicPage(ctx, generation, "article/list.jte",
                new ListPage(frame, heading, intro, list.items(), pagination), List.of("lists"));
    }

    /** The {n} of a paginated address; page 1 has no number of its own, so "1" is not found. */
    public static int pageNumber(Context ctx) {
        String n = ctx.pathParamMap().get("n");
        if (n == null) return 1;
        if (!n.matches("[1-9][0-9]{0,5}") || n.equals("1")) throw new NotFound();
        return Integer.parseInt(n);
    }

    private static YearMonth yearMonth(String year, String month) {
        if (!year.matches("[0-9]{4}") || !month.matches("[0-9]{2}")) throw new NotFound();
        try {
            return YearMonth.of(Integer.parseInt(year), Integer.parseInt(month));
        } catch (DateTimeException e) {
            throw new NotFound();
        }
    }
}
