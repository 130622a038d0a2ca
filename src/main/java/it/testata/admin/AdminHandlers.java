package it.testata.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.web.Renderer;

/** The back office's own pages: for now the dashboard. */
public final class AdminHandlers {
    private final AdminFrames frames;
    private final Renderer renderer;

    public AdminHandlers(AdminFrames frames, Renderer renderer) {
        this.frames = frames;
        this.renderer = renderer;
    }

    /** GET /admin: the dashboard lives at /admin/. */
    public void root(Context ctx) {
        ctx.redirect("/admin/", HttpStatus.MOVED_PERMANENTLY);
    }

    /** GET /admin/ */
    public void dashboard(Context ctx) {
        renderer.privatePage(ctx, 200, "admin/dashboard.jte",
                new DashboardPage(frames.frame(ctx, "admin.dashboard.title", "dashboard")));
    }
}
