package it.testata.search;

import it.testata.article.Article;
import it.testata.article.Pagination;
import it.testata.web.Layout;

/** What search/results.jte receives: the words typed, one page of results and the links to the others. */
public record SearchPage(Layout layout, String typed, SearchService.Results results, Pagination pagination,
                         java.util.Map<String, String> pagePaths) {
    /** A hit's address: a page's own (nested under its parents': --- pages ---), else the article's dated one. */
    public String path(SearchHit hit) {
        String page = pagePaths.get(hit.slug());
        if (page != null) return page;
        return Article.path(hit.slug(), hit.published(), layout.site().zone());
    }

    public String date(SearchHit hit) {
        return layout.msg().date(hit.published(), layout.site().zone());
    }

    public String isoDate(SearchHit hit) {
        return hit.published().atZone(layout.site().zone()).toOffsetDateTime().toString();
    }
}
