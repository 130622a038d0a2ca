package it.testata.contact;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.comment.CommentForm;
import it.testata.comment.FormToken;
import it.testata.settings.Settings;
import it.testata.settings.SettingsService;
import it.testata.spam.SpamService;
import it.testata.web.ClientAddress;
import it.testata.web.ErrorPages;
import it.testata.web.Layout;
import it.testata.web.LayoutService;
import it.testata.web.NotFound;
import it.testata.web.Renderer;
import it.testata.comment.CommentHandlers;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The contact page (/contatti/ on an Italian site, /contact/ on an English one; both answer) and its POST, with the
 * comment form's defences (same origin, honeypot, signed token, flood limit, spam filter), and the back office's
 * "Messaggi" inbox.
 */
public final class ContactHandlers {
    private final ContactService contact;
    private final FormToken tokens;
    private final Supplier<String> tokenHtml;
    private final SettingsService settings;
    private final SpamService spam;
    private final LayoutService layouts;
    private final Renderer renderer;
    private final ErrorPages errors;
    private final AdminFrames frames;

    public ContactHandlers(ContactService contact, FormToken tokens, Supplier<String> tokenHtml, SettingsService settings,
                           SpamService spam, LayoutService layouts, Renderer renderer, ErrorPages errors, AdminFrames frames) {
        this.contact = contact;
        this.tokens = tokens;
        this.tokenHtml = tokenHtml;
        this.settings = settings;
        this.spam = spam;
        this.layouts = layouts;
        this.renderer = renderer;
        this.errors = errors;
        this.frames = frames;
    }

    /** The contact page's address in the site's language. */
    public static String path(Settings s) {
        return "en".equals(s.locale()) ? "/contact/" : "/contatti/";
    }

    /** Every form value goes through here (one place for an input cleaner). */
    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : it.testata.text.CleanText.text(v).strip(); // control characters go (harden)
    }

    /** GET /contatti/ and /contact/ */
    public void page(Context ctx) {
        boolean sent = ctx.queryParam("inviato") != null;
        show(ctx, 200, ContactForm.empty(), Map.of(), sent ? layouts.messages().t("contact.sent") : null, sent);
    }

    /** POST /contatti/ and /contact/ */
    public void post(Context ctx) {
        var msg = layouts.messages();
        if (CommentHandlers.crossSite(ctx)) {
            errors.render(ctx, 403, msg.t("error.403.title"), msg.t("comment.crossSite"), true);
            return;
        }
        ContactForm form = new ContactForm(field(ctx, "name"), field(ctx, "email"), field(ctx, "subject"),
                field(ctx, "message").replace("\r\n", "\n"), field(ctx, CommentForm.HONEYPOT), field(ctx, CommentForm.TOKEN));
        Map<String, String> invalid = form.errors();
        if (!invalid.isEmpty()) {
            show(ctx, 422, form, invalid, msg.t("contact.invalid"), false);
            return;
        }
        String done = ctx.path() + "?inviato=1";
        if (!form.honeypot().isEmpty()) {
            spam.discarded("honeypot");
            ctx.redirect(done, HttpStatus.SEE_OTHER); // a bot learns nothing
            return;
        }
        switch (tokens.check(form.token(), Instant.now())) {
            case TOO_FAST, INVALID -> {
                spam.discarded("forged-token");
                ctx.redirect(done, HttpStatus.SEE_OTHER);
                return;
            }
            case TOO_OLD -> {
                show(ctx, 422, form, Map.of(), msg.t("comment.stale"), false);
                return;
            }
            case OK -> { }
        }
        ContactService.Outcome outcome = contact.submit(form, settings.current(), ClientAddress.network(ctx),
                layouts.baseUrl(ctx));
        if (outcome == ContactService.Outcome.FLOOD) {
            show(ctx, 429, form, Map.of(), msg.t("contact.flood"), false);
            return;
        }
        ctx.redirect(done, HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, ContactForm form, Map<String, String> fieldErrors, String message, boolean sent) {
        Layout frame = layouts.layout(ctx, layouts.messages().t("contact.title"), "", path(settings.current()), null);
        renderer.uncached(ctx, status, "contact/contact.jte", new ContactPage(frame, form, fieldErrors, message, sent,
                tokenHtml.get()));
    }

    /** GET /admin/messages */
    public void inbox(Context ctx) {
        String status = ctx.queryParam("status");
        if (status != null && !status.matches("unread|read|spam")) status = null;
        String done = ctx.queryParam("done");
        AdminFrame frame = frames.frame(ctx, "contact.admin.title", "messages");
        String notice = done != null && done.matches("read|unread|spam|delete") ? frame.msg().t("contact.admin.done." + done) : null;
        renderer.privatePage(ctx, 200, "admin/messages.jte", new InboxPage(frame, contact.store().counts(), status,
                contact.store().list(status, 200), null, notice));
    }

    /** GET /admin/messages/{id}: the message, marked read. */
    public void message(Context ctx) {
        ContactMessage m = contact.store().find(id(ctx)).orElseThrow(NotFound::new);
        if (m.status().equals("unread")) contact.store().setStatus(m.id(), "read");
        AdminFrame frame = frames.frame(ctx, "contact.admin.title", "messages");
        renderer.privatePage(ctx, 200, "admin/messages.jte", new InboxPage(frame, contact.store().counts(), null,
                java.util.List.of(), m, null));
    }

    /** POST /admin/messages/{id}: action read, unread, spam or delete. */
    public void act(Context ctx) {
        long id = id(ctx);
        String action = field(ctx, "action");
        boolean done = switch (action) {
            case "read", "unread", "spam" -> contact.store().setStatus(id, action);
            case "delete" -> contact.store().delete(id);
            default -> false;
        };
        if (!done) throw new NotFound();
        ctx.redirect("/admin/messages?done=" + action, HttpStatus.SEE_OTHER);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }
}
