package it.testata.article;

import it.testata.web.Layout;

import java.util.List;

/** What article/list.jte receives: home and every archive. */
public record ListPage(Layout layout, String heading, String intro, List<Article> items, Pagination pagination) {
}
