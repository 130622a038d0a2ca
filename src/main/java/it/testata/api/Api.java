package it.testata.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import it.testata.article.ArticleService;
import it.testata.web.ErrorPages;
import it.testata.web.Messages;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every API handler shares: JSON in and out (Jackson), errors as {"message": ..., "errors": {...}}, and the
 * query parameters for pages.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;
    /** Pages past this are empty anyway, and the offset stays far from overflowing. */
    static final int MAX_PAGE = 1_000_000;
    /** API texts are in English whatever the site's language: they are read by programs and their authors. */
    private static final Messages ENGLISH = Messages.of(Locale.ENGLISH);

    private Api() {}

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** Runs a handler's body, answering its {@link ApiError} or invalid article as JSON. */
    static void run(Context ctx, Body body) throws Exception {
        try {
            body.run();
        } catch (ApiError e) {
            error(ctx, e.status(), e.getMessage(), e.fields());
        } catch (ArticleService.Invalid e) {
            Map<String, String> fields = new LinkedHashMap<>();
            e.errors().forEach((field, key) -> fields.put(field, ENGLISH.t(key)));
            error(ctx, 422, "the article was not saved: " + String.join("; ", fields.values()), fields);
        }
    }

    static void send(Context ctx, int status, Object value) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(value));
    }

    static void error(Context ctx, int status, String message, Map<String, String> fields) throws JsonProcessingException {
        ErrorPages.answered(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (!fields.isEmpty()) body.put("errors", fields);
        send(ctx, status, body);
    }

    /** The request's JSON object, or 400. */
    static JsonNode object(Context ctx) {
        try {
            JsonNode n = JSON.readTree(ctx.body());
            if (n == null || !n.isObject()) throw new ApiError(400, "the body must be a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A path parameter that must be a number (an id), or 404. */
    static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiError(404, "no such " + name + ": " + ctx.pathParam(name));
        }
    }

    /** A positive integer query parameter, the default when absent, at most max; else 400. */
    static int positive(Context ctx, String name, int fallback, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1) throw new NumberFormatException();
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " must be a whole number from 1");
        }
    }

    /** A query parameter, or null when absent or blank. */
    static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The envelope of a page of a list. */
    static Map<String, Object> page(Object items, int page, int perPage, int total) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("page", page);
        m.put("per_page", perPage);
        m.put("total", total);
        m.put("pages", Math.max(1, (total + perPage - 1) / perPage));
        return m;
    }
}
