package it.testata.mail;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.web.Messages;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mail page (/admin/mail, administrators): the outbox (queued, sent, failed with the reason, retry now), the
 * mail settings (the password write-only), and "send a test message" with the relay's answer.
 */
public final class MailHandlers {
    private final MailService mail;
    private final AdminFrames frames;
    private final Renderer renderer;

    public MailHandlers(MailService mail, AdminFrames frames, Renderer renderer) {
        this.mail = mail;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** Every form value goes through here (one place for an input cleaner). */
    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    /** GET /admin/mail */
    public void page(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "mail.admin.title", "mail");
        String done = ctx.queryParam("done");
        String notice = done != null && done.matches("saved|retried") ? frame.msg().t("mail.admin.done." + done) : null;
        show(ctx, 200, frame, mail.current().shown(), Map.of(), "", notice, false);
    }

    /** POST /admin/mail/settings */
    public void save(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "mail.admin.title", "mail");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String name : MailSettings.NAMES) {
            String v = field(ctx, name);
            if (name.equals("newsletter.send_on_publish")) v = "true".equals(v) ? "true" : "false";
            values.put(name, v);
            MailSettings.check(name, v).ifPresent(problem -> errors.put(name, frame.msg().t("mail.admin.error." + name)));
        }
        if (!errors.isEmpty()) {
            values.put(MailSettings.PASSWORD, "");
            show(ctx, 422, frame, values, errors, "", frame.msg().t("admin.form.invalid"), true);
            return;
        }
        mail.save(values);
        ctx.redirect("/admin/mail?done=saved", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/mail/test */
    public void test(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "mail.admin.title", "mail");
        Messages msg = frame.msg();
        String to = field(ctx, "to");
        if (!Addresses.valid(to)) {
            show(ctx, 422, frame, mail.current().shown(), Map.of("to", msg.t("mail.error.address")), to,
                    msg.t("admin.form.invalid"), true);
            return;
        }
        MailService.TestResult r = mail.sendTest(to, msg);
        show(ctx, r.ok() ? 200 : 502, frame, mail.current().shown(), Map.of(), to,
                msg.t(r.ok() ? "mail.test.sent" : "mail.test.failed", r.answer()), !r.ok());
    }

    /** POST /admin/mail/{id}/retry */
    public void retry(Context ctx) {
        long id = id(ctx);
        if (mail.outbox().find(id).isEmpty()) throw new NotFound();
        mail.outbox().retryNow(id, Instant.now());
        mail.poke();
        ctx.redirect("/admin/mail?done=retried", HttpStatus.SEE_OTHER);
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    private void show(Context ctx, int status, AdminFrame frame, Map<String, String> values, Map<String, String> errors,
                      String testTo, String notice, boolean noticeIsError) {
        String filter = ctx.queryParam("status");
        if (filter != null && !filter.matches("queued|sent|failed")) filter = null;
        renderer.privatePage(ctx, status, "admin/mail.jte", new MailPage(frame, mail.outbox().counts(), filter,
                mail.outbox().latest(filter, 100), values, errors, !mail.current().password().isEmpty(), testTo,
                notice, noticeIsError));
    }
}
