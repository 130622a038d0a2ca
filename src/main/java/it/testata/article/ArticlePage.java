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
                          java.util.List<Article> related, int minutes) {

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
