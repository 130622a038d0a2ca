package it.testata.article;

import io.javalin.http.Context;
import it.testata.web.Layout;
import it.testata.web.LayoutService;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.util.List;

/** Pages (an imported WordPress site's "Chi siamo", "Contatti"): served at /{slug}/, without date or comments. */
public final class PageHandlers {
    private final ArticleService articles;
    private final LayoutService layouts;
    private final Renderer renderer;

    private final ArticleHandlers protectedPages;

    public PageHandlers(ArticleService articles, LayoutService layouts, Renderer renderer, ArticleHandlers protectedPages) {
        this.articles = articles;
        this.layouts = layouts;
        this.renderer = renderer;
        this.protectedPages = protectedPages;
    }

    /** GET /{slug}/ */
    public void page(Context ctx) {
        long generation = renderer.generation();
        Article a = articles.publicPage(ctx.pathParam("slug")).orElseThrow(NotFound::new);
        String path = "/" + a.slug() + "/";
        if (!ctx.path().equals(path)) throw new NotFound();
        if (a.isProtected()) {
            protectedPages.protectedArticle(ctx, generation, a, true);
            return;
        }
        Layout frame = layouts.layout(ctx, a.title(), a.standfirst(), path, null);
        renderer.publicPage(ctx, generation, "article/page.jte", new ArticlePage(frame, a, null), List.of("article:" + a.id()));
    }
}
