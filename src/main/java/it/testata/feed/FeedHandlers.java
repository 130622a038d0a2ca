package it.testata.feed;

import io.javalin.http.Context;
import it.testata.article.Article;
import it.testata.article.ArticleQuery;
import it.testata.article.ArticleService;
import it.testata.article.Author;
import it.testata.article.Term;
import it.testata.comment.CommentService;
import it.testata.settings.Settings;
import it.testata.web.LayoutService;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.util.List;

/**
 * The feeds, at WordPress's addresses: /feed/, /feed/atom/, /comments/feed/, /{article}/feed/ and
 * /category|tag|author/{slug}/feed/. Cached like pages (ETag, 304), tagged with what they show.
 */
public final class FeedHandlers {
    private final FeedService feeds;
    private final ArticleService articles;
    private final LayoutService layouts;
    private final Renderer renderer;

    public FeedHandlers(FeedService feeds, ArticleService articles, LayoutService layouts, Renderer renderer) {
        this.feeds = feeds;
        this.articles = articles;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    /** GET /feed/ */
    public void latest(Context ctx) {
        site(ctx, Feed.Format.RSS, "/feed/");
    }

    /** GET /feed/atom/ */
    public void latestAtom(Context ctx) {
        site(ctx, Feed.Format.ATOM, "/feed/atom/");
    }

    /** GET /category/{slug}/feed/ */
    public void category(Context ctx) {
        term(ctx, articles.term("category", ctx.pathParam("slug")).orElseThrow(NotFound::new), "feed.category");
    }

    /** GET /tag/{slug}/feed/ */
    public void tag(Context ctx) {
        term(ctx, articles.term("tag", ctx.pathParam("slug")).orElseThrow(NotFound::new), "feed.tag");
    }

    /** GET /author/{slug}/feed/ */
    public void author(Context ctx) {
        Author a = articles.author(ctx.pathParam("slug")).orElseThrow(NotFound::new);
        articleFeed(ctx, ArticleQuery.author(a.slug()), titled(layouts.messages().t("feed.author", a.name())), a.path());
    }

    /** GET /comments/feed/ */
    public void comments(Context ctx) {
        long generation = renderer.generation();
        Settings site = layouts.site();
        var target = new FeedService.Target(layouts.messages().t("feed.comments", site.siteName()), "/",
                "/comments/feed/", Feed.Format.RSS);
        send(ctx, generation, target, feeds.comments(site, layouts.baseUrl(ctx), null, target),
                List.of("sidebar:comments", "lists"));
    }

    /** GET /{yyyy}/{mm}/{dd}/{slug}/feed/: one article's comments. */
    public void articleComments(Context ctx) {
        long generation = renderer.generation();
        Article a = articles.publicArticle(ctx.pathParam("slug")).orElseThrow(NotFound::new);
        String path = a.path(layouts.site().zone());
        if (!ctx.path().equals(path + "feed/") || a.isProtected()) throw new NotFound();
        var target = new FeedService.Target(layouts.messages().t("feed.articleComments", a.title()), path,
                path + "feed/", Feed.Format.RSS);
        send(ctx, generation, target, feeds.comments(layouts.site(), layouts.baseUrl(ctx), a, target),
                List.of("article:" + a.id(), "comments:" + a.id()));
    }

    private void site(Context ctx, Feed.Format format, String self) {
        long generation = renderer.generation();
        var target = new FeedService.Target(layouts.site().siteName(), "/", self, format);
        send(ctx, generation, target, feeds.articles(layouts.site(), layouts.baseUrl(ctx), ArticleQuery.all(), target),
                List.of("lists"));
    }

    private void term(Context ctx, Term term, String titleKey) {
        ArticleQuery query = "category".equals(term.kind()) ? ArticleQuery.category(term.slug()) : ArticleQuery.tag(term.slug());
        articleFeed(ctx, query, titled(layouts.messages().t(titleKey, term.name())), term.path());
    }

    private void articleFeed(Context ctx, ArticleQuery query, String title, String path) {
        long generation = renderer.generation();
        var target = new FeedService.Target(title, path, path + "feed/", Feed.Format.RSS);
        send(ctx, generation, target, feeds.articles(layouts.site(), layouts.baseUrl(ctx), query, target), List.of("lists"));
    }

    private String titled(String what) {
        return layouts.site().siteName() + " » " + what;
    }

    private void send(Context ctx, long generation, FeedService.Target target, byte[] body, List<String> tags) {
        renderer.publicBody(ctx, generation, target.format().contentType, body, tags);
    }
}
