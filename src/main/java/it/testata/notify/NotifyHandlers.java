package it.testata.notify;

import io.javalin.http.Context;
import it.testata.mail.SignedLinks;
import it.testata.web.ClientAddress;
import it.testata.web.LayoutService;
import it.testata.web.Renderer;

import java.util.Optional;

/**
 * The links of reply-notification e-mails: confirm the address, stop one thread, stop everything. A GET shows a
 * button and changes nothing (a mail scanner following links does no harm); a POST acts, with the token in the
 * button's form or in the query, so the unsubscribe links also work as RFC 8058 one-click unsubscribes.
 */
public final class NotifyHandlers {
    private final NotifyService notify;
    private final LayoutService layouts;
    private final Renderer renderer;

    public NotifyHandlers(NotifyService notify, LayoutService layouts, Renderer renderer) {
        this.notify = notify;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    /** GET /replies/confirm?t=... */
    public void confirmPage(Context ctx) {
        Optional<ReplySubscriber> s = notify.fromConfirmLink(SignedLinks.token(ctx));
        if (s.isEmpty() || s.get().status().equals("unsubscribed")) show(ctx, 404, "invalid", null);
        else if (s.get().confirmed()) show(ctx, 200, "confirmed", null);
        else show(ctx, 200, "confirm", SignedLinks.token(ctx));
    }

    /** POST /replies/confirm */
    public void confirm(Context ctx) {
        Optional<ReplySubscriber> s = notify.fromConfirmLink(SignedLinks.token(ctx));
        if (s.isEmpty() || s.get().status().equals("unsubscribed")) {
            show(ctx, 404, "invalid", null);
            return;
        }
        notify.confirm(s.get(), ClientAddress.network(ctx));
        show(ctx, 200, "confirmed", null);
    }

    /** GET /replies/unsubscribe?t=... */
    public void stopPage(Context ctx) {
        Optional<Boolean> live = notify.fromStopLink(SignedLinks.token(ctx));
        if (live.isEmpty()) show(ctx, 404, "invalid", null);
        else if (!live.get()) show(ctx, 200, "unsubscribed", null);
        else show(ctx, 200, "unsubscribe", SignedLinks.token(ctx));
    }

    /** POST /replies/unsubscribe (the button, or a one-click POST to the header's address) */
    public void stop(Context ctx) {
        if (notify.stop(SignedLinks.token(ctx))) show(ctx, 200, "unsubscribed", null);
        else show(ctx, 404, "invalid", null);
    }

    /** GET /replies/unsubscribe-all?t=... */
    public void stopAllPage(Context ctx) {
        Optional<ReplySubscriber> s = notify.fromStopAllLink(SignedLinks.token(ctx));
        if (s.isEmpty()) show(ctx, 404, "invalid", null);
        else if (s.get().status().equals("unsubscribed")) show(ctx, 200, "unsubscribed-all", null);
        else show(ctx, 200, "unsubscribe-all", SignedLinks.token(ctx));
    }

    /** POST /replies/unsubscribe-all */
    public void stopAll(Context ctx) {
        Optional<ReplySubscriber> s = notify.fromStopAllLink(SignedLinks.token(ctx));
        if (s.isEmpty()) {
            show(ctx, 404, "invalid", null);
            return;
        }
        notify.stopAll(s.get());
        show(ctx, 200, "unsubscribed-all", null);
    }

    private void show(Context ctx, int status, String state, String token) {
        var frame = layouts.layout(ctx, layouts.messages().t("notify.title"), "", ctx.path(), null).withNoindex();
        renderer.uncached(ctx, status, "notify/notify.jte", new NotifyPage(frame, state, token));
    }
}
