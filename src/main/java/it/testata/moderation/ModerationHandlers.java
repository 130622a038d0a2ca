package it.testata.moderation;

import it.testata.text.CleanText;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.account.Access;
import it.testata.account.User;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.article.Article;
import it.testata.comment.CommentRecord;
import it.testata.comment.CommentService;
import it.testata.comment.CommentStatus;
import it.testata.paging.Keyset;
import it.testata.paging.KeysetPage;
import it.testata.settings.Settings;
import it.testata.settings.SettingsService;
import it.testata.web.Messages;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The moderation queue (/admin/comments): the tabs, one comment's page with its edit and reply forms and bans,
 * and the actions. Every action is a plain form POST that redirects back to where it came from.
 */
public final class ModerationHandlers {
    public static final int PER_PAGE = 50;

    private final CommentService comments;
    private final ModerationService moderation;
    private final SettingsService settings;
    private final AdminFrames frames;
    private final Renderer renderer;

    public ModerationHandlers(CommentService comments, ModerationService moderation, SettingsService settings,
                              AdminFrames frames, Renderer renderer) {
        this.comments = comments;
        this.moderation = moderation;
        this.settings = settings;
        this.frames = frames;
        this.renderer = renderer;
    }

    /**
     * GET /admin/comments?status=pending[&kind=pings][&before=KEY-ID|&after=KEY-ID]: a tab of the queue paged by
     * place (see {@link Keyset}), with the tabs' counts.
     */
    public void queue(Context ctx) {
        CommentStatus tab = tab(ctx.queryParam("status"));
        boolean pings = PINGS.equals(ctx.queryParam("kind"));
        Map<CommentStatus, Integer> counts = comments.counts(pings);
        Keyset before = Keyset.parse(ctx.queryParam("before")).orElse(null);
        Keyset after = Keyset.parse(ctx.queryParam("after")).orElse(null);
        AdminFrame frame = frames.frame(ctx, "admin.comments.title", "comments");
        KeysetPage<CommentRecord> page = comments.queuePage(tab, pings, before, after, PER_PAGE);
        List<QueueItem> items = items(page.items(), frame);
        int otherCount = comments.counts(!pings).values().stream().mapToInt(Integer::intValue).sum();
        renderer.privatePage(ctx, 200, "admin/comments.jte", new QueuePage(frame, tab, counts, items,
                place(before, after), page.newer(), page.older(), notice(ctx, frame.msg()), pings, otherCount));
    }

    /** POST /admin/comments: one action on the comments named by the id fields (one button, or the bulk form). */
    public void act(Context ctx) {
        Keyset before = Keyset.parse(ctx.formParam("before")).orElse(null);
        Keyset after = Keyset.parse(ctx.formParam("after")).orElse(null);
        String back = queueAddress(tab(ctx.formParam("status")), PINGS.equals(ctx.formParam("kind")), place(before, after));
        Optional<CommentService.Action> action = action(ctx.formParam("action"));
        Set<Long> ids = new LinkedHashSet<>();
        for (String id : ctx.formParams("id")) {
            long n = id(id);
            if (n > 0) ids.add(n);
        }
        if (action.isEmpty() || ids.isEmpty()) {
            ctx.redirect(back + "&done=none", HttpStatus.SEE_OTHER);
            return;
        }
        int n = moderation.apply(action.get(), ids);
        ctx.redirect(back + "&done=" + action.get().name().toLowerCase(Locale.ROOT) + "&n=" + n, HttpStatus.SEE_OTHER);
    }

    /** The query parameter naming a page's place ("before=KEY-ID" or "after=KEY-ID"), "" for the first page. */
    static String place(Keyset before, Keyset after) {
        return before != null ? "before=" + before.param() : after != null ? "after=" + after.param() : "";
    }

    /** GET /admin/comments/{id}: the comment, its edit and reply forms, the bans. */
    public void comment(Context ctx) {
        CommentRecord c = found(ctx);
        AdminFrame frame = frames.frame(ctx, "admin.comment.title", "comments");
        show(ctx, 200, frame, c, c.authorName(), c.authorUrl(), c.bodyRaw(), Map.of(), "", Map.of(),
                notice(ctx, frame.msg()));
    }

    /** POST /admin/comments/{id}/edit */
    public void edit(Context ctx) {
        CommentRecord c = found(ctx);
        String author = CleanText.line(field(ctx, "author")), url = field(ctx, "url"), text = CleanText.text(field(ctx, "comment"));
        switch (comments.edit(c.id(), author, url, text, settings.current().comments())) {
            case CommentService.Written.Saved s -> ctx.redirect(commentAddress(c.id()) + "?done=edited", HttpStatus.SEE_OTHER);
            case CommentService.Written.Missing m -> throw new NotFound();
            case CommentService.Written.Invalid inv -> {
                AdminFrame frame = frames.frame(ctx, "admin.comment.title", "comments");
                show(ctx, 422, frame, c, author, url, text, messages(inv.errors(), frame.msg()), "", Map.of(), null);
            }
        }
    }

