package it.testata.web;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** Headers every response carries: a strict Content-Security-Policy and its companions. */
public final class SecurityHeaders {
    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: https:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    /** The headers, in order; the same on every response, so the front handler can prepare them once. */
    static final Map<String, String> HEADERS = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "X-Frame-Options", "SAMEORIGIN")));

    private SecurityHeaders() {}

    /** HTTP Strict Transport Security: sent only when the site is served over HTTPS. */
    public static final String HSTS_NAME = "Strict-Transport-Security";
    public static final String HSTS_VALUE = "max-age=31536000";

    public static void apply(Context ctx, boolean https) {
        HEADERS.forEach(ctx::header);
        if (https) ctx.header(HSTS_NAME, HSTS_VALUE);
    }

    /**
     * True when the site is served over HTTPS: its base_url says https, or this request came over HTTPS (itself, or
     * through a trusted proxy's X-Forwarded-Proto). Never for a plain-HTTP site.
     */
    public static boolean https(String baseUrl, boolean requestHttps) {
        return requestHttps || (baseUrl != null && baseUrl.startsWith("https:"));
    }
}
