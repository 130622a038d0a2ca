package it.testata.metrics;

import io.javalin.http.Context;
import it.testata.settings.OpsSettings;
import it.testata.settings.SettingsService;
import it.testata.spam.Networks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * GET /metrics for Prometheus: allowed with "Authorization: Bearer" and the metrics.token setting, or from an
 * address inside metrics.allow (the connection's address, or the first X-Forwarded-For one when a proxy on this
 * machine sent it). With neither setting the address answers 404, as if it did not exist; a refused scrape 403.
 */
public final class MetricsHandlers {
    private final SiteMetrics metrics;
    private final SettingsService settings;

    public MetricsHandlers(SiteMetrics metrics, SettingsService settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    public void scrape(Context ctx) {
        OpsSettings ops = OpsSettings.fromRows(settings.rows());
        ctx.header("Cache-Control", "no-store");
        if (ops.metricsToken().isEmpty() && ops.metricsAllow().isEmpty()) {
            it.testata.web.ErrorPages.plain(ctx, 404, "metrics are off: set metrics.token or metrics.allow\n");
            return;
        }
        if (!admitted(ctx, ops)) {
            it.testata.web.ErrorPages.plain(ctx, 403, "not allowed\n");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    static boolean admitted(Context ctx, OpsSettings ops) {
        String auth = ctx.header("Authorization");
        if (!ops.metricsToken().isEmpty() && auth != null && auth.startsWith("Bearer ")) {
            byte[] given = auth.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(given, ops.metricsToken().getBytes(StandardCharsets.UTF_8))) return true;
        }
        String remote = it.testata.web.ClientAddress.address(ctx);
        for (Networks.Block b : ops.metricsAllow()) {
            if (b.covers(remote)) return true;
        }
        return false;
    }
}
