package it.testata.audit;

import io.javalin.http.Context;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.web.Renderer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The audit log for administrators (/admin/audit): newest first, 50 to a page, filtered by actor (an e-mail or
 * "cli"), action (a prefix, such as "login" or "POST /admin/users") and dates. Read only: no route edits or deletes
 * an entry.
 */
public final class AuditHandlers {
    public static final int PER_PAGE = 50;

    private final AuditStore store;
    private final AdminFrames frames;
    private final Renderer renderer;

    public AuditHandlers(AuditStore store, AdminFrames frames, Renderer renderer) {
        this.store = store;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** GET /admin/audit */
    public void list(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "admin.audit.title", "audit");
        String actor = param(ctx, "actor");
        String action = param(ctx, "action");
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        int page = 1;
        try {
            page = Math.max(1, Math.min(100_000, Integer.parseInt(param(ctx, "page").isEmpty() ? "1" : param(ctx, "page"))));
        } catch (NumberFormatException ignored) {
            // a page that is not a number is the first
        }
        ZoneId zone = frame.site().zone();
        Instant fromAt = null;
        Instant toAt = null;
        String error = null;
        try {
            if (!from.isEmpty()) fromAt = LocalDate.parse(from).atStartOfDay(zone).toInstant();
            if (!to.isEmpty()) toAt = LocalDate.parse(to).plusDays(1).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            error = frame.msg().t("admin.audit.badDate");
        }
        int status = error == null ? 200 : 422;
        AuditStore.Slice slice = error == null
                ? store.find(new AuditStore.Filter(actor, action, fromAt, toAt), (page - 1) * PER_PAGE, PER_PAGE)
                : new AuditStore.Slice(java.util.List.of(), 0);
        String query = "actor=" + enc(actor) + "&action=" + enc(action) + "&from=" + enc(from) + "&to=" + enc(to);
        renderer.privatePage(ctx, status, "admin/audit.jte", new AuditPage(frame, slice.entries(), slice.total(), actor, action,
                from, to, error, page, (long) page * PER_PAGE < slice.total(), query));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
