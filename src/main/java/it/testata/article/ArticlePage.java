package it.testata.article;

import it.testata.comment.CommentsView;
import it.testata.web.Layout;

/**
 * What article/article.jte receives: the frame, the article, its comment section, the "Leggi anche" articles and
 * the reading time in minutes.
 */
public record ArticlePage(Layout layout, Article article, CommentsView comments, java.util.List<Article> related,
                          int minutes) {
    /** A page (no related articles, no reading time shown). */
    public ArticlePage(Layout layout, Article article, CommentsView comments) {
        this(layout, article, comments, java.util.List.of(), 0);
    }
}
