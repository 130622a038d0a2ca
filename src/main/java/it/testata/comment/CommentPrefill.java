package it.testata.comment;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A reader who ticked "remember me" gets the cached page with the form's name, email and website filled in,
 * instead of a page rendered for them alone: the values go into the empty {@code value=""} of those three
 * inputs (HTML-escaped) and the remember box is ticked. A reader with comments awaiting moderation, or any
 * address with a query (a reply target, the held notice), still gets a page of their own.
 */
public final class CommentPrefill {
    private static final String[] FIELDS = {"author", "email", "url"};

    private final CommentCookies cookies;

    public CommentPrefill(CommentCookies cookies) {
        this.cookies = cookies;
    }

    /** How to turn the cached page into this reader's, or null when the reader needs a page rendered for them. */
    public UnaryOperator<byte[]> forRequest(Context ctx) {
        if (ctx.cookie(CommentCookies.PENDING) != null || ctx.queryString() != null) return null;
        var who = cookies.commenter(ctx);
        if (who.isEmpty()) return null;
        CommentCookies.Commenter c = who.get();
        return page -> fill(page, c);
    }

    /** The page with the form's identity fields filled; a page without the form comes back unchanged. */
    static byte[] fill(byte[] page, CommentCookies.Commenter c) {
        String html = new String(page, StandardCharsets.UTF_8);
        int form = html.indexOf("id=\"commentform\"");
        if (form < 0) return page;
        StringBuilder out = new StringBuilder(html.length() + 200);
        int at = 0;
        String[] values = {c.name(), c.email(), c.url()};
        for (int i = 0; i < FIELDS.length; i++) {
            int name = html.indexOf("name=\"" + FIELDS[i] + "\"", form);
            if (name < 0) continue;
            int start = html.lastIndexOf('<', name);
            int end = html.indexOf('>', name);
            int value = html.indexOf("value=\"\"", start);
            if (start < at || value < 0 || value > end) continue;
            out.append(html, at, value + 7).append(escape(values[i]));
            at = value + 7;
        }
        int remember = html.indexOf("name=\"remember\"", form);
        if (remember >= at) {
            int end = html.indexOf('>', remember);
            if (end > 0 && !html.substring(html.lastIndexOf('<', remember), end).contains(" checked")) {
                out.append(html, at, end).append(" checked");
                at = end;
            }
        }
        out.append(html, at, html.length());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
