package it.testata.editor;

import it.testata.admin.AdminFrame;
import it.testata.article.Article;
import it.testata.article.Author;
import it.testata.article.Term;
import it.testata.paging.Count;
import it.testata.paging.Keyset;
import it.testata.paging.KeysetPage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What admin/articles/list.jte receives: one page of articles with the filters that chose them (status,
 * author and category as slugs, the search text; empty for none). Authors see their own articles only, and
 * no author filter. The newer and older links carry the place of the page's first or last article, with the
 * filters.
 */
public record ArticleListPage(AdminFrame frame, KeysetPage<Article> list, Count count,
                              String status, String author, String category, String q,
                              List<Author> authors, List<Term> categories, boolean allAuthors, ZoneId zone,
                              String notice, String kind, it.testata.page.PageTree pageTree) {

    /** A page's parents' titles, top first ("Chi siamo › " before "La redazione"); empty for articles (--- pages ---). */
    public String parents(Article a) {
        if (pageTree == null) return "";
        return pageTree.ancestors(a.id()).stream().map(n -> n.title() + " \u203A ").collect(Collectors.joining());
    }

    /** A page's address, nested under its parents'; null for articles. */
    public String pagePath(Article a) {
        return pageTree == null ? null : pageTree.path(a.id());
    }

    /** True when this is the pages' list rather than the articles'. */
    public boolean forPages() {
        return "page".equals(kind);
    }

    /** The list's own address. */
    public String base() {
        return forPages() ? "/admin/pages" : "/admin/articles";
    }

    /** True when this page lists the trash. */
    public boolean trash() {
        return "trash".equals(status);
    }

    public List<Article> items() {
        return list.items();
    }

    /** The address of the newer page, or null on the first page. */
    public String newerUrl() {
        return list.newer() == null ? null : url("after", list.newer());
    }

    /** The address of the older page, or null on the last page. */
    public String olderUrl() {
        return list.older() == null ? null : url("before", list.older());
    }

    private String url(String direction, Keyset place) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("author", author);
        params.put("category", category);
        params.put("q", q);
        params.put(direction, place.param());
        String query = params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return base() + "?" + query;
    }

    public String when(Article a) {
        return a.publishedAt() == null ? "" : frame.msg().dateTime(a.publishedAt(), zone);
    }
}
