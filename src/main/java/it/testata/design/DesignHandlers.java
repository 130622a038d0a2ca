package it.testata.design;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import it.testata.account.Access;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.media.Image;
import it.testata.media.ImageService;
import it.testata.settings.Settings;
import it.testata.settings.SettingsRules;
import it.testata.settings.SettingsService;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity page (/admin/design, administrators): name, tagline, logo (its icons are made from it), accent
 * colour (refused with 422 when it does not reach WCAG AA contrast where the site uses it), front-page layout and
 * social links. Everything is stored as settings, so every server shows the change within a poll of the change
 * log. Also serves the accent's stylesheet, /design/accent-RRGGBB.css.
 */
public final class DesignHandlers {
    private final SettingsService settings;
    private final ImageService images;
    private final AdminFrames frames;
    private final Renderer renderer;

    public DesignHandlers(SettingsService settings, ImageService images, AdminFrames frames, Renderer renderer) {
        this.settings = settings;
        this.images = images;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** GET /admin/design */
    public void form(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "admin.design.title", "design");
        String notice = ctx.queryParam("saved") != null ? frame.msg().t("admin.design.saved") : null;
        renderer.privatePage(ctx, 200, "admin/design.jte", new DesignPage(frame, current(settings.current()), Map.of(),
                notice, settings.current().design()));
    }

    /** POST /admin/design (multipart: the logo is a file field) */
    public void save(Context ctx) throws IOException {
        Settings now = settings.current();
        Map<String, String> values = new LinkedHashMap<>(current(now));
        for (String name : values.keySet().toArray(String[]::new)) {
            String typed = ctx.formParam(name);
            if (typed != null) values.put(name, typed.strip());
        }
        values.put("design.accent", values.get("design.accent").toLowerCase(java.util.Locale.ROOT));
        AdminFrame frame = frames.frame(ctx, "admin.design.title", "design");
        var msg = frame.msg();
        Map<String, String> errors = new LinkedHashMap<>();
        if (values.get("site_name").isBlank()) errors.put("site_name", msg.t("admin.design.error.name"));
        for (String name : values.keySet()) {
            if (errors.containsKey(name)) continue;
            if (SettingsRules.check(name, values.get(name)).isEmpty()) continue;
            errors.put(name, switch (name) {
                case "design.accent" -> Contrast.isHex(values.get(name))
                        ? msg.t("admin.design.error.contrast", Contrast.check(values.get(name)).lowest())
                        : msg.t("admin.design.error.colour");
                case "design.layout" -> msg.t("admin.design.error.layout");
                case "site_name", "tagline" -> msg.t("admin.settings.error.long", "200");
                default -> msg.t("admin.settings.error.url");
            });
        }
        Map<String, String> logo = new LinkedHashMap<>();
        UploadedFile file = ctx.uploadedFile("logo");
        if (errors.isEmpty() && file != null && file.size() > 0) {
            try {
                logo.putAll(storeLogo(file, Access.principal(ctx).user().id()));
            } catch (ImageService.Refused e) {
                errors.put("logo", msg.t(e.key()));
            }
        } else if ("1".equals(ctx.formParam("remove_logo"))) {
            for (String k : new String[]{"design.logo", "design.logo_width", "design.logo_height", "design.icon",
                    "design.touch_icon"}) logo.put(k, "");
        }
        if (!errors.isEmpty()) {
            renderer.privatePage(ctx, 422, "admin/design.jte", new DesignPage(frame, values, errors, null, now.design()));
            return;
        }
        values.putAll(logo);
        settings.update(values);
        ctx.redirect("/admin/design?saved=1", HttpStatus.SEE_OTHER);
    }

    /** GET /design/accent-{rrggbb}.css: the accent as CSS variables; the address says the colour, so a year of caching. */
    public void accentCss(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("accent-[0-9a-f]{6}\\.css")) throw new NotFound();
        String accent = "#" + file.substring(7, 13);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType("text/css; charset=utf-8");
        String dark = Contrast.onDark(accent);
        ctx.result(":root{--accent:" + accent + ";--accent-on-dark:" + dark + "}\n"
                + "@media (prefers-color-scheme: dark){:root{--accent:" + dark + "}}\n");
    }

    /** Stores the logo and the two icons drawn from it; the settings that name them. */
    private Map<String, String> storeLogo(UploadedFile file, Long userId) throws IOException {
        if (file.size() > ImageService.MAX_BYTES) throw new ImageService.Refused("media.error.tooBig");
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) ImageService.MAX_BYTES + 1);
        }
        Image stored = images.upload(bytes, file.filename(), userId);
        BufferedImage pixels = Icons.read(bytes);
        if (pixels == null) throw new ImageService.Refused("media.error.unreadable");
        Image icon = images.upload(Icons.favicon(pixels), "favicon.png", userId);
        Image touch = images.upload(Icons.touchIcon(pixels), "apple-touch-icon.png", userId);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("design.logo", stored.name());
        out.put("design.logo_width", String.valueOf(stored.width()));
        out.put("design.logo_height", String.valueOf(stored.height()));
        out.put("design.icon", icon.name());
        out.put("design.touch_icon", touch.name());
        return out;
    }

    /** The fields the page edits, as stored now. */
    static Map<String, String> current(Settings s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("site_name", s.siteName());
        v.put("tagline", s.tagline());
        v.put("design.accent", s.design().accent());
        v.put("design.layout", s.design().layout());
        for (String k : Settings.SOCIAL_KEYS) v.put("social." + k, s.social().getOrDefault(k, ""));
        return v;
    }
}
