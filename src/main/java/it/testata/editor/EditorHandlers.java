package it.testata.editor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import it.testata.account.Access;
import it.testata.account.Principal;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.article.Article;
import it.testata.article.ArticleDraft;
import it.testata.article.ArticleService;
import it.testata.article.Markdown;
import it.testata.article.StaffQuery;
import it.testata.article.Status;
import it.testata.media.Image;
import it.testata.media.ImageService;
import it.testata.media.LibraryService;
import it.testata.media.MediaHandlers;
import it.testata.web.ErrorPages;
import it.testata.web.Messages;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The newsroom's articles: the list, the editor (new and edit, with a preview that needs no script and a live
 * one for scripts), and the revisions (compare two, restore one). Admins and editors act on every article,
 * authors on their own; the route guard (AUTHOR) keeps moderators out. What the editor and revisions pages show is
 * gathered by {@link EditorPages}.
 */
public final class EditorHandlers {
    static final int PER_PAGE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleService articles;
    private final EditorStore store;
    private final ImageService images;
    private final MediaHandlers media;
    private final AdminFrames frames;
    private final Renderer renderer;
    private final ErrorPages errors;
    private final NewsroomService newsroom;
    private final it.testata.page.PageService pageService; // --- pages ---
    private final EditorPages view;

    public EditorHandlers(ArticleService articles, EditorStore store, ImageService images, MediaHandlers media,
                          AdminFrames frames, Renderer renderer, ErrorPages errors, NewsroomService newsroom,
                          LibraryService library, it.testata.page.PageService pageService) {
        this.pageService = pageService;
        this.newsroom = newsroom;
        this.articles = articles;
        this.store = store;
        this.images = images;
        this.media = media;
        this.frames = frames;
        this.renderer = renderer;
        this.errors = errors;
        this.view = new EditorPages(articles, store, images, frames, renderer, newsroom, library, pageService);
    }

    /** GET /admin/articles?status=&author=&category=&q=&before=|after= (see {@link it.testata.paging.Keyset}) */
    public void list(Context ctx) {
        list(ctx, "post");
    }

    /** GET /admin/pages (the same filters): the site's pages, apart from its articles. */
    public void pages(Context ctx) {
        list(ctx, "page");
    }

    private void list(Context ctx, String kind) {
        Principal p = Access.principal(ctx);
        boolean pages = kind.equals("page");
        AdminFrame frame = frames.frame(ctx, pages ? "pages.list.title" : "editor.list.title", pages ? "pages" : "articles");
        String status = param(ctx, "status");
        Status s = statusOf(status);
        boolean trash = "trash".equals(status);
        if (s == null && !trash) status = "";
        boolean all = p.role().editsAll();
        String author = all ? param(ctx, "author") : "";
        String category = param(ctx, "category");
        String q = param(ctx, "q");
        it.testata.paging.Keyset before = it.testata.paging.Keyset.parse(param(ctx, "before")).orElse(null);
        it.testata.paging.Keyset after = it.testata.paging.Keyset.parse(param(ctx, "after")).orElse(null);
        StaffQuery query = new StaffQuery(s, author.isEmpty() ? null : author, category.isEmpty() ? null : category,
                null, q.isEmpty() ? null : q, all ? null : ownAuthorId(p), kind, trash);
        ArticleService.StaffPage list = articles.staffPage(query, before, after, PER_PAGE);
        renderer.privatePage(ctx, 200, "admin/articles/list.jte", new ArticleListPage(frame, list.page(), list.count(),
                status, author, category, q, store.authorsWithArticles(),
                store.categories(), all, frame.site().zone(),
                listNotice(frame, param(ctx, "done")), kind, pages ? pageService.tree() : null));
    }

    /** GET /admin/articles/new */
    public void newArticle(Context ctx) {
        view.editor(ctx, 200, EditorForm.blank(), Map.of(), null, null, null);
    }

    /** GET /admin/pages/new: the editor for a new page (no category, tags or comments on a page's address). */
    public void newPage(Context ctx) {
        view.editor(ctx, 200, EditorForm.blank().asPage(), Map.of(), null, null, null);
    }

    /** GET /admin/articles/{id} */
    public void edit(Context ctx) {
        Article a = editable(ctx);
        if (a == null) return;
        String notice = switch (param(ctx, "done")) {
            case "saved" -> "editor.notice.saved";
            case "restored" -> "editor.notice.restored";
            case "untrashed" -> "editor.notice.untrashed";
            default -> null;
        };
        view.editor(ctx, 200, EditorForm.of(a, frames.frame(ctx, "editor.edit.title", "articles").site().zone()),
                Map.of(), a, null, notice);
    }

