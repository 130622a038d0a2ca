package it.testata.search;

import io.javalin.http.Context;
import it.testata.article.ArticleHandlers;
import it.testata.article.Pagination;
import it.testata.web.Layout;
import it.testata.web.LayoutService;
import it.testata.web.Messages;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Search pages: /?s=words (WordPress's address; also /page/N/?s=words) and /search/words/ with its pages.
 * They are not kept in the page cache: one entry per typed phrase would crowd out the pages readers share,
 * and the index follows changes a moment after the cache does. They are marked noindex.
 */
public final class SearchHandlers {
    private static final int MAX_TYPED = 200;

    private final SearchService search;
    private final LayoutService layouts;
    private final Renderer renderer;

    public SearchHandlers(SearchService search, LayoutService layouts, Renderer renderer) {
        this.search = search;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    /** True when a home-page request is a search (the query has an "s" parameter). */
    public static boolean isSearch(Context ctx) {
        return ctx.queryParam("s") != null;
    }

    /** GET /?s=... and /page/{n}/?s=... */
    public void query(Context ctx) {
        show(ctx, ctx.queryParam("s"));
    }

    /** GET /search/{term}/ and /search/{term}/page/{n}/ (a "+" stands for a space, as WordPress writes it) */
    public void path(Context ctx) {
        show(ctx, ctx.pathParam("term").replace('+', ' '));
    }

    private void show(Context ctx, String raw) {
        String typed = raw == null ? "" : raw.strip();
        if (typed.length() > MAX_TYPED) typed = typed.substring(0, MAX_TYPED);
        int page = ArticleHandlers.pageNumber(ctx);
        SearchService.Results results = search.search(typed, page);
        if (page > results.pages()) throw new NotFound();
        Messages msg = layouts.messages();
        String base = "/search/" + URLEncoder.encode(typed, StandardCharsets.UTF_8).replace("%20", "+") + "/";
        String title = typed.isEmpty() ? msg.t("search.titleEmpty") : msg.t("search.title", typed);
        Layout frame = layouts.layout(ctx, title, "", base, null).withNoindex();
        renderer.uncached(ctx, 200, "search/results.jte",
                new SearchPage(frame, typed, results, new Pagination(base, results.page(), results.pages()),
                        results.hits().isEmpty() ? java.util.Map.of() : search.pagePaths()));
    }
}
