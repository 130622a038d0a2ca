package it.testata.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Locale;

/**
 * What a route's request body may be ({@link Route.Body}), checked before the guard or the handler reads anything:
 * multipart only where the route takes it (else 415), no more than the route's limit (else 413). A body that turns
 * out too large only while it is read (no Content-Length) is recognised by {@link #tooLarge} and answered 413 too.
 */
final class RequestBodies {
    private RequestBodies() {}

    static Handler checked(Route r, Handler inner, ErrorPages errors) {
        return ctx -> {
            String type = ctx.header("Content-Type");
            boolean multipart = type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
            if (multipart && r.body() != Route.Body.MULTIPART) {
                errors.clientError(ctx, 415, "multipart body on a route that takes none");
                return;
            }
            long length = ctx.req().getContentLengthLong();
            if (length > r.body().limit()) {
                errors.clientError(ctx, 413, length + " bytes, above the route's " + r.body().limit());
                return;
            }
            inner.handle(ctx);
        };
    }

    /** True when reading the body failed because it was larger than a limit (Jetty's or Javalin's). */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.javalin.http.ContentTooLargeResponse) return true;
            if (t instanceof org.eclipse.jetty.http.BadMessageException b && b.getCode() == 413) return true;
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("exceeds max") || m.contains("too large") || m.contains("larger than max")
                    || m.contains("maxrequestsize") || m.contains("max length")) return true;
        }
        return false;
    }
}
