package it.testata.web;

import it.testata.article.Article;
import it.testata.comment.RecentComment;
import it.testata.settings.Settings;

import java.util.List;

/** What the shared page frame (head, header, sidebar, footer) needs; every page record carries one. */
public record Layout(Settings site, Messages msg, Assets assets, String baseUrl, String title, String description,
                     String canonicalPath, String jsonLd, List<Article> recentArticles,
                     List<RecentComment> recentComments, String searchTerm, boolean noindex,
                     it.testata.menu.Menu primaryMenu, it.testata.menu.Menu footerMenu) {

    public Layout withJsonLd(String json) {
        return new Layout(site, msg, assets, baseUrl, title, description, canonicalPath, json, recentArticles,
                recentComments, searchTerm, noindex, primaryMenu, footerMenu);
    }

    /** The same frame, telling search engines not to index this address (e.g. ?replytocom= variants). */
    public Layout withNoindex() {
        return new Layout(site, msg, assets, baseUrl, title, description, canonicalPath, jsonLd, recentArticles,
                recentComments, searchTerm, true, primaryMenu, footerMenu);
    }

    public String canonical() {
        return baseUrl + canonicalPath;
    }

    public String pageTitle() {
        return title == null || title.isBlank() ? site.siteName() : title + " – " + site.siteName();
    }

    public String articlePath(Article a) {
        return a.path(site.zone());
    }

    public String date(Article a) {
        return a.publishedAt() == null ? "" : msg.date(a.publishedAt(), site.zone());
    }

    public String isoDate(Article a) {
        return a.publishedAt() == null ? "" : a.publishedAt().atZone(site.zone()).toOffsetDateTime().toString();
    }
}
