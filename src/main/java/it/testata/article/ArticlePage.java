package it.testata.article;

import it.testata.comment.CommentsView;
import it.testata.web.Layout;

/**
 * What article/article.jte (and page.jte) receive: the frame, the article, its comment section, for a
 * password-protected article not yet unlocked the password form ({@code lock}; null otherwise), the featured
 * image's alt text from the media library (empty when it has none), the "Leggi anche" articles and the reading
 * time in minutes (0: not shown).
 */
public record ArticlePage(Layout layout, Article article, CommentsView comments, Lock lock, String imageAlt,
                          java.util.List<Article> related, int minutes, java.util.List<Link> parents) {

    public ArticlePage(Layout layout, Article article, CommentsView comments, Lock lock, String imageAlt,
                       java.util.List<Article> related, int minutes) {
        this(layout, article, comments, lock, imageAlt, related, minutes, java.util.List.of());
    }

    /** A link to a page's parent page (--- pages ---): its title and address; path null when it is not public. */
    public record Link(String title, String path) {}

    /** The same page with its parent pages, top first (a page's "Chi siamo › La redazione" line). */
    public ArticlePage withParents(java.util.List<Link> links) {
        return new ArticlePage(layout, article, comments, lock, imageAlt, related, minutes, java.util.List.copyOf(links));
    }

    /** A page (no related articles, no reading time shown). */
    public ArticlePage(Layout layout, Article article, CommentsView comments) {
        this(layout, article, comments, null, "", java.util.List.of(), 0);
    }

    public ArticlePage(Layout layout, Article article, CommentsView comments, String imageAlt) {
        this(layout, article, comments, null, imageAlt, java.util.List.of(), 0);
    }

    /** The password form of a locked article: the message beside it after a wrong or throttled attempt, else null. */
    public record Lock(String error) {}

    /** The description for Open Graph and Twitter cards: none for a protected article, else the standfirst. */
    public String description() {
        return article.isProtected() ? "" : article.standfirst();
    }
}
