package it.testata.comment;

import io.javalin.http.Context;
import it.testata.article.Article;
import it.testata.settings.CommentSettings;
import it.testata.settings.SettingsService;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Builds the comment section of an article page for one request. */
public final class CommentViews {
    /** Where a cached page's form token goes; the server puts a fresh token there as it sends the page. */
    public static final String TOKEN_MARKER = it.testata.web.PageCache.HOLE;

    private final CommentService comments;
    private final CommentCookies cookies;
    private final FormToken tokens;
    private final SettingsService settings;

    public CommentViews(CommentService comments, CommentCookies cookies, FormToken tokens, SettingsService settings) {
        this.comments = comments;
        this.cookies = cookies;
        this.tokens = tokens;
        this.settings = settings;
    }

    /** The section as a GET shows it. Personal (the reader's cookies are present) or fit for the page cache. */
    public CommentsView forReader(Context ctx, Article article, boolean personal) {
        CommentForm form = CommentForm.empty();
        if (personal) {
            var who = cookies.commenter(ctx);
            if (who.isPresent()) {
                form = new CommentForm(article.id(), null, who.get().name(), who.get().email(), who.get().url(), "",
                        true, "", "");
            }
        }
        Comment replyTo = replyTarget(ctx, article);
        if (replyTo != null) form = form.withParent(replyTo.id());
        boolean held = personal && ctx.queryParam("moderazione") != null;
        return view(article, personal ? cookies.pending(ctx) : Set.of(), form, Map.of(), replyTo, null, held,
                personal ? tokenHtml() : TOKEN_MARKER);
    }

    /** The section again after a refused submission: what was typed, the messages, a fresh token. */
    public CommentsView withForm(Context ctx, Article article, CommentForm form, Map<String, String> errors, String message) {
        Comment replyTo = form.parentId() == null ? null : comments.replyTarget(article.id(), form.parentId()).orElse(null);
        return view(article, cookies.pending(ctx), form, errors, replyTo, message, false, tokenHtml());
    }

    private CommentsView view(Article article, Set<Long> pending, CommentForm form, Map<String, String> errors,
                              Comment replyTo, String message, boolean held, String tokenHtml) {
        CommentSettings rules = settings.current().comments();
        boolean open = CommentService.open(article, rules, Instant.now());
        return new CommentsView(comments.thread(article.id(), pending, rules.threadDepth(), open), article.commentCount(),
                open, form, errors, replyTo, message, held, tokenHtml);
    }

    private Comment replyTarget(Context ctx, Article article) {
        String r = ctx.queryParam("replytocom");
        if (r == null || !r.matches("[0-9]{1,18}")) return null;
        return comments.replyTarget(article.id(), Long.parseLong(r)).orElse(null);
    }

    private static final byte[] INPUT_BEFORE = ("<input type=\"hidden\" name=\"" + CommentForm.TOKEN + "\" value=\"")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] INPUT_AFTER = "\">".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The hidden input carrying a fresh signed form token. */
    public String tokenHtml() {
        return new String(tokenBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** {@link #tokenHtml} as ASCII bytes, made in one array: the page cache puts one into every answer. */
    public byte[] tokenBytes() {
        return tokens.issue(System.currentTimeMillis(), INPUT_BEFORE, INPUT_AFTER);
    }
}
