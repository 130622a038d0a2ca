package it.testata.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * The HTTP server: Javalin on Jetty with virtual threads, the route table, the cache in front, errors in style.
 * Cached public pages are answered by {@link CachedPages}, a plain Jetty handler placed before Javalin's
 * servlet, with the same headers Javalin's path would write; everything else goes through Javalin.
 */
public final class Server {
    private Server() {}

    /**
     * @param personal requests owed a page of their own (the reader's comment cookies): never from the cache
     *                 as it is
     * @param personalize for such a request, how to make its page from the cached one (the remembered comment
     *                    form), or null when it must be rendered
     */
    public static Javalin create(List<Route> routes, Renderer renderer, ErrorPages errors,
                                 java.util.function.Predicate<Context> personal, Gatekeeper gatekeeper,
                                 java.util.function.Supplier<it.testata.settings.Settings> settings) {
        return create(routes, renderer, errors, personal, gatekeeper, settings, Auditor.NONE, RequestObserver.NONE, ctx -> null);
    }

    /**
     * As above; the auditor hears of every request a staff guard admitted (the audit log); the observer of every
     * request (request id, metrics, access log).
     *
     * @param personalize for a personal request, how to make its page from the cached one (the remembered comment
     *                    form), or null when it must be rendered
     */
    public static Javalin create(List<Route> routes, Renderer renderer, ErrorPages errors,
                                 java.util.function.Predicate<Context> personal, Gatekeeper gatekeeper,
                                 java.util.function.Supplier<it.testata.settings.Settings> settings, Auditor auditor,
                                 RequestObserver observer,
                                 java.util.function.Function<Context, java.util.function.UnaryOperator<byte[]>> personalize) {
        CachedPages front = new CachedPages(renderer, securityFields(), settings, observer);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.router.ignoreTrailingSlashes = false;
            config.router.treatMultipleSlashesAsSingleSlash = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.maxRequestSize = 1_000_000;
            // image uploads: room above the 10 MB an image may have, so that the image service says what is wrong
            config.jetty.multipartConfig.maxFileSize(20, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(20, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.jetty.threadPool = threadPool();
            var jetty = config.jetty; // host and port are set when the site starts, before connectors are made
            jetty.addConnector((server, http) -> connector(server, http, jetty.host, jetty.port));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(2_000);
                server.insertHandler(front); // outermost: Javalin attaches its servlet context further in
            });
            config.routes.before(observer::begin); // --- ops: request id, metrics, access log ---
            config.requestLogger.http((ctx, ms) -> {
                renderer.released(ctx); // a render that cached nothing (an error, a redirect) lets its followers go
                observer.end(ctx, ms);
            });
            config.routes.before(ctx -> {
                it.testata.settings.Settings s = settings.get();
                ctx.attribute(ClientAddress.PROXIES, s.trustedProxies());
                SecurityHeaders.apply(ctx, SecurityHeaders.https(s.baseUrl(), ClientAddress.https(ctx)));
                if (!cacheable(ctx)) return;
                if (!personal.test(ctx)) {
                    if (renderer.serveCached(ctx)) ctx.skipRemainingHandlers();
                    return;
                }
                var own = personalize.apply(ctx);
                if (own != null && renderer.serveCachedFor(ctx, own)) ctx.skipRemainingHandlers();
            });
            for (Route r : routes) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(),
                        RequestBodies.checked(r, guarded(r, gatekeeper, auditor), errors));
            }
            config.routes.exception(NotFound.class, (e, ctx) -> errors.notFound(ctx));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (RequestBodies.tooLarge(e)) errors.clientError(ctx, 413, "a body above the limit while reading it");
                else errors.serverError(e, ctx);
            });
            config.routes.error(404, ctx -> {
                if (!ErrorPages.rendered(ctx)) errors.notFound(ctx);
            });
        });
    }

    /**
     * The route's handler behind its guard. The sign-in form and the staff routes are never cached anywhere
     * (Cache-Control: private, no-store) and run only when the gatekeeper admits the request; other routes
     * (public, or checking a key themselves) run as they are.
     */
    static io.javalin.http.Handler guarded(Route r, Gatekeeper gatekeeper) {
        return guarded(r, gatekeeper, Auditor.NONE);
    }

    /** As above; every staff request the gatekeeper admitted is then told to the auditor, with its outcome. */
    static io.javalin.http.Handler guarded(Route r, Gatekeeper gatekeeper, Auditor auditor) {
        if (!r.guard().staff() && r.guard() != Route.Guard.LOGIN) return r.handler();
        return ctx -> {
            ctx.header("Cache-Control", "private, no-store");
            if (!gatekeeper.admit(ctx, r.guard())) return;
            if (!r.guard().staff()) {
                r.handler().handle(ctx);
                return;
            }
            int status = 500;
            try {
                r.handler().handle(ctx);
                status = ctx.statusCode();
            } catch (NotFound e) {
                status = 404;
                throw e;
            } finally {
                auditor.after(ctx, r, status);
            }
        };
    }

    /**
     * Jetty's own threads (the acceptor, the selectors, which also write cached pages) are platform
     * threads; everything that reaches Javalin runs on a virtual thread of its own. (Javalin's virtual-thread
     * pool would run the selectors on virtual threads as well, and hand every request to a new thread.)
     * Sizes as Javalin's default pool: at most 250, at least 8, idle ones go after a minute.
     */
    static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000);
        pool.setName("jetty");
        pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("request-"));
        return pool;
    }

    /**
     * The HTTP connector Javalin would make, with one selector per processor (up to 8) rather than Jetty's
     * default of one per two: cached pages are answered on the selector threads, so they are the workers.
     */
    static ServerConnector connector(org.eclipse.jetty.server.Server server, HttpConfiguration http, String host, int port) {
        int selectors = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ServerConnector connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /**
     * Public GET pages may come from the page cache; plumbing, uploaded images, admin and API never do.
     * {@link CachedPages} applies the same rule from Jetty's request: a new condition here belongs there too.
     */
    static boolean cacheable(Context ctx) {
        return "GET".equals(ctx.method().name()) && cacheablePath(ctx.path());
    }

    static boolean cacheablePath(String p) {
        return !p.startsWith("/static/") && !p.equals("/healthz") && !p.startsWith("/admin") && !p.startsWith("/api/")
                && !p.startsWith("/media/");
    }

    /** The security headers, encoded once for the front handler (the same values {@link SecurityHeaders#apply} sets). */
    static HttpField[] securityFields() {
        return SecurityHeaders.HEADERS.entrySet().stream()
                .map(e -> new PreEncodedHttpField(e.getKey(), e.getValue())).toArray(HttpField[]::new);
    }

    /**
     * Answers GET requests for pages in the page cache straight from Jetty: no servlet request, no Javalin
     * context, header fields and bodies prepared when the page was cached. The answer is the one the Javalin
     * before-handler gives ({@link PageCache#send}): security headers, ETag (with -gz for the gzip body),
     * Vary, Cache-Control, Content-Encoding when gzip is accepted, 304 on a matching If-None-Match, plus a
     * Content-Length. Anything else (a miss, another method, a method override, a request with cookies)
     * goes on to Javalin unchanged.
     * <p>
     * The handler never blocks, and says so to Jetty ({@link InvocationType#NON_BLOCKING}), so Jetty calls it
     * on the selector thread that read the request: a hit is answered there, with no thread hand-off. A
     * miss is handed to a virtual thread, which runs Javalin; the cache is only peeked at, never refreshed
     * here (a refresh reads the database: that request too goes to Javalin, which refreshes).
     */
    static final class CachedPages extends Handler.Wrapper {
        private static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";
        private static final String FORWARDED_PROTO = "X-Forwarded-Proto";
        private static final String FORWARDED_HOST = "X-Forwarded-Host";
        private static final int POOLED_MAX = 64 * 1024;
        private static final HttpField HSTS = new PreEncodedHttpField(SecurityHeaders.HSTS_NAME, SecurityHeaders.HSTS_VALUE);

        private final Renderer renderer;
        private final HttpField[] security;
        private final java.util.function.Supplier<it.testata.settings.Settings> settings;
        private final RequestObserver observer;
        private Executor blocking;
        private volatile LengthField[] lengths = new LengthField[2];

        CachedPages(Renderer renderer, HttpField[] security, java.util.function.Supplier<it.testata.settings.Settings> settings,
                    RequestObserver observer) {
            this.renderer = renderer;
            this.security = security;
            this.settings = settings;
            this.observer = observer;
        }

        @Override
        protected void doStart() throws Exception {
            Executor pool = getServer().getThreadPool();
            Executor virtual = VirtualThreads.getVirtualThreadsExecutor(pool);
            blocking = virtual != null ? virtual : pool;
            super.doStart();
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            it.testata.settings.Settings site = settings.get();
            String peer = Request.getRemoteAddr(request);
            HttpFields requestHeaders = request.getHeaders();
            boolean httpsRequest = site.trustedProxies().https(peer, request.getHttpURI().getScheme(),
                    requestHeaders.get(FORWARDED_PROTO));
            PageCache.Page page = lookup(request, site.trustedProxies(), peer, httpsRequest);
            if (page == null) {
                Handler next = getHandler();
                blocking.execute(() -> {
                    try {
                        if (!next.handle(request, response, callback)) Response.writeError(request, response, callback, 404);
                    } catch (Throwable t) {
                        Response.writeError(request, response, callback, t);
                    }
                });
                return true;
            }
            renderer.hit();

            HttpFields headers = request.getHeaders();
            boolean gzip = PageCache.acceptsGzip(headers.get(HttpHeader.ACCEPT_ENCODING));
            String ifNoneMatch = headers.get(HttpHeader.IF_NONE_MATCH);
            PageCache.Wire wire = page.wire();
            HttpFields.Mutable out = response.getHeaders();
            if (ifNoneMatch != null && PageCache.matches(ifNoneMatch, page.etag())) {
                for (HttpField f : security) out.add(f);
                if (SecurityHeaders.https(site.baseUrl(), httpsRequest)) out.add(HSTS);
                out.add(gzip ? wire.etagGzip : wire.etag);
                out.add(PageCache.Wire.VARY);
                out.add(PageCache.Wire.CACHE_CONTROL);
                observer.front(request, response, 304);
                response.setStatus(304);
                response.write(true, null, callback);
                return true;
            }
            out.add(wire.contentType);
            for (HttpField f : security) out.add(f);
            if (SecurityHeaders.https(site.baseUrl(), httpsRequest)) out.add(HSTS);
            out.add(gzip ? wire.etagGzip : wire.etag);
            out.add(PageCache.Wire.VARY);
            out.add(PageCache.Wire.CACHE_CONTROL);
            if (gzip) out.add(PageCache.Wire.GZIP);
            observer.front(request, response, 200);
            response.setStatus(200);
            if (page.splice() != null) {
                sendSpliced(request, response, callback, page.splice(), gzip);
                return true;
            }
            out.add(gzip ? wire.lengthGzip : wire.length);
            response.write(true, wire.body(gzip), callback);
            return true;
        }

        /**
         * A page with a hole (the comment form's token), filled for this response only: the page's fixed parts and
         * the token are put into a buffer from Jetty's pool, given back once the write completes, so an answer
         * allocates no copy of the page.
         */
        private void sendSpliced(Request request, Response response, Callback callback, Splice splice, boolean gzip) {
            byte[] hole = renderer.fill();
            int length = gzip ? splice.gzipLength(hole.length) : splice.plainLength(hole.length);
            response.getHeaders().add(lengthField(length));
            if (length > POOLED_MAX) { // Jetty's pool keeps buffers up to 64 KiB; a bigger page gets its own array
                byte[] body = gzip ? splice.gzip(hole) : splice.plain(hole);
                response.write(true, java.nio.ByteBuffer.wrap(body), callback);
                return;
            }
            RetainableByteBuffer pooled = request.getComponents().getByteBufferPool().acquire(length, true);
            java.nio.ByteBuffer buffer = pooled.getByteBuffer();
            int at = BufferUtil.flipToFill(buffer);
            if (gzip) splice.writeGzip(buffer, hole);
            else splice.writePlain(buffer, hole);
            BufferUtil.flipToFlush(buffer, at);
            response.write(true, buffer, new Released(pooled, callback));
        }

        /**
         * A Content-Length field with this value, encoded once: a page's token has the same length in every
         * answer, so the field of the last plain and the last gzip answer is used again while the length holds.
         */
        private HttpField lengthField(int length) {
            LengthField[] recent = lengths;
            for (LengthField f : recent) {
                if (f != null && f.value() == length) return f.field();
            }
            LengthField made = new LengthField(length, new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, length));
            lengths = new LengthField[] {made, recent[0]}; // a copy: readers on other threads see one or the other
            return made.field();
        }

        private record LengthField(int value, HttpField field) {}

        /** Gives the pooled buffer back, then completes the response's callback. */
        private record Released(RetainableByteBuffer buffer, Callback callback) implements Callback {
            @Override
            public void succeeded() {
                buffer.release();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                buffer.release();
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        }

        /** The cached page this request may be answered with, or null to let Javalin handle it. */
        private PageCache.Page lookup(Request request, TrustedProxies proxies, String peer, boolean https) {
            if (!"GET".equals(request.getMethod())) return null; // exactly, as Javalin matches it
            HttpFields headers = request.getHeaders();
            if (headers.contains(METHOD_OVERRIDE)) return null; // Javalin honours it: let Javalin decide
            // A reader with cookies may be owed a page of their own (comment cookies, say): whatever rule
            // decides that lives in Javalin's path, so such requests take it. Cookie-less readers come here.
            if (headers.contains(HttpHeader.COOKIE)) return null;
            HttpURI uri = request.getHttpURI();
            String path = uri.getPath();
            if (path == null || !cacheablePath(path)) return null;
            try {
                String host = proxies.host(peer, headers.get(HttpHeader.HOST), headers.get(FORWARDED_HOST));
                return renderer.cached(Renderer.key(https ? "https" : uri.getScheme(), host, path, uri.getQuery()));
            } catch (RuntimeException e) {
                return null; // Javalin's path meets the same failure and answers it in style
            }
        }
    }
}
