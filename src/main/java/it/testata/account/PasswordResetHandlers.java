package it.testata.account;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.settings.SettingsService;
import it.testata.web.ClientAddress;
import it.testata.web.LayoutService;
import it.testata.web.Renderer;

/**
 * The password reset pages under /admin/password-reset (guard LOGIN: like the sign-in form, each form carries a
 * token that must equal a cookie set with it). States: request (the address form), sent (the same answer for any
 * address), choose (the new password), done, invalid (an unknown, used or expired link).
 */
public final class PasswordResetHandlers {
    static final String COOKIE = "testata_reset";

    private final PasswordResetService resets;
    private final AdminFrames frames;
    private final Renderer renderer;
    private final SettingsService settings;
    private final LayoutService layouts;

    public PasswordResetHandlers(PasswordResetService resets, AdminFrames frames, Renderer renderer, SettingsService settings,
                                 LayoutService layouts) {
        this.resets = resets;
        this.frames = frames;
        this.renderer = renderer;
        this.settings = settings;
        this.layouts = layouts;
    }

    /** What admin/password-reset.jte receives. */
    public record ResetPage(AdminFrame frame, String state, String email, String token, String error) {}

    /** Every form value goes through here (one place for an input cleaner). */
    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    /** GET /admin/password-reset */
    public void form(Context ctx) {
        show(ctx, 200, "request", "", "", null);
    }

    /** POST /admin/password-reset */
    public void request(Context ctx) {
        String email = field(ctx, "email").strip();
        if (!Access.sameToken(ctx.cookie(COOKIE), field(ctx, Access.CSRF_FIELD))) {
            show(ctx, 403, "request", email, "", "admin.login.expired");
            return;
        }
        resets.request(email, ClientAddress.network(ctx), layouts.baseUrl(ctx));
        show(ctx, 200, "sent", "", "", null);
    }

    /** GET /admin/password-reset/new?t=... */
    public void choose(Context ctx) {
        String t = ctx.queryParam("t");
        if (resets.valid(t).isEmpty()) show(ctx, 404, "invalid", "", "", null);
        else show(ctx, 200, "choose", "", t, null);
    }

    /** POST /admin/password-reset/new */
    public void reset(Context ctx) {
        String t = field(ctx, "t");
        if (!Access.sameToken(ctx.cookie(COOKIE), field(ctx, Access.CSRF_FIELD))) {
            show(ctx, 403, "choose", "", t, "admin.login.expired");
            return;
        }
        if (resets.valid(t).isEmpty()) {
            show(ctx, 404, "invalid", "", "", null);
            return;
        }
        String password = field(ctx, "password");
        if (password.length() < AccountService.MIN_PASSWORD) {
            show(ctx, 422, "choose", "", t, "reset.error.short");
            return;
        }
        if (!password.equals(field(ctx, "password2"))) {
            show(ctx, 422, "choose", "", t, "reset.error.different");
            return;
        }
        if (!resets.reset(t, password.toCharArray())) {
            show(ctx, 404, "invalid", "", "", null);
            return;
        }
        ctx.cookie(cookie(ctx, "", 0));
        show(ctx, 200, "done", "", "", null);
    }

    private void show(Context ctx, int status, String state, String email, String t, String error) {
        String token = AccountService.randomToken(24);
        ctx.cookie(cookie(ctx, token, 3600));
        AdminFrame f = frames.signIn(token);
        AdminFrame frame = new AdminFrame(f.site(), f.msg(), f.assets(), null, token, f.msg().t("reset.title"), "login");
        String message = error == null ? null
                : error.equals("reset.error.short") ? f.msg().t(error, AccountService.MIN_PASSWORD) : f.msg().t(error);
        renderer.privatePage(ctx, status, "admin/password-reset.jte", new ResetPage(frame, state, email, t, message));
    }

    private Cookie cookie(Context ctx, String value, int maxAge) {
        String base = settings.current().baseUrl();
        boolean secure = ClientAddress.https(ctx) || (base != null && base.startsWith("https:"));
        return new Cookie(COOKIE, value, "/admin/password-reset", maxAge, secure, true, null, SameSite.STRICT);
    }
}
