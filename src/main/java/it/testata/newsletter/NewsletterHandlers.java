package it.testata.newsletter;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.comment.CommentForm;
import it.testata.comment.CommentHandlers;
import it.testata.mail.Addresses;
import it.testata.web.ClientAddress;
import it.testata.web.ErrorPages;
import it.testata.web.LayoutService;
import it.testata.web.Renderer;

import java.util.Optional;

/**
 * The reader's side of the newsletter: the subscribe form (the sidebar widget, /newsletter/ and below each article
 * all post to /newsletter/), the confirmation link and the unsubscribe link. Both links show a button on GET (a
 * mail scanner following links changes nothing) and act on POST; the unsubscribe POST is also RFC 8058's one-click.
 */
public final class NewsletterHandlers {
    private final NewsletterService newsletter;
    private final LayoutService layouts;
    private final Renderer renderer;
    private final ErrorPages errors;

    public NewsletterHandlers(NewsletterService newsletter, LayoutService layouts, Renderer renderer, ErrorPages errors) {
        this.newsletter = newsletter;
        this.layouts = layouts;
        this.renderer = renderer;
        this.errors = errors;
    }

    /** Every form value goes through here (one place for an input cleaner). */
    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : it.testata.text.CleanText.text(v).strip(); // control characters go (harden)
    }

    /** The signed token of a link: in the query (the e-mail's link, the one-click POST) or the button's form. */
    private static String token(Context ctx) {
        return it.testata.mail.SignedLinks.token(ctx);
    }

    /** GET /newsletter/ */
    public void page(Context ctx) {
        show(ctx, 200, ctx.queryParam("iscritto") != null ? "asked" : "form", "", "", null, null);
    }

    /** POST /newsletter/ */
    public void subscribe(Context ctx) {
        var msg = layouts.messages();
        if (CommentHandlers.crossSite(ctx)) {
            errors.render(ctx, 403, msg.t("error.403.title"), msg.t("comment.crossSite"), true);
            return;
        }
        String email = field(ctx, "email"), name = field(ctx, "name");
        if (!field(ctx, CommentForm.HONEYPOT).isEmpty()) {
            ctx.redirect("/newsletter/?iscritto=1", HttpStatus.SEE_OTHER);
            return;
        }
        if (!Addresses.valid(Addresses.normalize(email)) || name.length() > 200) {
            show(ctx, 422, "form", email, name, name.length() > 200 ? "newsletter.error.name" : "newsletter.error.email", null);
            return;
        }
        newsletter.noteBase(layouts.baseUrl(ctx));
        if (newsletter.subscribe(email, name, ClientAddress.network(ctx)) == NewsletterService.Subscribed.FLOOD) {
            show(ctx, 429, "form", email, name, "newsletter.error.flood", null);
            return;
        }
        ctx.redirect("/newsletter/?iscritto=1", HttpStatus.SEE_OTHER);
    }

    /** GET /newsletter/confirm?t=...: the confirm button. */
    public void confirmPage(Context ctx) {
        Optional<Subscriber> s = newsletter.fromConfirmLink(token(ctx));
        if (s.isEmpty()) show(ctx, 404, "invalid", "", "", null, null);
        else if (s.get().status().equals("confirmed")) show(ctx, 200, "confirmed", "", "", null, null);
        else show(ctx, 200, "confirm", "", "", null, token(ctx));
    }

    /** POST /newsletter/confirm */
    public void confirm(Context ctx) {
        Optional<Subscriber> s = newsletter.fromConfirmLink(token(ctx));
        if (s.isEmpty() || s.get().status().equals("unsubscribed")) {
            show(ctx, 404, "invalid", "", "", null, null);
            return;
        }
        newsletter.confirm(s.get(), ClientAddress.network(ctx));
        show(ctx, 200, "confirmed", "", "", null, null);
    }

    /** GET /newsletter/unsubscribe?t=...: the confirm button. */
    public void unsubscribePage(Context ctx) {
        Optional<Subscriber> s = newsletter.fromUnsubscribeLink(token(ctx));
        if (s.isEmpty()) show(ctx, 404, "invalid", "", "", null, null);
        else if (s.get().status().equals("unsubscribed")) show(ctx, 200, "unsubscribed", "", "", null, null);
        else show(ctx, 200, "unsubscribe", "", "", null, token(ctx));
    }

    /** POST /newsletter/unsubscribe?t=... (the button, or a mail program's one-click POST) */
    public void unsubscribe(Context ctx) {
        Optional<Subscriber> s = newsletter.fromUnsubscribeLink(token(ctx));
        if (s.isEmpty()) {
            show(ctx, 404, "invalid", "", "", null, null);
            return;
        }
        newsletter.unsubscribe(s.get());
        show(ctx, 200, "unsubscribed", "", "", null, null);
    }

    private void show(Context ctx, int status, String state, String email, String name, String error, String token) {
        var frame = layouts.layout(ctx, layouts.messages().t("newsletter.title"), "", "/newsletter/", null);
        if (!state.equals("form")) frame = frame.withNoindex();
        renderer.uncached(ctx, status, "newsletter/newsletter.jte", new NewsletterPage(frame, state, email, name, error, token));
    }
}
