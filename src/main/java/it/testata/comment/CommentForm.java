package it.testata.comment;

import io.javalin.http.Context;
import it.testata.settings.CommentSettings;
import it.testata.text.CleanText;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a reader typed into the comment form, with WordPress's field names so autofill and habits carry over:
 * author, email, url, comment, comment_parent, comment_post_ID. Validation gives a message key per wrong field.
 * {@code notifyReplies} is the "notify me of replies by e-mail" box (reply notifications).
 */
public record CommentForm(long articleId, Long parentId, String author, String email, String url, String comment,
                          boolean remember, String honeypot, String token, boolean notifyReplies) {

    /** A form without the reply-notification box ticked. */
    public CommentForm(long articleId, Long parentId, String author, String email, String url, String comment,
                       boolean remember, String honeypot, String token) {
        this(articleId, parentId, author, email, url, comment, remember, honeypot, token, false);
    }

    /** The hidden field a person never fills (hidden by CSS and from assistive technology). */
    public static final String HONEYPOT = "website_confirm";
    public static final String TOKEN = "testata_form";

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    public static CommentForm empty() {
        return new CommentForm(0, null, "", "", "", "", false, "", "");
    }

    public static CommentForm from(Context ctx) {
        return new CommentForm(number(ctx.formParam("comment_post_ID")), parent(ctx.formParam("comment_parent")),
                text(CleanText.line(ctx.formParam("author"))), text(ctx.formParam("email")), text(ctx.formParam("url")),
                ctx.formParam("comment") == null ? "" : CleanText.text(ctx.formParam("comment")),
                ctx.formParam("remember") != null, text(ctx.formParam(HONEYPOT)), text(ctx.formParam(TOKEN)),
                ctx.formParam("notify") != null);
    }

    public CommentForm withParent(Long newParent) {
        return new CommentForm(articleId, newParent, author, email, url, comment, remember, honeypot, token, notifyReplies);
    }

    /** Field name to message key; empty when the form is valid. */
    public Map<String, String> errors(CommentSettings limits) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (author.isBlank()) errors.put("author", "comment.error.authorRequired");
        else if (author.length() > limits.maxName()) errors.put("author", "comment.error.authorLong");
        if (email.isBlank()) errors.put("email", "comment.error.emailRequired");
        else if (email.length() > limits.maxEmail()) errors.put("email", "comment.error.emailLong");
        else if (CleanText.hasControl(email) || !EMAIL.matcher(email).matches()) errors.put("email", "comment.error.emailInvalid");
        if (!url.isBlank()) {
            if (url.length() > limits.maxUrl()) errors.put("url", "comment.error.urlLong");
            else if (CleanText.hasControl(url) || !httpUrl(url)) errors.put("url", "comment.error.urlInvalid");
        }
        if (comment.isBlank()) errors.put("comment", "comment.error.commentRequired");
        else if (comment.length() > limits.maxText()) errors.put("comment", "comment.error.commentLong");
        return errors;
    }

    /** An http(s) address with a host: the only kind of commenter website a page links to. */
    public static boolean httpUrl(String value) {
        try {
            URI u = URI.create(value);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null && !u.getHost().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Long parent(String s) {
        long n = number(s);
        return n > 0 ? n : null;
    }
}
