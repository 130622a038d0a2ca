package it.testata.twofactor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.account.Access;
import it.testata.account.AccountService;
import it.testata.account.LoginHandlers;
import it.testata.account.User;
import it.testata.admin.AdminFrames;
import it.testata.audit.AuditLog;
import it.testata.settings.SettingsService;
import it.testata.web.ClientAddress;
import it.testata.web.Messages;
import it.testata.web.Renderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The second step of signing in (/admin/login/2fa: a TOTP code, a recovery code or a passkey) and signing in with a
 * passkey alone. These routes have the sign-in guard: their forms and scripts carry the sign-in form's own token
 * (the testata_login cookie), since there is no session yet. Wrong codes count in the sign-in throttle.
 */
public final class SecondFactorHandlers {
    public static final String PENDING_COOKIE = "testata_2fa";
    private static final Logger LOG = LoggerFactory.getLogger(SecondFactorHandlers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountService accounts;
    private final TwoFactorService twoFactor;
    private final Passkeys passkeys;
    private final AdminFrames frames;
    private final Renderer renderer;
    private final SettingsService settings;
    private final AuditLog audit;

    public SecondFactorHandlers(AccountService accounts, TwoFactorService twoFactor, Passkeys passkeys, AdminFrames frames,
                                Renderer renderer, SettingsService settings, AuditLog audit) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.passkeys = passkeys;
        this.frames = frames;
        this.renderer = renderer;
        this.settings = settings;
        this.audit = audit;
    }

    /** GET /admin/login/2fa */
    public void form(Context ctx) {
        Optional<User> user = pendingUser(ctx);
        if (user.isEmpty()) {
            ctx.redirect("/admin/login?expired=1", HttpStatus.SEE_OTHER);
            return;
        }
        show(ctx, 200, user.get(), null);
    }

    /** POST /admin/login/2fa: a TOTP code or a recovery code. */
    public void submit(Context ctx) {
        Messages msg = frames.messages();
        Optional<TwoFactorStore.Pending> pending = twoFactor.pending(ctx.cookie(PENDING_COOKIE));
        Optional<User> user = pending.flatMap(p -> accounts.user(p.userId()));
        if (user.isEmpty()) {
            ctx.redirect("/admin/login?expired=1", HttpStatus.SEE_OTHER);
            return;
        }
        if (!Access.sameToken(ctx.cookie(LoginHandlers.LOGIN_COOKIE), ctx.formParam(Access.CSRF_FIELD))) {
            show(ctx, 403, user.get(), msg.t("admin.login.expired"));
            return;
        }
        String net = ClientAddress.network(ctx);
        Optional<Instant> locked = accounts.lockedUntil(user.get().email(), net);
        if (locked.isPresent()) {
            LoginHandlers.throttled(ctx, locked.get());
            show(ctx, 429, user.get(), msg.t("admin.login.throttled", LoginHandlers.minutesUntil(locked.get())));
            audit.record(ctx, user.get().id(), user.get().email(), "login.throttled", "", "second factor");
            return;
        }
        Optional<String> used = twoFactor.verify(user.get().id(), ctx.formParam("code"));
        if (used.isEmpty()) {
            Optional<Instant> now = accounts.recordFailure(user.get().email(), net);
            if (now.isPresent()) {
                LoginHandlers.throttled(ctx, now.get());
                show(ctx, 429, user.get(), msg.t("admin.login.throttled", LoginHandlers.minutesUntil(now.get())));
            } else {
                show(ctx, 401, user.get(), msg.t("admin.2fa.wrong"));
            }
            audit.record(ctx, user.get().id(), user.get().email(), "login.failed", "", "second factor");
            return;
        }
        finish(ctx, user.get(), pending.get().next(), used.get());
        ctx.redirect(pending.get().next(), HttpStatus.SEE_OTHER);
    }

    /** POST /admin/login/passkey/options: {"mode": "signin"} (a passkey alone) or {"mode": "second"} (after a password). */
    public void options(Context ctx) throws Exception {
        if (!tokenOk(ctx)) return;
        Passkeys.Party party = party(ctx);
        if ("second".equals(mode(ctx))) {
            Optional<User> user = pendingUser(ctx);
            if (user.isEmpty()) {
                Access.json(ctx, 403, frames.messages().t("admin.login.expired"));
                return;
            }
            json(ctx, passkeys.requestOptions(party, user.get().id()));
        } else {
            json(ctx, passkeys.requestOptions(party, null));
        }
    }

