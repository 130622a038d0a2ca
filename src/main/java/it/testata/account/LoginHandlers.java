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
    static final String LOGIN_COOKIE = "testata_login";
    private static final String COOKIE_PATH = "/admin";

    private final AccountService accounts;
    private final AdminFrames frames;
    private final Renderer renderer;
    private final SettingsService settings;

    public LoginHandlers(AccountService accounts, AdminFrames frames, Renderer renderer, SettingsService settings) {
        this.accounts = accounts;
        this.frames = frames;
        this.renderer = renderer;
        this.settings = settings;
    }

    /** GET /admin/login */
    public void form(Context ctx) {
        if (accounts.session(ctx.cookie(Access.SESSION_COOKIE)).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        Messages msg = frames.messages();
        String notice = ctx.queryParam("out") != null ? msg.t("admin.login.signedOut") : null;
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
        switch (accounts.login(email, ctx.formParam("password"), ClientAddress.network(ctx))) {
            case AccountService.Login.Ok ok -> {
                ctx.cookie(cookie(ctx, Access.SESSION_COOKIE, ok.cookie(), (int) AccountService.SESSION_LIFETIME.toSeconds()));
                ctx.cookie(cookie(ctx, LOGIN_COOKIE, "", 0));
                ctx.redirect(next(nextParam), HttpStatus.SEE_OTHER);
            }
            case AccountService.Login.Refused r -> show(ctx, 401, email, nextParam, msg.t("admin.login.refused"), null);
            case AccountService.Login.Throttled t -> {
                long minutes = Math.max(1, (Duration.between(Instant.now(), t.until()).toSeconds() + 59) / 60);
                ctx.header("Retry-After", String.valueOf(minutes * 60));
                show(ctx, 429, email, nextParam, msg.t("admin.login.throttled", minutes), null);
            }
        }
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
    static String next(String requested) {
        if (requested == null || !requested.startsWith("/admin/") || requested.startsWith("/admin/login")
                || requested.contains("//") || requested.contains("\\") || requested.chars().anyMatch(c -> c < 0x20)) {
            return "/admin/";
        }
        return requested;
    }

    /** HttpOnly, SameSite=Lax, only for /admin, and Secure when the site is reached over HTTPS. */
    private Cookie cookie(Context ctx, String name, String value, int maxAge) {
        String base = settings.current().baseUrl();
        boolean secure = ClientAddress.https(ctx) || (base != null && base.startsWith("https:"));
        return new Cookie(name, value, COOKIE_PATH, maxAge, secure, true, null, SameSite.LAX);
    }
}
