package it.testata.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Renders precompiled jte templates, and keeps public pages in the page cache on the way out. */
public final class Renderer {
    private static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final PageCache cache;
    private final LayoutService layouts;

    public Renderer(PageCache cache, LayoutService layouts) {
        this.cache = cache;
        this.layouts = layouts;
    }

    public byte[] render(String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, model, out);
        return out.toByteArray();
    }

    /** The cache key of a request: base URL (scheme and host), path and query. */
    public String key(Context ctx) {
        String q = ctx.queryString();
        return layouts.baseUrl(ctx) + ctx.path() + (q == null ? "" : "?" + q);
    }

    /** Answers from the cache when it holds this page; returns true when it did. */
    public boolean serveCached(Context ctx) {
        PageCache.Page page = cache.get(key(ctx));
        if (page == null) return false;
        PageCache.send(ctx, 200, page);
        return true;
    }

    /**
     * Renders a public page, keeps it in the cache tagged with what it shows (plus the frame's tags), and
     * sends it. The model is built by the caller after {@code generation} was read, so a change that lands
     * while rendering is never hidden by the cache.
     */
    public void publicPage(Context ctx, long generation, String template, Object model, Collection<String> tags) {
        Set<String> all = new LinkedHashSet<>(tags);
        all.addAll(LayoutService.TAGS);
        byte[] body = render(template, model);
        PageCache.Page page = cache.put(key(ctx), generation, HTML, body, all);
        PageCache.send(ctx, 200, page);
    }

    public long generation() {
        return cache.generation();
    }

    /** Renders a page that is never cached (errors, forms with values), with the given status. */
    public void uncached(Context ctx, int status, String template, Object model) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(HTML);
        ctx.result(render(template, model));
    }
}
