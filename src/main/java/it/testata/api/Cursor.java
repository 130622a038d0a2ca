package it.testata.api;

import io.javalin.http.Context;
import it.testata.paging.Keyset;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * --- cluster2 --- The API's place in a list: a {@link Keyset} handed to clients as an opaque token (URL-safe Base64
 * of a versioned text), and the {@code next} link that carries it with the request's other parameters.
 */
final class Cursor {
    private static final String VERSION = "k1:";

    private Cursor() {}

    static String encode(Keyset place) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + place.param()).getBytes(StandardCharsets.UTF_8));
    }

    /** The place a cursor names; empty for anything this API did not give. */
    static Optional<Keyset> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            return text.startsWith(VERSION) ? Keyset.parse(text.substring(VERSION.length())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The request's address with the cursor in place of any page number or earlier cursor. */
    static String next(Context ctx, String base, Keyset place) {
        StringBuilder url = new StringBuilder(base).append(ctx.path()).append("?cursor=").append(encode(place));
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("cursor") || e.getKey().equals("page")) continue;
            for (String v : e.getValue()) {
                url.append('&').append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return url.toString();
    }
}
