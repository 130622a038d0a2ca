package it.testata.logs;

import io.javalin.http.Context;
import it.testata.metrics.Metrics;
import it.testata.web.ClientAddress;
import it.testata.web.RequestObserver;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request's id (the incoming X-Request-Id when it is sane, else a new one), put in the logging context
 * (MDC "request_id") so that error lines carry it and returned in the X-Request-Id header; its metrics (route
 * template, status, time); and, when on, its access-log line: method, path without the query, route, status,
 * time, and the reader's network (IPv4 /24, IPv6 /48), nothing more about the person.
 */
public final class Requests implements RequestObserver {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:+/=-]{1,64}");
    private static final Logger ACCESS = LoggerFactory.getLogger("it.testata.access");
    private static final String ATTRIBUTE = "testata.requestId";

    private final Metrics metrics;
    private final boolean accessLog;
    private final java.util.function.Supplier<it.testata.web.TrustedProxies> proxies;

    public Requests(Metrics metrics, boolean accessLog) {
        this(metrics, accessLog, () -> it.testata.web.TrustedProxies.NONE);
    }

    /** @param proxies the proxies whose X-Forwarded-For the access log believes (server.trusted_proxies) */
    public Requests(Metrics metrics, boolean accessLog, java.util.function.Supplier<it.testata.web.TrustedProxies> proxies) {
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.proxies = proxies;
    }

    static String idFor(String incoming) {
        if (incoming != null && SANE.matcher(incoming).matches()) return incoming;
        // 32 hex digits (two random longs with the top bit set, as Long.toHexString wrote them), made in one array:
        // every cached answer gets one
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long a = r.nextLong() | Long.MIN_VALUE;
        long b = r.nextLong() | Long.MIN_VALUE;
        byte[] id = new byte[32];
        for (int i = 15; i >= 0; i--, a >>>= 4, b >>>= 4) {
            id[i] = HEX[(int) a & 15];
            id[16 + i] = HEX[(int) b & 15];
        }
        return new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Override
    public void begin(Context ctx) {
        String id = idFor(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    @Override
    public void end(Context ctx, float millis) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            int status = ctx.statusCode();
            String route = endpoint != null ? endpoint.path : status == 404 ? "unmatched" : "other";
            if (metrics != null) metrics.request(ctx.method().name(), route, status, (long) (millis * 1_000_000));
            if (accessLog) {
                String id = ctx.attribute(ATTRIBUTE);
                line(id, ctx.method().name(), ctx.path(), route, status, millis, ClientAddress.network(ctx));
            }
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    public void front(Request request, Response response, int status) {
        String id = idFor(request.getHeaders().get(HEADER));
        response.getHeaders().add(HEADER, id); // not there yet: add, unlike put, does not walk the fields
        if (!accessLog) return;
        String remote = proxies.get().client(Request.getRemoteAddr(request),
                String.join(",", request.getHeaders().getValuesList("X-Forwarded-For")));
        line(id, request.getMethod(), request.getHttpURI().getPath(), "cached", status, 0f, ClientAddress.truncate(remote));
    }

    private static void line(String id, String method, String path, String route, int status, float millis, String network) {
        MDC.put(MDC_KEY, id);
        MDC.put("method", method);
        MDC.put("path", path);
        MDC.put("route", route);
        MDC.put("status", String.valueOf(status));
        MDC.put("duration_ms", String.format(java.util.Locale.ROOT, "%.2f", millis));
        MDC.put("network", network);
        try {
            ACCESS.info("{} {} {} {} {}ms", network, method, path, status, String.format(java.util.Locale.ROOT, "%.2f", millis));
        } finally {
            for (String k : new String[] {"method", "path", "route", "status", "duration_ms", "network"}) MDC.remove(k);
        }
    }
}
