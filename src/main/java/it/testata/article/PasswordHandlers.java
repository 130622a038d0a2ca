package it.testata.article;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.comment.CommentHandlers;
import it.testata.web.ErrorPages;
import it.testata.web.LayoutService;
import it.testata.web.Messages;
import it.testata.web.NotFound;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * POST /article-password/: the password form of a protected article or page (fields {@code article}, its id, and
 * {@code post_password}, WordPress's name). The right password sets the reader's cookie for it and goes back to it
 * (303); a wrong one shows the form again (403), too many wrong ones from one network refuse it for a while (429).
 */
public final class PasswordHandlers {
    private final ArticleService articles;
    private final ArticlePasswords passwords;
    private final ArticleHandlers pages;
    private final LayoutService layouts;
    private final ErrorPages errors;

    public PasswordHandlers(ArticleService articles, ArticlePasswords passwords, ArticleHandlers pages,
                            LayoutService layouts, ErrorPages errors) {
        this.articles = articles;
        this.passwords = passwords;
        this.pages = pages;
        this.layouts = layouts;
        this.errors = errors;
    }

    public void unlock(Context ctx) {
        Messages msg = layouts.messages();
        if (CommentHandlers.crossSite(ctx)) {
            errors.render(ctx, 403, msg.t("error.403.title"), msg.t("comment.crossSite"), true);
            return;
        }
        long id = id(ctx.formParam("article"));
        Optional<Article> post = articles.publicArticleById(id);
        Article a = post.or(() -> articles.publicPageById(id)).orElseThrow(NotFound::new);
        String path = post.isPresent() ? a.path(layouts.site().zone()) : articles.pagePath(a.id());
        if (!a.isProtected()) {
            ctx.redirect(path, HttpStatus.SEE_OTHER);
            return;
        }
        switch (passwords.attempt(ctx, a, ctx.formParam("post_password"), Instant.now())) {
            case ArticlePasswords.Attempt.Unlocked u -> ctx.redirect(path, HttpStatus.SEE_OTHER);
            case ArticlePasswords.Attempt.Wrong w -> pages.renderLocked(ctx, a, 403, msg.t("protected.wrong"));
            case ArticlePasswords.Attempt.Throttled t -> {
                long minutes = Math.max(1, (Duration.between(Instant.now(), t.until()).toSeconds() + 59) / 60);
                ctx.header("Retry-After", String.valueOf(minutes * 60));
                pages.renderLocked(ctx, a, 429, msg.t("protected.throttled", minutes));
            }
        }
    }

    private static long id(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
