package it.testata.comment;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import it.testata.web.Signer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two cookies of the comment form. "testata_pending" (signed) lists the comments this browser sent that
 * wait for moderation, so their author sees them in place; nobody else does. "testata_commenter" remembers
 * name, email and website, and is set only when the reader ticks the box.
 */
public final class CommentCookies {
    public static final String PENDING = "testata_pending";
    public static final String COMMENTER = "testata_commenter";
    private static final String PURPOSE = "pending-comments";
    private static final int KEEP = 20;

    public record Commenter(String name, String email, String url) {}

    private final Signer signer;

    public CommentCookies(Signer signer) {
        this.signer = signer;
    }

    /** True when the request carries either cookie: its page is personal and is not served from the cache. */
    public static boolean personal(Context ctx) {
        return ctx.cookie(PENDING) != null || ctx.cookie(COMMENTER) != null;
    }

    public Set<Long> pending(Context ctx) {
        Set<Long> ids = new LinkedHashSet<>();
        signer.verify(PURPOSE, ctx.cookie(PENDING)).ifPresent(v -> {
            for (String part : v.split("_")) {
                try {
                    ids.add(Long.parseLong(part));
                } catch (NumberFormatException ignored) {
                    // a damaged list is as good as an empty one
                }
            }
        });
        return ids;
    }

    public void addPending(Context ctx, long id) {
        List<Long> ids = new ArrayList<>(pending(ctx));
        ids.add(id);
        while (ids.size() > KEEP) ids.removeFirst();
        String value = String.join("_", ids.stream().map(String::valueOf).toList());
        ctx.cookie(cookie(ctx, PENDING, signer.sign(PURPOSE, value), 30 * 24 * 3600));
    }

    public Optional<Commenter> commenter(Context ctx) {
        String raw = ctx.cookie(COMMENTER);
        if (raw == null) return Optional.empty();
        try {
            String[] parts = new String(Signer.decode(raw), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3) return Optional.empty();
            return Optional.of(new Commenter(parts[0], parts[1], parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public void remember(Context ctx, String name, String email, String url) {
        String value = Signer.encode((clean(name) + "\n" + clean(email) + "\n" + clean(url)).getBytes(StandardCharsets.UTF_8));
        ctx.cookie(cookie(ctx, COMMENTER, value, 365 * 24 * 3600));
    }

    public void forget(Context ctx) {
        if (ctx.cookie(COMMENTER) != null) ctx.cookie(cookie(ctx, COMMENTER, "", 0));
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace("\n", " ").replace("\r", " ");
    }

    private static Cookie cookie(Context ctx, String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, secure(ctx), true, null, SameSite.LAX);
    }

    public static boolean secure(Context ctx) {
        return it.testata.web.ClientAddress.https(ctx);
    }
}
