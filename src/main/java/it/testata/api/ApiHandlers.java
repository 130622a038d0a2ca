package it.testata.api;

import io.javalin.http.Context;
import it.testata.article.ArticleService;
import it.testata.article.TermCount;
import it.testata.web.LayoutService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's site-wide parts: categories, tags, and its own OpenAPI description. */
public final class ApiHandlers {
    private final ArticleService articles;
    private final LayoutService layouts;
    private final byte[] openApi;

    public ApiHandlers(ArticleService articles, LayoutService layouts) {
        this.articles = articles;
        this.layouts = layouts;
        try (InputStream in = ApiHandlers.class.getResourceAsStream("/api/openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET /api/v1/categories */
    public void categories(Context ctx) throws Exception {
        terms(ctx, "category");
    }

    /** GET /api/v1/tags */
    public void tags(Context ctx) throws Exception {
        terms(ctx, "tag");
    }

    /** GET /api/v1/openapi.json */
    public void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    private void terms(Context ctx, String kind) throws Exception {
        String base = layouts.baseUrl(ctx);
        List<Map<String, Object>> items = new ArrayList<>();
        for (TermCount t : articles.terms(kind)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.term().id());
            m.put("name", t.term().name());
            m.put("slug", t.term().slug());
            m.put("url", base + t.term().path());
            m.put("articles", t.articles());
            items.add(m);
        }
        Api.send(ctx, 200, Map.of("items", items));
    }
}
