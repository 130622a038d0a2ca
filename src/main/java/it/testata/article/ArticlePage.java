package it.testata.article;

import it.testata.web.Layout;

/** What article/article.jte receives. */
public record ArticlePage(Layout layout, Article article) {
}
