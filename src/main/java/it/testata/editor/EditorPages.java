package it.testata.editor;

import io.javalin.http.Context;
import it.testata.account.Access;
import it.testata.account.Principal;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.article.Article;
import it.testata.article.ArticleService;
import it.testata.article.Revision;
import it.testata.article.Status;
import it.testata.article.Term;
import it.testata.article.TermCount;
import it.testata.media.ImageService;
import it.testata.media.LibraryService;
import it.testata.web.Messages;
import it.testata.web.Renderer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the editor's two pages from what is stored and what was typed: the editor (for a GET, and again with the
 * typed values and the problems after a refused POST or a preview) and the revisions (a comparison of two, or a
 * refused restore). {@link EditorHandlers} decides what a request does; this gathers what the page shows.
 */
final class EditorPages {
    private final ArticleService articles;
    private final EditorStore store;
    private final ImageService images;
    private final AdminFrames frames;
    private final Renderer renderer;
    private final NewsroomService newsroom;
    private final LibraryService library;
    private final it.testata.page.PageService pageService; // --- pages ---

    EditorPages(ArticleService articles, EditorStore store, ImageService images, AdminFrames frames, Renderer renderer,
                NewsroomService newsroom, LibraryService library, it.testata.page.PageService pageService) {
        this.articles = articles;
        this.store = store;
        this.images = images;
        this.frames = frames;
        this.renderer = renderer;
        this.newsroom = newsroom;
        this.library = library;
        this.pageService = pageService;
    }

    /**
     * The editor: the form as given with the problems (message keys by field) beside it, for the article a (null for
     * a new one), with the preview (or null) and a notice (a message key, or null).
     */
    void editor(Context ctx, int status, EditorForm form, Map<String, String> problems, Article a,
                EditorPage.Preview preview, String noticeKey) {
        AdminFrame frame = frames.frame(ctx, a == null ? "editor.new.title" : "editor.edit.title", "articles");
        Messages msg = frame.msg();
        Map<String, String> texts = new LinkedHashMap<>();
        problems.forEach((field, key) -> texts.put(field, msg.t(key)));
        List<String> categories = articles.terms("category").stream().map(TermCount::term).map(Term::name).toList();
        String publicUrl = a != null && a.status() == Status.PUBLISHED && a.publishedAt() != null
                && !a.publishedAt().isAfter(Instant.now())
                ? (newsroom.isPage(a.id()) ? articles.pagePath(a.id()) : a.path(frame.site().zone())) : null;
        renderer.privatePage(ctx, status, "admin/articles/editor.jte", new EditorPage(frame, form, texts, a, categories,
                preview, noticeKey == null ? null : msg.t(noticeKey), publicUrl, extras(ctx, frame, form, a),
                parent(ctx, form, a)));
    }

    /** The parent field of a page's form (--- pages ---): as typed after a POST, else as stored; null for an article. */
    private EditorPage.Parent parent(Context ctx, EditorForm form, Article a) {
        if (a == null ? !form.page() : !newsroom.isPage(a.id())) return null;
        it.testata.page.PageTree tree = pageService.tree();
        long id = a == null ? 0 : a.id();
        String selected;
        if ("POST".equals(ctx.method().name())) {
            selected = ctx.formParam("parent_id") == null ? "" : ctx.formParam("parent_id").strip();
        } else {
            Long stored = tree.parentOf(id);
            selected = stored == null ? "" : String.valueOf(stored);
        }
        return new EditorPage.Parent(selected, tree.parentChoices(id));
    }

    // --- newsroom: bylines, trash, preview link, alt-text warnings, the library's images ---
    private EditorPage.Extras extras(Context ctx, AdminFrame frame, EditorForm form, Article a) {
        Principal p = Access.principal(ctx);
        String trashed = a == null ? null : newsroom.trashedAt(a.id())
                .map(t -> frame.msg().dateTime(t, frame.site().zone())).orElse(null);
        String previewUrl = a != null && trashed == null && (a.status() != Status.PUBLISHED
                || a.publishedAt() != null && a.publishedAt().isAfter(Instant.now()))
                ? origin(ctx, frame) + newsroom.previewPath(a.id(), Instant.now()) : null;
        List<String> bylines = p.role().editsAll() ? bylines() : List.of();
        if (a != null && !bylines.isEmpty() && !bylines.contains(a.author().name())) {
            bylines = new java.util.ArrayList<>(bylines);
            bylines.addFirst(a.author().name()); // an imported or former writer's byline stays choosable
        }
        return new EditorPage.Extras(bylines, trashed, previewUrl, p.role() == it.testata.account.Role.ADMIN,
                library.usedBy(form.image(), form.body()).stream().filter(i -> !i.hasAlt()).toList(),
                images.recent(12));
    }

    /** The site's address for links handed to others: base_url when set, else the request's own. */
    private static String origin(Context ctx, AdminFrame frame) {
        String base = frame.site().baseUrl();
        if (base != null && !base.isBlank()) return base.replaceAll("/+$", "");
        return ctx.scheme() + "://" + ctx.host();
    }

    /** The staff's bylines an editor or admin may sign an article with. */
    List<String> bylines() {
        return store.bylines().stream().map(EditorStore.Byline::name).distinct().toList();
    }

    /**
     * The revisions of a: with ?from=&to= (revision ids, either order) the two compared, older first; errorKey is a
     * refused restore's message key, or null.
     */
    void revisions(Context ctx, int status, Article a, String errorKey) {
        AdminFrame frame = frames.frame(ctx, "editor.revisions.title", "articles");
        List<Revision> list = articles.revisions(a.id());
        Revision from = pick(list, ctx.queryParam("from"));
        Revision to = pick(list, ctx.queryParam("to"));
        List<RevisionsPage.Field> changes = List.of();
        if (from != null && to != null) {
            if (from.savedAt().isAfter(to.savedAt()) || from.savedAt().equals(to.savedAt()) && from.id() > to.id()) {
                Revision t = from;
                from = to;
                to = t;
            }
            changes = List.of(field("editor.field.title", from.title(), to.title()),
                    field("editor.field.standfirst", from.standfirst(), to.standfirst()),
                    field("editor.field.body", from.bodyMd(), to.bodyMd()));
        }
        renderer.privatePage(ctx, status, "admin/articles/revisions.jte", new RevisionsPage(frame, a, list, from, to,
                changes, errorKey == null ? null : frame.msg().t(errorKey), frame.site().zone()));
    }

    private static RevisionsPage.Field field(String key, String older, String newer) {
        return new RevisionsPage.Field(key, TextDiff.lines(older, newer), !Objects.equals(older, newer));
    }

    private static Revision pick(List<Revision> list, String id) {
        String wanted = id == null ? "" : id.strip();
        return list.stream().filter(r -> String.valueOf(r.id()).equals(wanted)).findFirst().orElse(null);
    }
}
