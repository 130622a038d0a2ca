package it.testata.comment;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.article.Article;
import it.testata.article.ArticleHandlers;
import it.testata.article.ArticleService;
import it.testata.settings.CommentSettings;
import it.testata.settings.SettingsService;
import it.testata.web.ClientAddress;
import it.testata.web.ErrorPages;
import it.testata.web.Messages;
import it.testata.web.NotFound;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

/** The comment form's POST: validate, filter, store, then Post/Redirect/Get. */
public final class CommentHandlers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommentService comments;
    private final CommentViews views;
    private final CommentCookies cookies;
    private final FormToken tokens;
    private final ArticleService articles;
    private final ArticleHandlers articlePages;
    private final SettingsService settings;
    private final ErrorPages errors;
    private final java.util.function.Consumer<String> noteBase;

    public CommentHandlers(CommentService comments, CommentViews views, CommentCookies cookies, FormToken tokens,
                           ArticleService articles, ArticleHandlers articlePages, SettingsService settings,
                           ErrorPages errors, java.util.function.Consumer<String> noteBase) {
        this.comments = comments;
        this.views = views;
        this.cookies = cookies;
        this.tokens = tokens;
        this.articles = articles;
        this.articlePages = articlePages;
        this.settings = settings;
        this.errors = errors;
        this.noteBase = noteBase;
    }

    /** POST /comments/ */
    public void post(Context ctx) {
        Messages msg = Messages.of(settings.current().javaLocale());
        if (crossSite(ctx)) {
            errors.render(ctx, 403, msg.t("error.403.title"), msg.t("comment.crossSite"), true);
            return;
        }
        noteBase.accept(it.testata.web.LayoutService.requestBase(ctx)); // links in reply e-mails when base_url is unset
        CommentForm form = CommentForm.from(ctx);
        Article article = articles.publicArticleById(form.articleId()).orElseThrow(NotFound::new);
        CommentSettings rules = settings.current().comments();
        Instant now = Instant.now();
        if (!articlePages.unlocked(ctx, article)) { // a protected article takes comments only from who unlocked it
            errors.render(ctx, 403, msg.t("error.403.title"), msg.t("protected.intro"), true);
            return;
        }
        if (!CommentService.open(article, rules, now)) {
            errors.render(ctx, 403, msg.t("error.403.title"), msg.t("comment.closed"), true);
            return;
        }
        Map<String, String> invalid = form.errors(rules);
        if (!invalid.isEmpty()) {
            again(ctx, article, form, invalid, msg.t("comment.invalid"), 422);
            return;
        }
        if (!form.honeypot().isEmpty()) {
            comments.discarded("honeypot");
            decoy(ctx, article);
            return;
        }
        switch (tokens.check(form.token(), now)) {
            case TOO_FAST -> {
                comments.discarded("too-fast");
                decoy(ctx, article);
                return;
            }
            case INVALID -> {
                comments.discarded("forged-token");
                decoy(ctx, article);
                return;
            }
            case TOO_OLD -> {
                again(ctx, article, form, Map.of(), msg.t("comment.stale"), 422);
                return;
            }
            case OK -> { }
        }
        CommentService.Outcome outcome = comments.submit(article, form, rules, settings.current().spam(),
                ClientAddress.network(ctx), ctx.userAgent());
        String path = article.path(settings.current().zone());
        switch (outcome) {
            case CommentService.Outcome.Flood f -> again(ctx, article, form, Map.of(), msg.t("comment.flood"), 429);
            case CommentService.Outcome.Published p -> {
                rememberOrForget(ctx, form);
                ctx.redirect(path + "#comment-" + p.id(), HttpStatus.SEE_OTHER);
            }
            case CommentService.Outcome.Held h -> {
                rememberOrForget(ctx, form);
                cookies.addPending(ctx, h.id());
                ctx.redirect(path + "?moderazione=1#respond", HttpStatus.SEE_OTHER);
            }
            // spam and discarded comments get the answer a held one gets: the sender learns nothing
            case CommentService.Outcome.Spam sp -> {
                rememberOrForget(ctx, form);
                cookies.addPending(ctx, sp.id());
                ctx.redirect(path + "?moderazione=1#respond", HttpStatus.SEE_OTHER);
            }
            case CommentService.Outcome.Discarded d -> {
                rememberOrForget(ctx, form);
                decoy(ctx, article);
            }
        }
    }

    /** The answer to a bot (honeypot filled, too fast, forged token): just like a held comment, nothing stored. */
    private void decoy(Context ctx, Article article) {
        cookies.addPending(ctx, -1 - RANDOM.nextInt(1_000_000));
        ctx.redirect(article.path(settings.current().zone()) + "?moderazione=1#respond", HttpStatus.SEE_OTHER);
    }

    private void again(Context ctx, Article article, CommentForm form, Map<String, String> fieldErrors, String message,
                       int status) {
        articlePages.renderWithComments(ctx, article, views.withForm(ctx, article, form, fieldErrors, message), status);
    }

    private void rememberOrForget(Context ctx, CommentForm form) {
        if (form.remember()) cookies.remember(ctx, form.author(), form.email(), form.url());
        else cookies.forget(ctx);
    }

    /** A form sent from another site (the browser says so, or the Origin is another host) is refused. */
    public static boolean crossSite(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) return true;
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) return false;
        try {
            URI o = URI.create(origin);
            String host = ClientAddress.host(ctx);
            String originHost = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
            return host == null || !host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
