package it.testata.article;

import io.javalin.http.Context;
import it.testata.page.PageTree;
import it.testata.web.Layout;
import it.testata.web.LayoutService;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages ("Chi siamo", "Contatti"): served at their address, /{slug}/ or nested under their parent pages'
 * (/chi-siamo/la-redazione/), without date or comments. Any other address of a page's slug is not found here, so the
 * 404 handler's redirects answer it (an old address after a slug or parent change, a flat WordPress import's).
 */
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

    /** GET /{slug}/, /{parent}/{slug}/, /{grandparent}/{parent}/{slug}/ */
    public void page(Context ctx) {
        long generation = renderer.generation();
        String[] segments = ctx.path().split("/");
        if (segments.length < 2) throw new NotFound();
        Article a = articles.publicPage(segments[segments.length - 1]).orElseThrow(NotFound::new);
        PageTree tree = articles.pageTree();
        String path = tree.path(a.id());
        if (!ctx.path().equals(path)) throw new NotFound();
        if (a.isProtected()) {
            protectedPages.protectedArticle(ctx, generation, a, true);
            return;
        }
        List<ArticlePage.Link> parents = new ArrayList<>();
        List<String> tags = new ArrayList<>(List.of("article:" + a.id()));
        for (PageTree.Node p : tree.ancestors(a.id())) {
            boolean shown = articles.publicPageById(p.id()).isPresent();
            parents.add(new ArticlePage.Link(p.title(), shown ? tree.path(p.id()) : null));
            tags.add("article:" + p.id());
        }
        Layout frame = layouts.layout(ctx, a.title(), a.standfirst(), path, null);
        renderer.publicPage(ctx, generation, "article/page.jte", new ArticlePage(frame, a, null).withParents(parents), tags);
    }

    /** True when the two segments of /{year}/{month}/ are a month's archive's (digits), not a nested page's slugs. */
    public static boolean dated(String year, String month) {
        return year.matches("[0-9]{4}") && month.matches("[0-9]{2}");
    }
}
