package it.testata.article;

import it.testata.web.Layout;

import java.util.List;

/** What article/list.jte receives: home and every archive. */
public record ListPage(Layout layout, String heading, String intro, List<Article> items, Pagination pagination) {
    /** The list's own feed (a category, tag or author has one, at WordPress's address), or null. */
    public String feedPath() {
        String base = pagination.basePath();
        return base.matches("/(category|tag|author)/[^/]+/") ? base + "feed/" : null;
    }
}
