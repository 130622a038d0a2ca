package it.testata.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.List;

/** The HTTP server: Javalin on Jetty with virtual threads, the route table, the cache in front, errors in style. */
public final class Server {
    private Server() {}

    public static Javalin create(List<Route> routes, Renderer renderer, ErrorPages errors) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.router.ignoreTrailingSlashes = false;
            config.router.treatMultipleSlashesAsSingleSlash = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.maxRequestSize = 1_000_000;
            config.jetty.modifyServer(server -> server.setStopTimeout(2_000));
            config.routes.before(ctx -> {
                SecurityHeaders.apply(ctx);
                if (cacheable(ctx) && renderer.serveCached(ctx)) ctx.skipRemainingHandlers();
            });
            for (Route r : routes) {
                config.routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), r.handler());
            }
            config.routes.exception(NotFound.class, (e, ctx) -> errors.notFound(ctx));
            config.routes.exception(Exception.class, errors::serverError);
            config.routes.error(404, ctx -> {
                if (!ErrorPages.rendered(ctx)) errors.notFound(ctx);
            });
        });
    }

    /** Public GET pages may come from the page cache; plumbing, admin and API never do. */
    static boolean cacheable(Context ctx) {
        if (!"GET".equals(ctx.method().name())) return false;
        String p = ctx.path();
        return !p.startsWith("/static/") && !p.equals("/healthz") && !p.startsWith("/admin") && !p.startsWith("/api/");
    }
}
