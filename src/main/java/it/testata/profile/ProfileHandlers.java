package it.testata.profile;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.account.Access;
import it.testata.account.AccountService;
import it.testata.account.Principal;
import it.testata.account.User;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.audit.AuditLog;
import it.testata.settings.SettingsService;
import it.testata.settings.StaffSettings;
import it.testata.twofactor.Passkeys;
import it.testata.twofactor.QrSvg;
import it.testata.twofactor.SecondFactorHandlers;
import it.testata.twofactor.Totp;
import it.testata.twofactor.TwoFactorService;
import it.testata.web.Renderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profile page (/admin/profile), for every member of staff: one's name, password (the current one asked; one's
 * other sessions end), TOTP (set up with a QR code, or disabled with the password), recovery codes (made anew,
 * shown once), passkeys (added with static/js/passkeys.js, named, removed) and one's sessions, with "sign out
 * everywhere else". When the site requires 2FA, an account without it can open only this page until it has one.
 */
public final class ProfileHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileHandlers.class);

    private final AccountService accounts;
    private final TwoFactorService twoFactor;
    private final Passkeys passkeys;
    private final AdminFrames frames;
    private final Renderer renderer;
    private final SettingsService settings;
    private final StaffSettings.Live staffSettings;
    private final AuditLog audit;
    private final it.testata.staffnotify.StaffNotifyService staffNotify; // --- staffmail ---

    public ProfileHandlers(AccountService accounts, TwoFactorService twoFactor, Passkeys passkeys, AdminFrames frames,
                           Renderer renderer, SettingsService settings, StaffSettings.Live staffSettings, AuditLog audit,
                           it.testata.staffnotify.StaffNotifyService staffNotify) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.passkeys = passkeys;
        this.frames = frames;
        this.renderer = renderer;
        this.settings = settings;
        this.staffSettings = staffSettings;
        this.audit = audit;
        this.staffNotify = staffNotify; // --- staffmail ---
    }

    /** GET /admin/profile */
    public void page(Context ctx) {
        String done = ctx.queryParam("done");
        AdminFrame frame = frames.frame(ctx, "admin.profile.title", "profile");
        String notice = done != null && done.matches("name|password|totp|totpoff|recovery|passkey|renamed|removed|sessions|none|notify")
                ? frame.msg().t("admin.profile.done." + done) : null;
        show(ctx, 200, null, List.of(), Map.of(), notice);
    }

    /** POST /admin/profile/name */
    public void name(Context ctx) {
        User me = me(ctx);
        String name = ctx.formParam("name");
        try {
            accounts.rename(me.id(), name);
        } catch (IllegalArgumentException e) {
            show(ctx, 422, name, List.of(), Map.of("name", frames.messages().t("admin.profile.error.name")), null);
            return;
        }
        done(ctx, "name");
    }

    /** POST /admin/profile/password: current password, new one twice; the other sessions end. */
    public void password(Context ctx) {
        User me = me(ctx);
        var msg = frames.messages();
        String next = ctx.formParam("password");
        if (!accounts.passwordMatches(me, ctx.formParam("current"))) {
            show(ctx, 422, null, List.of(), Map.of("current", msg.t("admin.profile.error.current")), null);
            return;
        }
        if (next == null || next.length() < AccountService.MIN_PASSWORD) {
            show(ctx, 422, null, List.of(), Map.of("password", msg.t("admin.users.error.password", AccountService.MIN_PASSWORD)), null);
            return;
        }
        if (!next.equals(ctx.formParam("password2"))) {
            show(ctx, 422, null, List.of(), Map.of("password2", msg.t("admin.profile.error.mismatch")), null);
            return;
        }
        accounts.changeOwnPassword(me, next.toCharArray(), ctx.cookie(Access.SESSION_COOKIE));
        audit.record(ctx, me.id(), me.email(), "profile.password", "", "other sessions signed out");
        done(ctx, "password");
    }

    /** POST /admin/profile/totp/start: a new secret to scan; the page shows its QR code. */
    public void totpStart(Context ctx) {
        User me = me(ctx);
        if (twoFactor.hasTotp(me.id())) {
            done(ctx, "totp");
            return;
        }
        twoFactor.startTotp(me.id());
        ctx.redirect("/admin/profile#totp", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/profile/totp/confirm: the first code from the app turns TOTP on; recovery codes are shown once. */
    public void totpConfirm(Context ctx) {
        User me = me(ctx);
        Optional<List<String>> codes = twoFactor.confirmTotp(me.id(), ctx.formParam("code"));
        if (codes.isEmpty()) {
            show(ctx, 422, null, List.of(), Map.of("code", frames.messages().t("admin.2fa.wrong")), null);
            return;
        }
        audit.record(ctx, me.id(), me.email(), "2fa.totp_enabled", me.email(), "");
        show(ctx, 200, null, codes.get(), Map.of(), frames.messages().t("admin.profile.done.totp"));
    }

    /** POST /admin/profile/totp/disable: with the password. */
    public void totpDisable(Context ctx) {
        User me = me(ctx);
        if (!accounts.passwordMatches(me, ctx.formParam("current"))) {
            show(ctx, 422, null, List.of(), Map.of("disable-current", frames.messages().t("admin.profile.error.current")), null);
            return;
        }
        twoFactor.disableTotp(me.id());
        audit.record(ctx, me.id(), me.email(), "2fa.totp_disabled", me.email(), "");
        done(ctx, "totpoff");
    }

    /** POST /admin/profile/recovery: ten new codes, shown once; the old ones stop working. */
    public void recovery(Context ctx) {
        User me = me(ctx);
        if (!twoFactor.enrolled(me.id())) {
            done(ctx, "none");
            return;
        }
        List<String> codes = twoFactor.regenerateRecoveryCodes(me.id());
        audit.record(ctx, me.id(), me.email(), "2fa.recovery_codes", me.email(), "regenerated");
        show(ctx, 200, null, codes, Map.of(), frames.messages().t("admin.profile.done.recovery"));
    }

    /** POST /admin/profile/passkeys/options (JSON, X-CSRF-Token) */
    public void passkeyOptions(Context ctx) throws Exception {
        User me = me(ctx);
        ctx.contentType("application/json").result(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(passkeys.creationOptions(me, SecondFactorHandlers.party(ctx, settings))));
    }

    /** POST /admin/profile/passkeys (JSON: name, credential) */
    public void passkeyAdd(Context ctx) throws Exception {
        User me = me(ctx);
        try {
            var body = Passkeys.parse(ctx.body());
            passkeys.register(me, SecondFactorHandlers.party(ctx, settings), body.path("name").asText(""), body.path("credential"));
        } catch (Passkeys.Refused e) {
            LOG.warn("passkey not added for user {}: {}", me.id(), e.getMessage());
            Access.json(ctx, 422, frames.messages().t("admin.passkey.failed"));
            return;
        }
        audit.record(ctx, me.id(), me.email(), "2fa.passkey_added", me.email(), "");
        ctx.contentType("application/json").result("{\"redirect\":\"/admin/profile?done=passkey\"}");
    }

    /** POST /admin/profile/passkeys/{id}/name */
    public void passkeyName(Context ctx) {
        User me = me(ctx);
        long id = id(ctx);
        try {
            passkeys.rename(me.id(), id, ctx.formParam("name"));
        } catch (IllegalArgumentException e) {
            show(ctx, 422, null, List.of(), Map.of("passkey-" + id, frames.messages().t("admin.profile.error.passkeyName")), null);
            return;
        }
        done(ctx, "renamed");
    }

    /** POST /admin/profile/passkeys/{id}/delete */
    public void passkeyDelete(Context ctx) {
        User me = me(ctx);
        if (passkeys.remove(me.id(), id(ctx))) {
            audit.record(ctx, me.id(), me.email(), "2fa.passkey_removed", me.email(), "passkey " + id(ctx));
        }
        done(ctx, "removed");
    }

    /** POST /admin/profile/sessions/others: sign out everywhere else. */
    public void signOutOthers(Context ctx) {
        User me = me(ctx);
        int n = accounts.endOtherSessions(me.id(), ctx.cookie(Access.SESSION_COOKIE));
        audit.record(ctx, me.id(), me.email(), "profile.sessions_ended", "", n + " other sessions");
        done(ctx, "sessions");
    }

    // --- staffmail ---
    /** POST /admin/profile/notifications: held comments at once, hourly or never; new comments on one's articles. */
    public void notifications(Context ctx) {
        User me = accounts.user(me(ctx).id()).orElse(me(ctx));
        var held = it.testata.staffnotify.NotifyPrefs.Held.parse(ctx.formParam("held"));
        if (me.role().moderates() && held.isEmpty()) {
            show(ctx, 422, null, List.of(), Map.of("notify-held", frames.messages().t("staffnotify.error.held")), null);
            return;
        }
        staffNotify.save(me, new it.testata.staffnotify.NotifyPrefs(held.orElse(it.testata.staffnotify.NotifyPrefs.Held.NONE),
                "on".equals(ctx.formParam("own_comments"))));
        done(ctx, "notify");
    }
    // --- end staffmail ---

    private void show(Context ctx, int status, String typedName, List<String> newCodes, Map<String, String> errors, String notice) {
        Principal p = Access.principal(ctx);
        User me = accounts.user(p.user().id()).orElse(p.user());
        AdminFrame frame = frames.frame(ctx, "admin.profile.title", "profile");
        boolean totp = twoFactor.hasTotp(me.id());
        String secret = null;
        String qr = null;
        if (!totp) {
            Optional<byte[]> pending = twoFactor.pendingTotp(me.id());
            if (pending.isPresent()) {
                secret = Totp.base32(pending.get());
                qr = QrSvg.of(Totp.uri(frame.site().siteName(), me.email(), pending.get()), frame.msg().t("admin.profile.totp.qr"));
            }
        }
        boolean enrolRequired = staffSettings.current().require2fa() && !twoFactor.enrolled(me.id());
        renderer.privatePage(ctx, status, "admin/profile.jte", new ProfilePage(frame, typedName == null ? me.name() : typedName,
                totp, secret, qr, twoFactor.recoveryCodesLeft(me.id()), passkeys.list(me.id()),
                accounts.sessions(me.id(), ctx.cookie(Access.SESSION_COOKIE)), newCodes, errors, notice, enrolRequired,
                staffNotify.view(me))); // --- staffmail ---
    }

    private static User me(Context ctx) {
        return Access.principal(ctx).user();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new it.testata.web.NotFound();
        }
    }

    private static void done(Context ctx, String what) {
        ctx.redirect("/admin/profile?done=" + what, HttpStatus.SEE_OTHER);
    }
}
