package it.testata.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.comment.CommentRecord;
import it.testata.comment.CommentService;
import it.testata.comment.CommentStatus;
import it.testata.spam.SpamService;
import it.testata.spam.SpamStore;
import it.testata.web.Renderer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The back office's own pages: the dashboard. */
public final class AdminHandlers {
    /** The dashboard counts discarded spam over this many days. */
    static final int DISCARD_DAYS = 7;
    private static final int WAITING = 5;
    /** The reasons comments are thrown away unstored that have a sentence of their own (others show their code). */
    private static final java.util.Set<String> KNOWN_DISCARDS = java.util.Set.of("honeypot", "too-fast", "forged-token", "classifier");

    private final AdminFrames frames;
    private final Renderer renderer;
    private final DashboardStore figures;
    private final CommentService comments;
    private final SpamService spam;

    public AdminHandlers(AdminFrames frames, Renderer renderer, DashboardStore figures, CommentService comments,
                         SpamService spam) {
        this.frames = frames;
        this.renderer = renderer;
        this.figures = figures;
        this.comments = comments;
        this.spam = spam;
    }

    /** GET /admin: the dashboard lives at /admin/. */
    public void root(Context ctx) {
        ctx.redirect("/admin/", HttpStatus.MOVED_PERMANENTLY);
    }

    /** GET /admin/ */
    public void dashboard(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "admin.dashboard.title", "dashboard");
        Map<CommentStatus, Integer> counts = comments.counts();
        boolean moderates = frame.user().role().moderates();
        List<DashboardPage.Waiting> waiting = !moderates ? List.of()
                : comments.page(CommentStatus.PENDING, 0, WAITING).stream()
                        .map(c -> new DashboardPage.Waiting(c, frame.msg().dateTime(c.createdAt(), frame.site().zone()), excerpt(c)))
                        .toList();
        Map<String, Long> discards = new TreeMap<>();
        for (SpamStore.DiscardCount d : spam.discards(DISCARD_DAYS - 1)) {
            String label = KNOWN_DISCARDS.contains(d.reason()) ? frame.msg().t("admin.discard." + d.reason()) : d.reason();
            discards.merge(label, d.count(), Long::sum);
        }
        renderer.privatePage(ctx, 200, "admin/dashboard.jte", new DashboardPage(frame, moderates, figures.articlesByStatus(),
                counts.get(CommentStatus.PENDING), counts.get(CommentStatus.SPAM), waiting, discards, DISCARD_DAYS));
    }

    private static String excerpt(CommentRecord c) {
        String text = c.bodyRaw().replaceAll("\\s+", " ").strip();
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
