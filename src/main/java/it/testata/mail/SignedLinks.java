package it.testata.mail;

import io.javalin.http.Context;
import it.testata.settings.SettingsService;
import it.testata.web.Signer;

import java.util.Optional;

/**
 * The links that e-mails carry to act without signing in (confirm a subscription, unsubscribe): an address on this
 * site with {@code ?t=ID.SIGNATURE}, where the signature (the site's key) is bound to the link's purpose, so a link
 * made for one purpose or one row never works for another. The newsletter and reply notifications share it.
 */
public final class SignedLinks {
    private final SettingsService settings;
    private final Signer signer;
    private volatile String requestBase = "http://localhost";

    public SignedLinks(SettingsService settings) {
        this.settings = settings;
        this.signer = new Signer(settings.signingKey());
    }

    /** The base of links in e-mails: the base_url setting, else the address the site was last reached at. */
    public String baseUrl() {
        String configured = settings.current().baseUrl();
        return configured.isBlank() ? requestBase : configured.replaceAll("/+$", "");
    }

    /** Remembers the address a reader reached the site at (for links when base_url is not set). */
    public void noteBase(String base) {
        if (base != null && !base.isBlank()) requestBase = base.replaceAll("/+$", "");
    }

    /** The absolute address of this path with a token naming the row for this purpose. */
    public String url(String path, String purpose, long id) {
        return baseUrl() + path + "?t=" + signer.sign(purpose, Long.toString(id));
    }

    /** The row a token names for this purpose, when its signature is right. */
    public Optional<Long> id(String purpose, String token) {
        return signer.verify(purpose, token == null ? "" : token).flatMap(SignedLinks::number);
    }

    /** The token of a request: in the query (the e-mail's link, a one-click POST) or in a confirm button's form. */
    public static String token(Context ctx) {
        String q = ctx.queryParam("t");
        if (q != null) return q;
        String f = ctx.formParam("t");
        return f == null ? "" : f.strip();
    }

    private static Optional<Long> number(String v) {
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
