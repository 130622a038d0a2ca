package it.testata.wordpress;

import it.testata.article.Slugs;
import it.testata.redirect.RedirectHandlers;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * WordPress's values as Testata keeps them: dates, a comment's approval as a status, slugs (WordPress's when plain
 * ASCII, else made from them or the title), a permalink's path, and text with HTML entities decoded. No state, no
 * database.
 */
final class WxrValues {
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private WxrValues() {
    }

    /**
     * The instant of a WordPress date: its GMT form, else its local form in the site's zone; null when both are
     * empty or zero (a draft's 0000-00-00 00:00:00).
     *
     * @throws WxrReader.Malformed when a date is not one, naming the export's line
     */
    static Instant date(String gmt, String local, ZoneId zone, int line) {
        Instant utc = parse(gmt, ZoneOffset.UTC, line);
        return utc != null ? utc : parse(local, zone, line);
    }

    private static Instant parse(String text, ZoneId in, int line) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.startsWith("0000-00-00")) return null;
        try {
            return LocalDateTime.parse(t, WP_DATE).atZone(in).toInstant();
        } catch (DateTimeParseException e) {
            throw new WxrReader.Malformed("'" + t + "' is not a date like 2024-05-01 10:00:00", line, 0);
        }
    }

    static String commentStatus(Wxr.Comment c) {
        return switch (c.approved()) {
            case "1", "approve", "approved" -> "approved";
            case "0", "hold", "" -> "pending";
            case "spam" -> "spam";
            case "trash", "post-trashed" -> "trash";
            default -> throw new WxrReader.Malformed("comment " + c.id() + " has the unknown status '" + c.approved() + "'", c.line(), 0);
        };
    }

    /** The item's slug as Testata keeps it: WordPress's when it is plain ASCII, else one made from it or the title. */
    static String articleSlug(Wxr.Item it, String title, boolean page) {
        String decoded = RedirectHandlers.normalize(it.slug());
        if (decoded != null && Slugs.valid(decoded)) return decoded;
        String slug = Slugs.of(decoded == null || decoded.isBlank() ? title : decoded);
        if (slug.isEmpty()) slug = Slugs.of(title);
        return slug.isEmpty() ? (page ? "page-" : "post-") + it.id() : slug;
    }

    static String termSlug(String wpSlug, String name, String base) {
        String decoded = RedirectHandlers.normalize(wpSlug);
        if (decoded != null && Slugs.valid(decoded)) return decoded;
        String slug = Slugs.of(decoded == null ? name : decoded);
        if (slug.isEmpty()) slug = Slugs.of(name);
        return slug.isEmpty() ? base + "-" + Integer.toHexString(wpSlug.hashCode()) : slug;
    }

    static String authorSlug(String login) {
        String slug = Slugs.of(login);
        return slug.isEmpty() ? "author-" + Integer.toHexString(login.hashCode()) : slug;
    }

    /** The path of an export's permalink, percent-decoded; null when it is a query link (?p=12) or not a URL. */
    static String linkPath(String link) {
        if (link == null || link.isBlank()) return null;
        try {
            URI uri = URI.create(link.strip());
            if (uri.getRawQuery() != null || uri.getRawPath() == null || uri.getRawPath().isEmpty()) return null;
            String path = RedirectHandlers.normalize(uri.getRawPath());
            return path == null || path.equals("/") ? null : path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** WordPress keeps term names and commenters' names with HTML entities (&amp;): the text they stand for. */
    static String decode(String text) {
        return text == null ? "" : org.owasp.html.Encoding.decodeHtml(text, false);
    }
}