    /** POST /admin/login/passkey: the authenticator's answer; signs in and answers where to go next. */
    public void verify(Context ctx) throws Exception {
        if (!tokenOk(ctx)) return;
        Messages msg = frames.messages();
        Optional<TwoFactorStore.Pending> pending = Optional.empty();
        Long userId = null;
        com.fasterxml.jackson.databind.JsonNode answer;
        try {
            answer = Passkeys.parse(ctx.body());
        } catch (Passkeys.Refused e) {
            Access.json(ctx, 400, msg.t("admin.passkey.refused"));
            return;
        }
        boolean second = "second".equals(answer.path("mode").asText(""));
        if (second) {
            pending = twoFactor.pending(ctx.cookie(PENDING_COOKIE));
            if (pending.isEmpty()) {
                Access.json(ctx, 403, msg.t("admin.login.expired"));
                return;
            }
            userId = pending.get().userId();
        }
        TwoFactorStore.PasskeyRow key;
        try {
            key = passkeys.authenticate(party(ctx), userId, answer.path("credential"));
        } catch (Passkeys.Refused e) {
            LOG.warn("passkey sign-in refused from {}: {}", ClientAddress.network(ctx), e.getMessage());
            Access.json(ctx, 401, msg.t("admin.passkey.refused"));
            audit.record(ctx, userId, "", "login.failed", "", "passkey");
            return;
        }
        Optional<User> user = accounts.user(key.userId()).filter(u -> !u.disabled());
        if (user.isEmpty()) {
            Access.json(ctx, 401, msg.t("admin.passkey.refused"));
            return;
        }
        String next = pending.map(TwoFactorStore.Pending::next).orElseGet(() -> LoginHandlers.next(answer.path("next").asText("")));
        finish(ctx, user.get(), next, second ? "passkey as second factor" : "passkey");
        json(ctx, Map.of("redirect", next));
    }

    /** The sign-in is complete: the pending state goes, a session starts. */
    private void finish(Context ctx, User user, String next, String how) {
        twoFactor.endPending(ctx.cookie(PENDING_COOKIE));
        ctx.cookie(LoginHandlers.adminCookie(ctx, settings, PENDING_COOKIE, "", 0));
        AccountService.Login.Ok ok = accounts.openSession(user, ClientAddress.network(ctx), ctx.userAgent());
        LoginHandlers.signIn(ctx, settings, ok, null);
        audit.record(ctx, user.id(), user.email(), "login.ok", "", how);
    }

    private Optional<User> pendingUser(Context ctx) {
        return twoFactor.pending(ctx.cookie(PENDING_COOKIE)).flatMap(p -> accounts.user(p.userId()));
    }

    private void show(Context ctx, int status, User user, String error) {
        String token = AccountService.randomToken(24);
        ctx.cookie(LoginHandlers.adminCookie(ctx, settings, LoginHandlers.LOGIN_COOKIE, token, 3600));
        var frame = frames.signIn(token);
        renderer.privatePage(ctx, status, "admin/second-factor.jte", new SecondFactorPage(frame, error,
                twoFactor.hasTotp(user.id()), !passkeys.list(user.id()).isEmpty()));
    }

    /** Scripts send the sign-in form's token as the X-CSRF-Token header. */
    private boolean tokenOk(Context ctx) throws Exception {
        if (Access.sameToken(ctx.cookie(LoginHandlers.LOGIN_COOKIE), ctx.header(Access.CSRF_HEADER))) return true;
        Access.json(ctx, 403, frames.messages().t("admin.login.expired"));
        return false;
    }

    private static String mode(Context ctx) {
        try {
            return JSON.readTree(ctx.body()).path("mode").asText("");
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    static void json(Context ctx, Object value) throws Exception {
        ctx.contentType("application/json").result(JSON.writeValueAsString(value));
    }

    /** The relying party as this request sees the site: base_url when set, else the address the browser used. */
    Passkeys.Party party(Context ctx) {
        return party(ctx, settings);
    }

    public static Passkeys.Party party(Context ctx, SettingsService settings) {
        String base = settings.current().baseUrl();
        String origin;
        if (base != null && !base.isBlank()) {
            java.net.URI u = java.net.URI.create(base);
            origin = u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } else {
            origin = (ClientAddress.https(ctx) ? "https" : "http") + "://" + ctx.host();
        }
        String host = java.net.URI.create(origin).getHost();
        return new Passkeys.Party(origin, host, settings.current().siteName());
    }
}
