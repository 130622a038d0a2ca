package it.testata.article;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * An article as pages show it. Lists leave bodyHtml empty. {@code image} is the stored name of the featured
 * image (null when there is none); {@link #imageUrl()} is its address for pages, og:image and JSON-LD.
 */
public record Article(long id, String slug, String title, String standfirst, String bodyMd, String bodyHtml,
                      Status status, Instant publishedAt, Instant updatedAt, Author author, Term category,
                      List<Term> tags, boolean commentsOpen, int commentCount, String image, String password) {

    /** True when the article is password-protected: its page shows only the title and a password form until unlocked. */
    public boolean isProtected() {
        return password != null && !password.isEmpty();
    }

    /** WordPress's common permalink: /{yyyy}/{mm}/{dd}/{slug}/ in the site's time zone. */
    public String path(ZoneId zone) {
        return path(slug, publishedAt != null ? publishedAt : updatedAt, zone);
    }

    public static String path(String slug, Instant publishedAt, ZoneId zone) {
        ZonedDateTime d = publishedAt.atZone(zone);
        return String.format("/%04d/%02d/%02d/%s/", d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
    }

    /** The article as a locked page may show it: title, byline, date, category and tags; no text, picture or excerpt. */
    public Article withoutContent() {
        return new Article(id, slug, title, "", "", "", status, publishedAt, updatedAt, author, category, tags, false,
                0, null, password);
    }

    public Article withTags(List<Term> newTags) {
        return new Article(id, slug, title, standfirst, bodyMd, bodyHtml, status, publishedAt, updatedAt, author,
                category, newTags, commentsOpen, commentCount, image, password);
    }

    /** The featured image's site-relative address at article-page width (1200 px at most), or null. */
    public String imageUrl() {
        return imageUrl(it.testata.media.ImageService.WIDE);
    }

    /** The featured image at one of {@link it.testata.media.ImageService#WIDTHS} (e.g. 600 for feeds), or null. */
    public String imageUrl(int width) {
        return image == null ? null : it.testata.media.ImageService.url(image, width);
    }
}
