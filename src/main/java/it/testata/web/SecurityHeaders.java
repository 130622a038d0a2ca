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

    public static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }
}
