package it.testata.admin;

import io.javalin.http.Context;
import it.testata.account.Access;
import it.testata.account.Principal;
import it.testata.settings.Settings;
import it.testata.settings.SettingsService;
import it.testata.web.Assets;
import it.testata.web.Messages;

/** Builds the frame of back-office pages for the signed-in user of a request. */
public final class AdminFrames {
    private final SettingsService settings;
    private final Assets assets;

    public AdminFrames(SettingsService settings, Assets assets) {
        this.settings = settings;
        this.assets = assets;
    }

    public Messages messages() {
        return Messages.of(settings.current().javaLocale());
    }

    /** The frame for a page behind a staff guard; the title is a message key. */
    public AdminFrame frame(Context ctx, String titleKey, String section) {
        Principal p = Access.principal(ctx);
        Settings s = settings.current();
        Messages msg = Messages.of(s.javaLocale());
        return new AdminFrame(s, msg, assets, p.user(), p.csrf(), msg.t(titleKey), section);
    }

    /** The frame for the sign-in page: nobody signed in, the form's own token. */
    public AdminFrame signIn(String formToken) {
        Settings s = settings.current();
        Messages msg = Messages.of(s.javaLocale());
        return new AdminFrame(s, msg, assets, null, formToken, msg.t("admin.login.title"), "login");
    }
}
