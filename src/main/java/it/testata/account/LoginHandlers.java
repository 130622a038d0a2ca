package it.testata.account;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import it.testata.admin.AdminFrames;
import it.testata.settings.SettingsService;
import it.testata.web.ClientAddress;
import it.testata.web.Messages;
import it.testata.web.Renderer;

import java.time.Duration;
import java.time.Instant;

/**
 * Signing in and out of the back office. The sign-in form carries a token of its own that must match a cookie
 * set with the form (there is no session yet to tie it to); signing out is a POST behind the staff guard.
 */
public final class LoginHandlers {
    public static final String LOGIN_COOKIE = "testata_login";
    private static final String COOKIE_PATH = "/admin";

    private final AccountService accounts;
    private final AdminFrames frames;
    private final Renderer renderer;
    private final SettingsService settings;

    private final it.testata.twofactor.TwoFactorService twoFactor;
    private final it.testata.audit.AuditLog audit;

    public LoginHandlers(AccountService accounts, AdminFrames frames, Renderer renderer, SettingsService settings,
                         it.testata.twofactor.TwoFactorService twoFactor, it.testata.audit.AuditLog audit) {
        this.accounts = accounts;
        this.frames = frames;
        this.renderer = renderer;
        this.settings = settings;
        this.twoFactor = twoFactor;
        this.audit = audit;
    }

    /** GET /admin/login */
    public void form(Context ctx) {
        if (accounts.session(ctx.cookie(Access.SESSION_COOKIE)).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        Messages msg = frames.messages();
        String notice = ctx.queryParam("out") != null ? msg.t("admin.login.signedOut")
                : ctx.queryParam("expired") != null ? msg.t("admin.2fa.expired") : null;
        show(ctx, 200, "", ctx.queryParam("next"), null, notice);
    }

    /** POST /admin/login */
    public void submit(Context ctx) {
        Messages msg = frames.messages();
        String email = ctx.formParam("email");
        String nextParam = ctx.formParam("next");
        if (!Access.sameToken(ctx.cookie(LOGIN_COOKIE), ctx.formParam(Access.CSRF_FIELD))) {
            show(ctx, 403, email, nextParam, msg.t("admin.login.expired"), null);
            return;
        }
        String net = ClientAddress.network(ctx);
        switch (accounts.check(email, ctx.formParam("password"), net)) {
            case AccountService.Login.Verified v when twoFactor.enrolled(v.user().id()) -> {
                // the password is right; the second factor decides (nothing of the back office opens before)
                String pending = twoFactor.beginPending(v.user().id(), next(nextParam));
                ctx.cookie(adminCookie(ctx, settings, it.testata.twofactor.SecondFactorHandlers.PENDING_COOKIE, pending,
                        (int) it.testata.twofactor.TwoFactorService.PENDING_LIFETIME.toSeconds()));
                audit.record(ctx, v.user().id(), v.user().email(), "login.password_ok", "", "second factor asked");
                ctx.redirect("/admin/login/2fa", HttpStatus.SEE_OTHER);
            }
            case AccountService.Login.Verified v -> {
                AccountService.Login.Ok ok = accounts.openSession(v.user(), net, ctx.userAgent());
                signIn(ctx, settings, ok, next(nextParam));
                audit.record(ctx, v.user().id(), v.user().email(), "login.ok", "", "password");
            }
            case AccountService.Login.Ok ok -> signIn(ctx, settings, ok, next(nextParam));
            case AccountService.Login.Refused r -> {
                show(ctx, 401, email, nextParam, msg.t("admin.login.refused"), null);
                audit.record(ctx, null, email == null ? "" : email.strip(), "login.failed", "", "password");
            }
            case AccountService.Login.Throttled t -> {
                throttled(ctx, t.until());
                show(ctx, 429, email, nextParam, msg.t("admin.login.throttled", minutesUntil(t.until())), null);
                audit.record(ctx, null, email == null ? "" : email.strip(), "login.throttled", "", "");
            }
        }
    }

    /** Hands the browser its session cookie and sends it on (the sign-in form's cookie is no longer needed). */
    public static void signIn(Context ctx, SettingsService settings, AccountService.Login.Ok ok, String next) {
        ctx.cookie(adminCookie(ctx, settings, Access.SESSION_COOKIE, ok.cookie(), (int) AccountService.SESSION_LIFETIME.toSeconds()));
        ctx.cookie(adminCookie(ctx, settings, LOGIN_COOKIE, "", 0));
        if (next != null) ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** Whole minutes until then, at least one. */
    public static long minutesUntil(Instant until) {
        return Math.max(1, (Duration.between(Instant.now(), until).toSeconds() + 59) / 60);
    }

    /** The Retry-After header of a throttled sign-in. */
    public static void throttled(Context ctx, Instant until) {
        ctx.header("Retry-After", String.valueOf(minutesUntil(until) * 60));
    }

    /** POST /admin/logout (staff guard: signed in, with the session's CSRF token) */
    public void logout(Context ctx) {
        accounts.logout(ctx.cookie(Access.SESSION_COOKIE));
        ctx.cookie(cookie(ctx, Access.SESSION_COOKIE, "", 0));
        ctx.redirect("/admin/login?out=1", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, String email, String next, String error, String notice) {
        String token = AccountService.randomToken(24);
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, token, 3600));
        renderer.privatePage(ctx, status, "admin/login.jte",
                new LoginPage(frames.signIn(token), email == null ? "" : email, next(next), error, notice));
    }

    /** Where to go after signing in: a back-office address only (never another site), else the dashboard. */
    public static String next(String requested) {
        if (requested == null || !requested.startsWith("/admin/") || requested.startsWith("/admin/login")
                || requested.contains("//") || requested.contains("\\") || requested.chars().anyMatch(c -> c < 0x20)) {
            return "/admin/";
        }
        return requested;
    }

    private Cookie cookie(Context ctx, String name, String value, int maxAge) {
        return adminCookie(ctx, settings, name, value, maxAge);
    }

    /** HttpOnly, SameSite=Lax, only for /admin, and Secure when the site is reached over HTTPS. */
    public static Cookie adminCookie(Context ctx, SettingsService settings, String name, String value, int maxAge) {
        String base = settings.current().baseUrl();
        boolean secure = ClientAddress.https(ctx) || (base != null && base.startsWith("https:"));
        return new Cookie(name, value, COOKIE_PATH, maxAge, secure, true, null, SameSite.LAX);
    }
}
