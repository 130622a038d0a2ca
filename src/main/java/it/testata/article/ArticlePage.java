package it.testata.article;

import it.testata.comment.CommentsView;
import it.testata.web.Layout;

/**
 * What article/article.jte receives: the frame, the article, its comment section, and the featured image's alt
 * text from the media library (empty when it has none).
 */
public record ArticlePage(Layout layout, Article article, CommentsView comments, String imageAlt) {
    public ArticlePage(Layout layout, Article article, CommentsView comments) {
        this(layout, article, comments, "");
    }
}