    /** POST /admin/articles/new: saves a new article, or shows its preview (button "preview"). */
    public void create(Context ctx) throws Exception {
        save(ctx, null);
    }

    /** POST /admin/articles/{id}: saves the article, or shows its preview. */
    public void update(Context ctx) throws Exception {
        Article a = editable(ctx);
        if (a != null) save(ctx, a);
    }

    /**
     * POST /admin/articles/preview (the live preview's script, with X-CSRF-Token): {"html": ...}, the body as
     * the article page would show it, sanitized.
     */
    public void preview(Context ctx) throws Exception {
        EditorForm form = EditorForm.read(ctx);
        ctx.contentType("application/json").result(JSON.writeValueAsString(Map.of("html", Markdown.toSafeHtml(form.body()))));
    }

    private void save(Context ctx, Article existing) throws Exception {
        Principal p = Access.principal(ctx);
        if (existing != null && newsroom.trashedAt(existing.id()).isPresent()) {
            view.editor(ctx, 409, EditorForm.read(ctx), Map.of("status", "editor.error.inTrash"), existing, null, null);
            return;
        }
        AdminFrame frame = frames.frame(ctx, "editor.edit.title", "articles");
        ZoneId zone = frame.site().zone();
        EditorForm form = EditorForm.read(ctx);
        Map<String, String> problems = new LinkedHashMap<>();
        form = withUpload(ctx, form, p, problems);
        if (form.hasImage() && images.image(form.image()).isEmpty()) {
            problems.put("image", "editor.error.imageUnknown");
            form = form.withImage("");
        }
        if ("preview".equals(ctx.formParam("action"))) {
            EditorPage.Preview preview = new EditorPage.Preview(form.title(), form.standfirst(),
                    Markdown.toSafeHtml(form.body()), form.hasImage() ? ImageService.url(form.image(), ImageService.WIDE) : null);
            view.editor(ctx, problems.isEmpty() ? 200 : 422, form, problems, existing, preview, null);
            return;
        }
        Status status = statusOf(form.status());
        if (status == null) problems.put("status", "editor.error.status");
        if (form.password().length() > 255) problems.put("password", "editor.error.password");
        Instant when = null;
        try {
            when = form.publishInstant(zone).orElse(null);
        } catch (DateTimeException e) {
            problems.put("publish_at", "editor.error.time");
        }
        if (when != null && existing != null && existing.publishedAt() != null
                && existing.publishedAt().truncatedTo(ChronoUnit.MINUTES).equals(when)) {
            when = existing.publishedAt(); // the form shows minutes: an unchanged time keeps its seconds
        }
        if (status == Status.SCHEDULED && when != null && !when.isAfter(Instant.now())) {
            problems.put("publish_at", "editor.error.scheduleInPast");
        }
        // --- pages: a page's parent, checked before anything is saved ---
        boolean isPage = existing == null ? form.page() : newsroom.isPage(existing.id());
        Long parentId = null;
        Map<Long, String> pathsBefore = isPage ? pageService.tree().paths() : Map.of();
        if (isPage) {
            try {
                parentId = pageService.parent(existing == null ? 0 : existing.id(), ctx.formParam("parent_id"));
            } catch (it.testata.page.PageService.Refused e) {
                problems.put("parent", e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            view.editor(ctx, 422, form, problems, existing, null, null);
            return;
        }
        String author = existing == null ? p.user().name() : existing.author().name();
        if (p.role().editsAll() && !form.byline().isEmpty() && !form.byline().equals(author)) {
            if (view.bylines().contains(form.byline())) {
                author = form.byline();
            } else {
                problems.put("byline", "editor.error.byline");
                view.editor(ctx, 422, form, problems, existing, null, null);
                return;
            }
        }
        ArticleDraft draft = new ArticleDraft(form.slug().strip(), form.title(), form.standfirst(), form.body(), status,
                when, author, form.categoryName(), form.tagList());
        Article saved;
        // a new page, or a new protected article, is saved as a draft, made a page or locked, then given its status:
        // it is never a public post, nor public without its password, meanwhile
        boolean newPage = existing == null && form.page();
        String password = form.password().isEmpty() ? null : form.password();
        boolean twoStep = newPage || (existing == null && password != null);
        // an article given a password is locked before the save that may publish it
        if (existing != null && password != null && !password.equals(existing.password())) {
            articles.setPassword(existing.id(), password);
        }
        Boolean newsletter = it.testata.newsletter.NewsletterService.choice(ctx.formParam("newsletter")); // --- mail ---
        try {
            // --- mail --- the "send to subscribers" choice travels with the save that publishes
            saved = it.testata.newsletter.NewsletterService.withChoice(newsletter, () -> existing == null
                    ? articles.create(twoStep ? asDraft(draft) : draft, p.user().id())
                    : articles.update(existing.id(), draft, p.user().id()).orElseThrow(NotFound::new));
        } catch (ArticleService.Invalid e) {
            e.errors().forEach((field, key) -> problems.put(field.equals("published_at") ? "publish_at" : field, key));
            view.editor(ctx, 422, form, problems, existing, null, null);
            return;
        }
        if (twoStep) {
            long id = saved.id();
            if (newPage) {
                newsroom.makePage(id);
                pageService.place(id, parentId, pathsBefore); // --- pages ---
            }
            if (password != null) articles.setPassword(id, password);
            if (draft.status() != Status.DRAFT) {
                saved = it.testata.newsletter.NewsletterService.withChoice(newsletter,
                        () -> articles.update(id, draft, p.user().id()).orElseThrow());
            }
        }
        if (isPage && !newPage) pageService.place(saved.id(), parentId, pathsBefore); // --- pages: old addresses redirect ---
        String image = form.hasImage() ? form.image() : null;
        if (!Objects.equals(image, saved.image())) articles.setImage(saved.id(), image);
        if (!Objects.equals(password, saved.password())) articles.setPassword(saved.id(), password);
        if (form.commentsOpen() != saved.commentsOpen()) articles.setCommentsOpen(saved.id(), form.commentsOpen());
        ctx.redirect("/admin/articles/" + saved.id() + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private static ArticleDraft asDraft(ArticleDraft d) {
        return new ArticleDraft(d.slug(), d.title(), d.standfirst(), d.bodyMd(), Status.DRAFT, d.publishedAt(),
                d.authorName(), d.category(), d.tags());
    }

    /** The form with a newly uploaded featured image, or with none when "remove" was ticked. */
    private EditorForm withUpload(Context ctx, EditorForm form, Principal p, Map<String, String> problems) throws Exception {
        UploadedFile file = ctx.uploadedFile("image_file");
        if (file != null && file.size() > 0 && file.filename() != null && !file.filename().isBlank()) {
            try {
                Image img = media.upload(file, p.user().id());
                return form.withImage(img.name());
            } catch (ImageService.Refused e) {
                problems.put("image", e.key());
                return form;
            }
        }
        if ("1".equals(ctx.formParam("image_remove"))) return form.withImage("");
        return form;
    }

    /** GET /admin/articles/{id}/revisions, with ?from=&to= (revision ids) to compare two. */
    public void revisions(Context ctx) {
        Article a = editable(ctx);
        if (a != null) view.revisions(ctx, 200, a, null);
    }

    /** POST /admin/articles/{id}/revisions/{revision}/restore */
    public void restore(Context ctx) {
        Article a = editable(ctx);
        if (a == null) return;
        long revision = id(ctx, "revision");
        try {
            articles.restore(a.id(), revision, Access.principal(ctx).user().id()).orElseThrow(NotFound::new);
        } catch (ArticleService.Invalid e) {
            view.revisions(ctx, 409, a, e.errors().values().iterator().next());
            return;
        }
        // the featured image is not part of a revision: it stays as it is
        ctx.redirect("/admin/articles/" + a.id() + "?done=restored", HttpStatus.SEE_OTHER);
    }

    private static String listNotice(AdminFrame frame, String done) {
        return switch (done) {
            case "trashed" -> frame.msg().t("editor.notice.trashed");
            case "deleted" -> frame.msg().t("editor.notice.deleted");
            default -> null;
        };
    }

    /**
     * The article in the path, when this user may edit it; 404 when there is none; for another's article a 403
     * page is written and the answer is null.
     */
    Article editable(Context ctx) {
        Article a = articles.article(id(ctx, "id")).orElseThrow(NotFound::new);
        Principal p = Access.principal(ctx);
        if (!p.role().editsAll() && a.author().id() != ownAuthorId(p)) {
            Messages msg = frames.messages();
            errors.render(ctx, 403, msg.t("error.403.title"), msg.t("editor.error.notYours"), false);
            ctx.header("Cache-Control", "private, no-store");
            return null;
        }
        return a;
    }

    private static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    private static long ownAuthorId(Principal p) {
        return p.user().authorId() == null ? -1 : p.user().authorId();
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    /** A status as forms and filters name it; null for anything else. */
    private static Status statusOf(String s) {
        return switch (s) {
            case "draft" -> Status.DRAFT;
            case "scheduled" -> Status.SCHEDULED;
            case "published" -> Status.PUBLISHED;
            default -> null;
        };
    }
}
