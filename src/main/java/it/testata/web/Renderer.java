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
    private static final String LEADS = "testata.render-lead"; // the key this request renders for others

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final PageCache cache;
    private final RenderLocks locks = new RenderLocks(Long.getLong("testata.render_wait_ms", 3000));
    // --- ops: page-cache hits (the front handler's and Javalin's) and misses, for /metrics ---
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

    /** What the page cache's pages weigh together, in bytes. */
    public long cacheBytes() {
        return cache.bytes();
    }

    public Renderer(PageCache cache) {
        this.cache = cache;
    }

    /** Cacheable requests answered from the page cache, by either path. */
    public long cacheHits() {
        return hits.sum();
    }

    /** Cacheable requests the cache did not hold (rendered, or not a page at all). */
    public long cacheMisses() {
        return misses.sum();
    }

    void hit() {
        hits.increment();
    }

    public byte[] render(String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template, model, out);
        return out.toByteArray();
    }

    /**
     * The cache key of a request: what the page's base URL is made of (the scheme and host the reader used, as
     * {@link ClientAddress} tells them: a trusted proxy's X-Forwarded-Proto and -Host count), then path and query. The base URL the page
     * shows ({@link LayoutService#baseUrl}) is a function of these same values (and the settings, whose change
     * empties the cache), so one key never stands for two different pages. Built from the raw request values,
     * the key is the same whether Javalin computes it here or the server's front handler from Jetty's request.
     */
    public String key(Context ctx) {
        return key(ClientAddress.scheme(ctx), ClientAddress.host(ctx), ctx.path(), ctx.queryString());
    }

    static String key(String s, String host, String path, String query) {
        String h = host == null ? "localhost" : host;
        int size = s.length() + 3 + h.length() + path.length() + (query == null ? 0 : query.length() + 1);
        StringBuilder k = new StringBuilder(size).append(s).append("://").append(h).append(path);
        if (query != null) k.append('?').append(query);
        return k.toString();
    }

    /** The cached page under this key, or null (also when finding out would mean a database read). */
    PageCache.Page cached(String key) {
        return cache.peek(key);
    }

    /** This response's content for a cached page's hole (the comment form's fresh token). */
    byte[] fill() {
        return cache.fill();
    }

    /** Answers from the cache when it holds this page; returns true when it did. */
    public boolean serveCached(Context ctx) {
        String key = key(ctx);
        PageCache.Page page = cache.get(key);
        if (page == null) {
            if (locks.waitedForAnother(key)) page = cache.get(key);
            else ctx.attribute(LEADS, key);
        }
        if (page == null) {
            misses.increment();
            return false;
        }
        hits.increment();
        cache.send(ctx, 200, page);
        return true;
    }

    /**
     * Answers from the cache with the page changed for this reader alone (the remembered comment form): the
     * plain body with a fresh token, changed, gzip-compressed when accepted; private, never stored by others.
     * False when the page is not cached.
     */
    public boolean serveCachedFor(Context ctx, java.util.function.UnaryOperator<byte[]> personalize) {
        PageCache.Page page = cache.get(key(ctx));
        if (page == null || !page.contentType().startsWith("text/html")) return false;
        byte[] body = personalize.apply(page.bodyFor(false, cache::fill));
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Vary", "Accept-Encoding, Cookie");
        ctx.status(200).contentType(page.contentType());
        if (PageCache.acceptsGzip(ctx.header("Accept-Encoding"))) {
            var out = new java.io.ByteArrayOutputStream(body.length / 3);
            try (var gz = new java.util.zip.GZIPOutputStream(out)) {
                gz.write(body);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ctx.header("Content-Encoding", "gzip");
            body = out.toByteArray();
        }
        ctx.result(body);
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
        released(ctx);
        cache.send(ctx, 200, page);
    }

    /**
     * Keeps a public answer that is not an HTML page (a feed, a sitemap, robots.txt) in the cache with the tags
     * of what it shows, and sends it; conditional GET and gzip as for pages.
     */
    public void publicBody(Context ctx, long generation, String contentType, byte[] body, Collection<String> tags) {
        PageCache.Page page = cache.put(key(ctx), generation, contentType, body, new LinkedHashSet<>(tags));
        released(ctx);
        cache.send(ctx, 200, page);
    }

    public long generation() {
        return cache.generation();
    }

    /** At the end of every request: a request that led a render and cached nothing lets its followers go. */
    public void released(Context ctx) {
        String key = ctx.attribute(LEADS);
        if (key == null) return;
        ctx.attribute(LEADS, null);
        locks.release(key);
    }

    /** Renders a page for one signed-in person (the back office): stored by no cache, shared or private. */
    public void privatePage(Context ctx, int status, String template, Object model) {
        uncached(ctx, status, template, model);
        ctx.header("Cache-Control", "private, no-store");
    }

    /** Renders a page that is never cached (errors, forms with values), with the given status. */
    public void uncached(Context ctx, int status, String template, Object model) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(HTML);
        ctx.result(render(template, model));
    }
}
