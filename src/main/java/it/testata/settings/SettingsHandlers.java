package it.testata.settings;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.spam.Networks;
import it.testata.web.Messages;
import it.testata.web.Renderer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings page (/admin/settings, administrators only): every setting in one form, checked by
 * {@link SettingsRules}; a refused value gives 422 with everything typed kept and a message beside each wrong field.
 */
public final class SettingsHandlers {
    private final SettingsService settings;
    private final AdminFrames frames;
    private final Renderer renderer;

    public SettingsHandlers(SettingsService settings, AdminFrames frames, Renderer renderer) {
        this.settings = settings;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** GET /admin/settings */
    public void form(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "admin.settings.title", "settings");
        String notice = ctx.queryParam("saved") != null ? frame.msg().t("admin.settings.saved") : null;
        renderer.privatePage(ctx, 200, "admin/settings.jte", new SettingsPage(frame,
                SettingsField.current(settings.current(), settings.rows()), Map.of(), notice));
    }

    /** POST /admin/settings */
    public void save(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>(SettingsField.current(settings.current(), settings.rows()));
        String strictnessBefore = Strictness.current(values); // --- newsroom ---
        for (SettingsField f : SettingsField.ALL) {
            String typed = ctx.formParam(f.name());
            if (typed == null) continue; // a field the form did not send keeps its value
            values.put(f.name(), f.kind().equals("list") ? typed.replace("\r\n", "\n").strip() : typed.strip());
        }
        // --- newsroom: a strictness level newly chosen in words sets the three thresholds; left as it was, the
        // numbers of the advanced section count as typed ---
        String strictness = ctx.formParam(Strictness.FIELD);
        if (strictness != null && !strictness.equals(strictnessBefore)) Strictness.apply(strictness, values);
        AdminFrame frame = frames.frame(ctx, "admin.settings.title", "settings");
        Map<String, String> errors = errors(values, frame.msg());
        if (!errors.isEmpty()) {
            renderer.privatePage(ctx, 422, "admin/settings.jte", new SettingsPage(frame, values, errors, null));
            return;
        }
        settings.update(values);
        ctx.redirect("/admin/settings?saved=1", HttpStatus.SEE_OTHER);
    }

    /** Field name to the sentence beside it, for each value {@link SettingsRules} refuses. */
    static Map<String, String> errors(Map<String, String> values, Messages msg) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (SettingsField f : SettingsField.ALL) {
            String v = values.getOrDefault(f.name(), "");
            Optional<String> refused = SettingsRules.check(f.name(), v);
            if (refused.isEmpty()) continue;
            errors.put(f.name(), switch (f.name()) {
                case "locale" -> msg.t("admin.settings.error.locale");
                case "timezone" -> msg.t("admin.settings.error.timezone");
                case "comments.moderation" -> msg.t("admin.settings.error.moderation");
                case "spam.blocked_networks" -> msg.t("admin.settings.error.network", SpamSettings.list(v).stream()
                        .filter(e -> Networks.parse(e).isEmpty()).findFirst().orElse(v));
                default -> switch (f.kind()) {
                    case "url" -> msg.t("admin.settings.error.url");
                    case "number" -> {
                        CommentSettings.Range r = CommentSettings.RANGES.getOrDefault(f.name(), StaffSettings.RANGES.get(f.name()));
                        yield r == null || !v.matches("[0-9]{1,6}") ? msg.t("admin.settings.error.number")
                                : msg.t("admin.settings.error.range", String.valueOf(r.min()), String.valueOf(r.max()));
                    }
                    case "decimal" -> msg.t("admin.settings.error.probability");
                    case "list" -> msg.t("admin.settings.error.long", "20000");
                    default -> msg.t("admin.settings.error.long", "200");
                };
            });
        }
        if (!errors.containsKey("spam.hold_at") && !errors.containsKey("spam.spam_at") && !errors.containsKey("spam.discard_at")) {
            double hold = Double.parseDouble(values.get("spam.hold_at"));
            double spam = Double.parseDouble(values.get("spam.spam_at"));
            double discard = Double.parseDouble(values.get("spam.discard_at"));
            if (spam < hold) errors.put("spam.spam_at", msg.t("admin.settings.error.order"));
            if (discard < spam) errors.put("spam.discard_at", msg.t("admin.settings.error.order"));
        }
        return errors;
    }
}
