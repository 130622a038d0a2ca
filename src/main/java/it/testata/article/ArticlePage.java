package it.testata.article;

import it.testata.comment.CommentsView;
import it.testata.web.Layout;

/** What article/article.jte receives: the frame, the article, and its comment section. */
public record ArticlePage(Layout layout, Article article, CommentsView comments) {
}
