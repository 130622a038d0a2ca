package it.testata.redirect;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import it.testata.settings.SettingsService;
import it.testata.web.NotFound;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Optional;

/**
 * Old addresses answered with a 301 to the new ones: WordPress's /?p={id} and /?page_id={id} on the home
 * route, and any other recorded address (a permalink of another structure, a slug that changed) when no
 * route has a page for it.
 */
public final class RedirectHandlers {
    private final RedirectStore store;
    private final SettingsService settings;

    public RedirectHandlers(RedirectStore store, SettingsService settings) {
        this.store = store;
        this.settings = settings;
    }

    /** GET /?p={id} and /?page_id={id}: the home route, with WordPress's short links answered first. */
    public Handler home(Handler home) {
        return ctx -> {
            String key = shortLink(ctx.queryParam("p"), ctx.queryParam("page_id"));
            if (key == null) {
                home.handle(ctx);
                return;
            }
            String target = store.target(key, Instant.now(), settings.current().zone()).orElseThrow(NotFound::new);
            ctx.redirect(target, HttpStatus.MOVED_PERMANENTLY);
        };
    }

    /** Where this request's address has moved, for the 404 page to redirect to instead. */
    public Optional<String> moved(Context ctx) {
        String path = normalize(ctx.path());
        if (path == null) return Optional.empty();
        Instant now = Instant.now();
        java.time.ZoneId zone = settings.current().zone();
        // an old address is found with or without its final slash (WordPress answered both)
        String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        Optional<String> target = store.target(path, now, zone);
        if (target.isEmpty() && other.length() > 1) target = store.target(other, now, zone);
        // --- pages: a nested page's address typed without its final slash ---
        if (target.isEmpty() && !path.endsWith("/") && store.isPagePath(other)) target = Optional.of(other);
        return target.filter(t -> !t.equals(path));
    }

    /** The key of a short link, or null when the request is not one (or names no number). */
    static String shortLink(String p, String pageId) {
        if (p != null && p.matches("[0-9]{1,18}")) return "/?p=" + Long.parseLong(p);
        if (pageId != null && pageId.matches("[0-9]{1,18}")) return "/?page_id=" + Long.parseLong(pageId);
        return null;
    }

    /** A path as recorded: percent-decoded (either case of hex), Unicode NFC; null when it cannot be decoded. */
    public static String normalize(String rawPath) {
        try {
            String decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            return Normalizer.normalize(decoded, Normalizer.Form.NFC);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
