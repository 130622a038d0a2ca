package it.testata.editor;

import io.javalin.http.Context;
import it.testata.article.Article;
import it.testata.article.Term;
import it.testata.text.CleanText;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The editor's fields as typed (strings, so that a refused form comes back exactly as it was sent). The
 * publication time is a datetime-local value in the site's time zone; tags are comma-separated; image is the
 * stored name of the featured image (empty for none); password protects the article (empty for none); byline is the name the article is signed with (empty: the
 * writer's own, or the article's as it is); comments is "1" when readers may comment; kind is "page" for a new
 * page (empty otherwise).
 */
public record EditorForm(String title, String standfirst, String slug, String body, String category,
                         String newCategory, String tags, String status, String publishAt, String image,
                         String password, String byline, String comments, String kind) {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public static EditorForm blank() {
        return new EditorForm("", "", "", "", "", "", "", "draft", "", "", "", "", "1", "");
    }

    /** The form for an article as it is stored. */
    public static EditorForm of(Article a, ZoneId zone) {
        return new EditorForm(a.title(), a.standfirst(), a.slug(), a.bodyMd(),
                a.category() == null ? "" : a.category().name(), "",
                String.join(", ", a.tags().stream().map(Term::name).toList()), a.status().db(),
                a.publishedAt() == null ? "" : LOCAL.format(a.publishedAt().atZone(zone)),
                a.image() == null ? "" : a.image(), a.password() == null ? "" : a.password(),
                a.author().name(), a.commentsOpen() ? "1" : "", "");
    }

    /** The fields of a submitted editor form (or the preview script's request). */
    public static EditorForm read(Context ctx) {
        // texts are cleaned (CleanText); the slug, status, time and image name are checked as typed and refused
        return new EditorForm(CleanText.line(field(ctx, "title")), CleanText.text(field(ctx, "standfirst")),
                field(ctx, "slug"), CleanText.text(field(ctx, "body")), CleanText.line(field(ctx, "category")),
                CleanText.line(field(ctx, "category_new")), CleanText.line(field(ctx, "tags")), field(ctx, "status"),
                field(ctx, "publish_at"), field(ctx, "image"), CleanText.line(field(ctx, "post_password")).strip(),
                CleanText.line(field(ctx, "byline")).strip(),
                "1".equals(ctx.formParam("comments_open")) ? "1" : "", "page".equals(ctx.formParam("kind")) ? "page" : "");
    }

    public EditorForm withImage(String name) {
        return new EditorForm(title, standfirst, slug, body, category, newCategory, tags, status, publishAt, name,
                password, byline, comments, kind);
    }

    public EditorForm asPage() {
        return new EditorForm(title, standfirst, slug, body, category, newCategory, tags, status, publishAt, image,
                password, byline, comments, "page");
    }

    public boolean page() {
        return "page".equals(kind);
    }

    /** The tag names, trimmed, without empties. */
    public List<String> tagList() {
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The category chosen: a new name typed wins over the list's choice; null for none. */
    public String categoryName() {
        if (!newCategory.isBlank()) return newCategory.strip();
        return category.isBlank() ? null : category.strip();
    }

    /** The publication time in the site's zone; empty when none was given; DateTimeException when unreadable. */
    public Optional<Instant> publishInstant(ZoneId zone) {
        if (publishAt.isBlank()) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(publishAt.strip()).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new DateTimeException("unreadable time " + publishAt, e);
        }
    }

    public boolean commentsOpen() {
        return "1".equals(comments);
    }

    /** Words in the body as a reader counts them (Markdown's marks and link addresses left out). */
    public int words() {
        String text = body.replaceAll("\\]\\([^)]*\\)", " ").replaceAll("<[^>]*>", " ")
                .replaceAll("[#*_>`~\\[\\]!|-]", " ");
        int n = 0;
        for (String w : text.split("\\s+")) {
            if (w.chars().anyMatch(Character::isLetterOrDigit)) n++;
        }
        return n;
    }

    /** Minutes to read the body at about 200 words a minute; at least one for any text. */
    public int readingMinutes() {
        int w = words();
        return w == 0 ? 0 : Math.max(1, (int) Math.round(w / 200.0));
    }

    public boolean hasImage() {
        return !image.isBlank();
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.replace("\r\n", "\n");
    }
}
