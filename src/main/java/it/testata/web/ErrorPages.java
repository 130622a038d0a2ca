package it.testata.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Error answers in the site's own style. No page ever shows a stack trace or an exception's name: the
 * details go to the log, the reader gets a sentence in the site's language.
 */
public final class ErrorPages {
    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final LayoutService layouts;
    private final Renderer renderer;
    private final Pattern slashless;
    private final Function<Context, Optional<String>> moved;

    /** @param slashless paths that exist with a trailing slash; without it they redirect 301 */
    public ErrorPages(LayoutService layouts, Renderer renderer, Pattern slashless) {
        this(layouts, renderer, slashless, ctx -> Optional.empty());
    }

    /** @param moved where an address that names nothing has moved (an imported site's old addresses): 301 there */
    public ErrorPages(LayoutService layouts, Renderer renderer, Pattern slashless, Function<Context, Optional<String>> moved) {
        this.layouts = layouts;
        this.renderer = renderer;
        this.slashless = slashless;
        this.moved = moved;
    }

    public void notFound(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/")) {
            json(ctx, 404, "nothing at " + ctx.method().name() + " " + path);
            return;
        }
        if (("GET".equals(ctx.method().name()) || "HEAD".equals(ctx.method().name()))
                && !path.endsWith("/") && slashless.matcher(path + "/").matches()) {
            String q = ctx.queryString();
            ctx.attribute(RENDERED, Boolean.TRUE);
            ctx.redirect(path + "/" + (q == null ? "" : "?" + q), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Optional<String> target = movedTo(ctx);
        if (target.isPresent()) {
            ctx.attribute(RENDERED, Boolean.TRUE);
            ctx.redirect(target.get(), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        Messages msg = layouts.messages();
        render(ctx, 404, msg.t("error.404.title"), msg.t("error.404.text"), true);
    }

    private Optional<String> movedTo(Context ctx) {
        if (!"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name())) return Optional.empty();
        try {
            return moved.apply(ctx);
        } catch (RuntimeException e) {
            log.warn("could not look up where {} moved: {}", ctx.path(), e.toString());
            return Optional.empty();
        }
    }

    public void serverError(Exception e, Context ctx) {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        if (ctx.path().startsWith("/api/")) {
            json(ctx, 500, "the server failed to answer; the details are in its log");
            return;
        }
        Messages msg = messagesOrItalian();
        render(ctx, 500, msg.t("error.500.title"), msg.t("error.500.text"), false);
    }

    /** The site's language, or Italian when even the settings cannot be read (the database may be what failed). */
    private Messages messagesOrItalian() {
        try {
            return layouts.messages();
        } catch (RuntimeException ignored) {
            return Messages.of(java.util.Locale.ITALIAN);
        }
    }

    /**
     * A client's error found before any handler ran (a body too large, 413; multipart where none is taken, 415):
     * one WARN line, no stack trace, and a page (JSON under /api/) saying what is wrong.
     */
    public void clientError(Context ctx, int status, String why) {
        log.warn("{} {} refused with {}: {}", ctx.method(), ctx.path(), status, why);
        ctx.header("Connection", "close"); // the rest of a refused body is not read
        if (ctx.path().startsWith("/api/")) {
            json(ctx, status, status == 413 ? "the request body is too large" : "multipart bodies are not accepted here");
            return;
        }
        Messages msg = messagesOrItalian();
        render(ctx, status, msg.t("error." + status + ".title"), msg.t("error." + status + ".text"), false);
    }

    /** An API error: JSON with a message, like the API's own errors. */
    private static void json(Context ctx, int status, String message) {
        ctx.attribute(RENDERED, Boolean.TRUE);
        try {
            ctx.status(status).contentType("application/json")
                    .result(JSON.writeValueAsString(java.util.Map.of("message", message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks this response as complete (an API's own error, say), so the 404 mapper leaves it alone. */
    public static void answered(Context ctx) {
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    /** True when this request's answer is already an error page (so the 404 mapper leaves it alone). */
    static boolean rendered(Context ctx) {
        return ctx.attribute(RENDERED) != null;
    }

    private static final String RENDERED = "testata.error-rendered";

    /** A short plain-text error answer that the 404 mapper leaves as it is (e.g. /metrics when it is off). */
    public static void plain(Context ctx, int status, String text) {
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
    }

    /** A readable page for any status; with the sidebar when the database can provide it. */
    public void render(Context ctx, int status, String heading, String message, boolean withSidebar) {
        ctx.attribute(RENDERED, Boolean.TRUE);
        Layout frame;
        try {
            frame = withSidebar ? layouts.layout(ctx, heading, "", ctx.path(), null) : layouts.bare(ctx, heading);
        } catch (RuntimeException e) {
            frame = layouts.bare(ctx, heading);
        }
        try {
            renderer.uncached(ctx, status, "error/error.jte", new ErrorPage(frame, status, heading, message));
        } catch (RuntimeException e) {
            log.error("the error page itself failed", e);
            ctx.status(status).contentType("text/plain; charset=utf-8").result(heading + "\n" + message);
        }
    }
}
