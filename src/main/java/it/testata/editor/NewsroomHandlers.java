package it.testata.editor;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.article.Article;
import it.testata.article.ArticleHandlers;
import it.testata.article.ArticleService;
import it.testata.article.Status;
import it.testata.settings.SettingsService;
import it.testata.web.ErrorPages;
import it.testata.web.NotFound;

import java.time.Instant;

/**
 * The editor's trash (put in, take out, delete for good: admins only, and only from the trash) and the public
 * side of the signed preview links (/preview/TOKEN: the article as it will look, noindex and never cached).
 */
public final class NewsroomHandlers {
    private final NewsroomService newsroom;
    private final EditorHandlers editor;
    private final ArticleService articles;
    private final ArticleHandlers pages;
    private final SettingsService settings;
    private final ErrorPages errors;

    public NewsroomHandlers(NewsroomService newsroom, EditorHandlers editor, ArticleService articles,
                            ArticleHandlers pages, SettingsService settings, ErrorPages errors) {
        this.errors = errors;
        this.newsroom = newsroom;
        this.editor = editor;
        this.articles = articles;
        this.pages = pages;
        this.settings = settings;
    }

    /** POST /admin/articles/{id}/trash */
    public void trash(Context ctx) {
        Article a = editor.editable(ctx);
        if (a == null) return;
        newsroom.trash(a.id());
        ctx.redirect("/admin/articles?status=trash&done=trashed", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/articles/{id}/untrash: back with the status it had. */
    public void restore(Context ctx) {
        Article a = editor.editable(ctx);
        if (a == null) return;
        newsroom.restore(a.id());
        ctx.redirect("/admin/articles/" + a.id() + "?done=untrashed", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/articles/{id}/delete (admins): only an article in the trash; 409 otherwise. */
    public void deleteForever(Context ctx) {
        Article a = editor.editable(ctx);
        if (a == null) return;
        if (!newsroom.deleteForever(a.id())) {
            it.testata.web.Messages msg = it.testata.web.Messages.of(settings.current().javaLocale());
            errors.render(ctx, 409, msg.t("editor.trash.deleteForever"), msg.t("editor.error.notInTrash"), false);
            ctx.header("Cache-Control", "private, no-store");
            return;
        }
        ctx.redirect("/admin/articles?status=trash&done=deleted", HttpStatus.SEE_OTHER);
    }

    /** GET /preview/{token}: a public article goes to its address; an expired or altered link is not found. */
    public void preview(Context ctx) {
        Instant now = Instant.now();
        long id = newsroom.previewed(ctx.pathParam("token"), now).orElseThrow(NotFound::new);
        Article a = articles.article(id).orElseThrow(NotFound::new);
        if (newsroom.trashedAt(id).isPresent()) throw new NotFound();
        if (a.status() == Status.PUBLISHED && a.publishedAt() != null && !a.publishedAt().isAfter(now)) {
            ctx.header("Cache-Control", "private, no-store");
            // --- pages: a page goes to its own address, nested under its parents' ---
            ctx.redirect(newsroom.isPage(id) ? articles.pagePath(id) : a.path(settings.current().zone()), HttpStatus.FOUND);
            return;
        }
        pages.preview(ctx, a);
    }
}
