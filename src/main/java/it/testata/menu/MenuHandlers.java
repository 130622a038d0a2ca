package it.testata.menu;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.web.Renderer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The menu editor (/admin/menus, editors and administrators): both menus, each entry with buttons that move,
 * nest or remove it (plain forms: no JavaScript needed; static/js/menus.js adds drag and drop, which posts
 * {@code action=before}), and a form that adds a section, a page or any link.
 */
public final class MenuHandlers {
    private final MenuService menus;
    private final AdminFrames frames;
    private final Renderer renderer;

    public MenuHandlers(MenuService menus, AdminFrames frames, Renderer renderer) {
        this.menus = menus;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** GET /admin/menus */
    public void page(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "admin.menus.title", "menus");
        String done = ctx.queryParam("done");
        String notice = done != null && done.matches("[a-z]+") ? frame.msg().t("admin.menus.done." + done) : null;
        render(ctx, 200, frame, null, Map.of(), Map.of(), notice);
    }

    /** POST /admin/menus: action add, up, down, nest, unnest, remove or before, for the entry {@code id} of {@code menu}. */
    public void act(Context ctx) {
        String menu = param(ctx, "menu");
        String action = param(ctx, "action");
        if (!Menu.NAMES.contains(menu)) {
            ctx.status(400).result("unknown menu");
            return;
        }
        if ("add".equals(action)) {
            add(ctx, menu);
            return;
        }
        long id = number(param(ctx, "id"));
        boolean done;
        if ("before".equals(action)) {
            done = menus.moveBefore(menu, id, number(param(ctx, "before")));
        } else {
            MenuService.Move move;
            try {
                move = MenuService.Move.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                ctx.status(400).result("unknown action");
                return;
            }
            done = menus.move(menu, id, move);
        }
        if (!done) {
            ctx.status(404).result("no such menu entry");
            return;
        }
        ctx.redirect("/admin/menus?done=" + ("remove".equals(action) ? "removed" : "moved") + "#menu-" + menu,
                HttpStatus.SEE_OTHER);
    }

    private void add(Context ctx, String menu) {
        String kind = param(ctx, "kind");
        Map<String, String> values = new LinkedHashMap<>();
        for (String f : List.of("kind", "category", "page", "url", "label")) values.put(f, param(ctx, f));
        String target = switch (kind) {
            case MenuItem.CATEGORY -> values.get("category");
            case MenuItem.PAGE -> values.get("page");
            default -> values.get("url");
        };
        try {
            menus.add(menu, kind, target, values.get("label"));
            ctx.redirect("/admin/menus?done=added#menu-" + menu, HttpStatus.SEE_OTHER);
        } catch (MenuService.Invalid e) {
            AdminFrame frame = frames.frame(ctx, "admin.menus.title", "menus");
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((field, key) -> errors.put(field, frame.msg().t(key, String.valueOf(MenuService.MAX_LABEL))));
            render(ctx, 422, frame, menu, values, errors, null);
        }
    }

    private void render(Context ctx, int status, AdminFrame frame, String failedMenu, Map<String, String> values,
                        Map<String, String> errors, String notice) {
        List<Menu> both = Menu.NAMES.stream().map(menus::menu).toList();
        renderer.privatePage(ctx, status, "admin/menus.jte", new MenusPage(frame, both, menus.categories(),
                menus.pages(), failedMenu, values, errors, notice));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }

    private static long number(String s) {
        return s.matches("-?[0-9]{1,18}") ? Long.parseLong(s) : Long.MIN_VALUE;
    }
}
