package it.testata.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.account.Access;
import it.testata.account.Principal;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.web.ClientAddress;
import it.testata.web.Renderer;

import java.util.Map;

/**
 * The privacy tools for administrators (/admin/privacy): look an e-mail address up, download everything kept about
 * it as JSON, or erase it (keeping or deleting the comments' text). Erasing asks for a confirmation box.
 */
public final class PrivacyHandlers {
    /** Writes exports: ISO 8601 times, indented for people to read. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final PrivacyService privacy;
    private final AdminFrames frames;
    private final Renderer renderer;

    public PrivacyHandlers(PrivacyService privacy, AdminFrames frames, Renderer renderer) {
        this.privacy = privacy;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** GET /admin/privacy[?email=E] */
    public void page(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "admin.privacy.title", "privacy");
        String email = ctx.queryParam("email");
        String erased = ctx.queryParam("erased");
        String notice = erased != null && erased.matches("[0-9]{1,9}") ? frame.msg().t("admin.privacy.erased", Integer.parseInt(erased)) : null;
        if (email == null || email.isBlank()) {
            renderer.privatePage(ctx, 200, "admin/privacy.jte", new PrivacyPage(frame, "", null, null, notice));
            return;
        }
        try {
            renderer.privatePage(ctx, 200, "admin/privacy.jte", new PrivacyPage(frame, email.strip(), privacy.counts(email), null, notice));
        } catch (IllegalArgumentException e) {
            renderer.privatePage(ctx, 422, "admin/privacy.jte", new PrivacyPage(frame, email, null, frame.msg().t("admin.privacy.badEmail"), null));
        }
    }

    /** POST /admin/privacy/export: the JSON file. */
    public void export(Context ctx) throws Exception {
        String email = ctx.formParam("email");
        Map<String, Object> data;
        try {
            data = privacy.export(email, actor(ctx));
        } catch (IllegalArgumentException e) {
            invalid(ctx, email);
            return;
        }
        String file = "privacy-" + PrivacyService.normalize(email).replaceAll("[^a-z0-9.@_-]", "_") + ".json";
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(data));
    }

    /** POST /admin/privacy/erase: needs the confirmation box; delete_text chooses whether the text goes too. */
    public void erase(Context ctx) {
        String email = ctx.formParam("email");
        AdminFrame frame = frames.frame(ctx, "admin.privacy.title", "privacy");
        if (!"yes".equals(ctx.formParam("confirm"))) {
            Map<String, Integer> found = null;
            try {
                found = privacy.counts(email);
            } catch (IllegalArgumentException e) {
                invalid(ctx, email);
                return;
            }
            renderer.privatePage(ctx, 422, "admin/privacy.jte",
                    new PrivacyPage(frame, email.strip(), found, frame.msg().t("admin.privacy.confirmNeeded"), null));
            return;
        }
        Map<String, Integer> done;
        try {
            done = privacy.erase(email, "yes".equals(ctx.formParam("delete_text")), actor(ctx));
        } catch (IllegalArgumentException e) {
            invalid(ctx, email);
            return;
        }
        int n = done.values().stream().mapToInt(Integer::intValue).sum();
        ctx.redirect("/admin/privacy?erased=" + n, HttpStatus.SEE_OTHER);
    }

    private void invalid(Context ctx, String email) {
        AdminFrame frame = frames.frame(ctx, "admin.privacy.title", "privacy");
        renderer.privatePage(ctx, 422, "admin/privacy.jte",
                new PrivacyPage(frame, email == null ? "" : email, null, frame.msg().t("admin.privacy.badEmail"), null));
    }

    private static PrivacyService.Actor actor(Context ctx) {
        Principal p = Access.principal(ctx);
        return new PrivacyService.Actor(p.user().id(), p.user().email(), ClientAddress.network(ctx));
    }
}
