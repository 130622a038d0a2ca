package it.testata.web;

import io.javalin.http.Context;
import it.testata.db.Db;

/** Site-wide routes: the health check, the fingerprinted static files, the privacy page. */
public final class SiteHandlers {
    private final Db db;
    private final Assets assets;
    private final LayoutService layouts;
    private final Renderer renderer;

    public SiteHandlers(Db db, Assets assets, LayoutService layouts, Renderer renderer) {
        this(db, assets, layouts, renderer, () -> 60);
    }

    // --- staff: the privacy page states the retention of comments' networks ---
    private final java.util.function.IntSupplier ipRetentionDays;

    public SiteHandlers(Db db, Assets assets, LayoutService layouts, Renderer renderer,
                        java.util.function.IntSupplier ipRetentionDays) {
        this.db = db;
        this.assets = assets;
        this.layouts = layouts;
        this.renderer = renderer;
        this.ipRetentionDays = ipRetentionDays;
    }

    /** GET /privacy/: what the site keeps about commenters, why, and for how long. */
    public void privacy(Context ctx) {
        long generation = renderer.generation();
        Layout frame = layouts.layout(ctx, layouts.messages().t("privacy.title"), "", "/privacy/", null);
        renderer.publicPage(ctx, generation, "site/privacy.jte",
                new it.testata.privacy.PrivacyNotice(frame, ipRetentionDays.getAsInt()), java.util.List.of("privacy"));
    }

    /** GET /healthz: 200 when the database answers, 503 otherwise. */
    public void health(Context ctx) {
        boolean ok = db.healthy();
        ctx.header("Cache-Control", "no-store");
        ctx.status(ok ? 200 : 503).contentType("text/plain; charset=utf-8").result(ok ? "ok\n" : "database unavailable\n");
    }

    /** GET /static/{name}.{hash}.{ext}: a year of caching, since the name changes with the content. */
    public void asset(Context ctx) {
        Assets.Asset asset = assets.byUrl(ctx.path()).orElseThrow(NotFound::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("Vary", "Accept-Encoding");
        ctx.contentType(asset.contentType());
        if (PageCache.acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(asset.gzip());
        } else {
            ctx.result(asset.body());
        }
    }
}
