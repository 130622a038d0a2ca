package it.testata.front;

import io.javalin.http.Context;
import it.testata.article.ArticleHandlers;
import it.testata.search.SearchHandlers;
import it.testata.web.Layout;
import it.testata.web.LayoutService;
import it.testata.web.Renderer;

import java.util.List;

/**
 * The front page: with the newspaper layout (the default), a lead story, the latest items and a block per section
 * of the primary menu; with the list layout, or from page 2 on, the plain list of {@link ArticleHandlers#home}.
 */
public final class FrontHandlers {
    private final FrontService front;
    private final ArticleHandlers articles;
    private final LayoutService layouts;
    private final Renderer renderer;

    public FrontHandlers(FrontService front, ArticleHandlers articles, LayoutService layouts, Renderer renderer) {
        this.front = front;
        this.articles = articles;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    /** GET / (not a search: the route table sends those elsewhere) */
    public void home(Context ctx) {
        if (!layouts.site().design().newspaper() || SearchHandlers.isSearch(ctx)) {
            articles.home(ctx);
            return;
        }
        long generation = renderer.generation();
        Layout frame = layouts.layout(ctx, null, layouts.site().tagline(), "/", null);
        FrontService.Content c = front.front(frame.primaryMenu());
        if (c == null) {
            articles.home(ctx);
            return;
        }
        renderer.publicPage(ctx, generation, "front/home.jte",
                new FrontPage(frame, c.lead(), c.latest(), c.sections(), c.minutes(), c.more()), List.of("lists"));
    }
}