    /** POST /admin/comments/{id}/reply: an approved reply under it, signed by the member of staff. */
    public void reply(Context ctx) {
        CommentRecord c = found(ctx);
        String text = CleanText.text(field(ctx, "reply"));
        User me = Access.principal(ctx).user();
        Settings s = settings.current();
        switch (comments.reply(c.id(), me.name(), me.email(), s.baseUrl(), text, s.comments())) {
            case CommentService.Written.Saved saved ->
                    ctx.redirect(commentAddress(c.id()) + "?done=replied&reply=" + saved.id(), HttpStatus.SEE_OTHER);
            case CommentService.Written.Missing m -> throw new NotFound();
            case CommentService.Written.Invalid inv -> {
                AdminFrame frame = frames.frame(ctx, "admin.comment.title", "comments");
                show(ctx, 422, frame, c, c.authorName(), c.authorUrl(), c.bodyRaw(), Map.of(), text,
                        messages(inv.errors(), frame.msg()), null);
            }
        }
    }

    /** POST /admin/comments/{id}/ban with what=email|domain|network */
    public void ban(Context ctx) {
        CommentRecord c = found(ctx);
        Optional<Ban> ban = Ban.parse(ctx.formParam("what"));
        Optional<String> entry = ban.flatMap(b -> moderation.ban(c, b));
        String done = entry.isEmpty() ? "?done=nothing"
                : "?done=banned-" + ban.get().form() + "&entry=" + URLEncoder.encode(entry.get(), StandardCharsets.UTF_8);
        ctx.redirect(commentAddress(c.id()) + done, HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, AdminFrame frame, CommentRecord c, String author, String url, String text,
                      Map<String, String> editErrors, String reply, Map<String, String> replyErrors, String notice) {
        QueueItem item = items(List.of(c), frame).getFirst();
        renderer.privatePage(ctx, status, "admin/comment.jte",
                new CommentPage(frame, item, author, url, text, editErrors, reply, replyErrors, notice));
    }

    private List<QueueItem> items(List<CommentRecord> records, AdminFrame frame) {
        Messages msg = frame.msg();
        Settings s = frame.site();
        Map<Long, String> titles = comments.articleTitles(records.stream().map(CommentRecord::articleId).distinct().toList());
        List<QueueItem> out = new ArrayList<>();
        for (CommentRecord c : records) {
            String path = c.articlePublishedAt() == null ? null : Article.path(c.articleSlug(), c.articlePublishedAt(), s.zone());
            String verdict = c.verdict() == null || c.verdict().isEmpty() ? msg.t("admin.verdict.none")
                    : msg.t("admin.verdict." + c.verdict());
            String score = c.score() == null ? "" : String.format(s.javaLocale(), "%.3f", c.score());
            out.add(new QueueItem(c, titles.getOrDefault(c.articleId(), c.articleSlug()), path,
                    msg.dateTime(c.createdAt(), s.zone()), verdict, score, ReasonText.of(c.reasons(), msg)));
        }
        return out;
    }

    /** The sentence for ?done=... after an action, or null. */
    private static String notice(Context ctx, Messages msg) {
        String done = ctx.queryParam("done");
        if (done == null) return null;
        return switch (done) {
            case "approve", "spam", "trash", "delete" -> msg.t("admin.comments.done." + done, Math.max(0, id(ctx.queryParam("n"))));
            case "none" -> msg.t("admin.comments.done.none");
            case "edited", "replied", "nothing" -> msg.t("admin.comment.done." + done);
            case "banned-email", "banned-domain", "banned-network" -> {
                String entry = ctx.queryParam("entry");
                yield msg.t("admin.comment.done." + done, entry == null ? "" : entry);
            }
            default -> null;
        };
    }

    /** Error messages by field; the "too long" ones name the limit. */
    private Map<String, String> messages(Map<String, String> keys, Messages msg) {
        var limits = settings.current().comments();
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((field, key) -> out.put(field, msg.t(key, switch (field) {
            case "author" -> limits.maxName();
            case "url" -> limits.maxUrl();
            default -> limits.maxText();
        })));
        return out;
    }

    private CommentRecord found(Context ctx) {
        long id = id(ctx.pathParam("id"));
        if (id <= 0) throw new NotFound();
        return comments.find(id).orElseThrow(NotFound::new);
    }

    /**
     * The queue's address at a place ("" for the first page, else {@link #place}); with pings, the tab's pingbacks
     * and trackbacks (listed apart from reader comments).
     */
    static String queueAddress(CommentStatus tab, boolean pings, String place) {
        return "/admin/comments?status=" + tab.db() + (pings ? "&kind=" + PINGS : "") + (place.isEmpty() ? "" : "&" + place);
    }

    /** The queue's filter value for pingbacks and trackbacks. */
    static final String PINGS = "pings";

    static String commentAddress(long id) {
        return "/admin/comments/" + id;
    }

    private static CommentStatus tab(String s) {
        if (s != null) {
            for (CommentStatus st : CommentStatus.values()) {
                if (st.db().equals(s)) return st;
            }
        }
        return CommentStatus.PENDING;
    }

    private static Optional<CommentService.Action> action(String s) {
        if (s == null) return Optional.empty();
        for (CommentService.Action a : CommentService.Action.values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(s)) return Optional.of(a);
        }
        return Optional.empty();
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }

    private static long id(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
