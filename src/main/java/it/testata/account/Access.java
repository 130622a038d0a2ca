package it.testata.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.settings.SettingsService;
import it.testata.web.ErrorPages;
import it.testata.web.Gatekeeper;
import it.testata.web.Messages;
import it.testata.web.Route;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The guard of every staff route, run by the server before the handler. Under /api/ the caller shows a Bearer
 * token (none or a bad one: 401 JSON; a role that may not: 403 JSON). Elsewhere the caller shows the session
 * cookie (none: a GET is sent to the sign-in page, anything else gets 403), and every request but GET and HEAD
 * must carry the session's CSRF token, as the form field {@value #CSRF_FIELD} or the header
 * {@value #CSRF_HEADER} (else 403). Handlers find who is acting with {@link #principal}.
 */
public final class Access implements Gatekeeper {
    public static final String SESSION_COOKIE = "testata_session";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "testata.principal";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountService accounts;
    private final SettingsService settings;
    private final ErrorPages errors;

    public Access(AccountService accounts, SettingsService settings, ErrorPages errors) {
        this(accounts, settings, errors, p -> false);
    }

    // --- staff: accounts that must set up 2FA first ---
    private final java.util.function.Predicate<Principal> mustEnrol;

    /**
     * @param mustEnrol true for a signed-in member of staff who must set up a second factor before anything else
     *                  (the site requires 2FA and the account has none): only the profile page and signing out open
     */
    public Access(AccountService accounts, SettingsService settings, ErrorPages errors,
                  java.util.function.Predicate<Principal> mustEnrol) {
        this.accounts = accounts;
        this.settings = settings;
        this.errors = errors;
        this.mustEnrol = mustEnrol;
    }

    private static boolean enrolmentPath(String path) {
        return path.equals("/admin/profile") || path.startsWith("/admin/profile/") || path.equals("/admin/logout");
    }

    /** Who is acting on this request; set once a staff guard has admitted it. */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) throw new IllegalStateException(ctx.path() + " has no staff guard");
        return p;
    }

    /** Who is acting on this request, or null when no staff guard admitted it. */
    public static Principal actingOrNull(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    @Override
    public boolean admit(Context ctx, Route.Guard guard) throws Exception {
        if (!guard.staff()) return true;
        if (ctx.path().startsWith("/api/")) return admitToken(ctx, guard);
        Messages msg = Messages.of(settings.current().javaLocale());
        Optional<Principal> session = accounts.session(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            if (safe(ctx)) {
                String q = ctx.queryString();
                String next = ctx.path() + (q == null ? "" : "?" + q);
                ctx.redirect("/admin/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            } else {
                refuse(ctx, msg, "admin.error.signedOut");
            }
            return false;
        }
        if (!safe(ctx) && !sameToken(session.get().csrf(), csrfOf(ctx))) {
            refuse(ctx, msg, "admin.error.csrf");
            return false;
        }
        if (!guard.admits(session.get().role())) {
            refuse(ctx, msg, "admin.error.role");
            return false;
        }
        if (!enrolmentPath(ctx.path()) && mustEnrol.test(session.get())) {
            if (safe(ctx)) ctx.redirect("/admin/profile", HttpStatus.SEE_OTHER);
            else refuse(ctx, msg, "admin.error.enrol");
            return false;
        }
        accounts.seen(ctx.cookie(SESSION_COOKIE));
        ctx.attribute(PRINCIPAL, session.get());
        return true;
    }

    /** A 403 page with this message, private like every back-office answer. */
    private void refuse(Context ctx, Messages msg, String key) {
        errors.render(ctx, 403, msg.t("error.403.title"), msg.t(key), false);
        ctx.header("Cache-Control", "private, no-store");
    }

    private boolean admitToken(Context ctx, Route.Guard guard) throws Exception {
        String auth = ctx.header("Authorization");
        Optional<Principal> p = Optional.empty();
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) p = accounts.bearer(auth.substring(7).strip());
        if (p.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            json(ctx, 401, auth == null ? "this request needs an API token: Authorization: Bearer TOKEN"
                    : "the API token is not valid (revoked, mistyped, or its user is disabled)");
            return false;
        }
        if (!guard.admits(p.get().role())) {
            json(ctx, 403, "the role " + p.get().role().db() + " may not do this");
            return false;
        }
        ctx.attribute(PRINCIPAL, p.get());
        return true;
    }

    /** An API error: {"message": "..."} with the status. */
    public static void json(Context ctx, int status, String message) throws Exception {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(Map.of("message", message)));
    }

    private static boolean safe(Context ctx) {
        String m = ctx.method().name();
        return m.equals("GET") || m.equals("HEAD");
    }

    private static String csrfOf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) return header;
        try {
            return ctx.formParam(CSRF_FIELD);
        } catch (RuntimeException e) {
            return null; // a body that is not a form carries no token
        }
    }

    /** Compares two tokens in constant time; a missing one never matches. */
    public static boolean sameToken(String expected, String given) {
        if (expected == null || given == null || expected.isEmpty()) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
