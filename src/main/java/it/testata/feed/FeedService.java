package it.testata.feed;

import it.testata.article.Article;
import it.testata.article.ArticleQuery;
import it.testata.article.ArticleStore;
import it.testata.article.Term;
import it.testata.settings.Settings;
import it.testata.web.Messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the feeds hold: the latest 20 public articles (full content, author, category and tags) of the site or
 * of one category, tag or author, and the latest approved comments of the site or of one article. Drafts and
 * articles dated in the future are never public, and comments carry no email.
 */
public final class FeedService {
    public static final int SIZE = 20;

    private final ArticleStore articles;
    private final FeedStore store;

    public FeedService(ArticleStore articles, FeedStore store) {
        this.articles = articles;
        this.store = store;
    }

    /** Where a feed is and what it is about; {@code path} is the page it follows, {@code self} the feed itself. */
    public record Target(String title, String path, String self, Feed.Format format) {}

    public byte[] articles(Settings site, String baseUrl, ArticleQuery query, Target target) {
        List<Feed.Item> items = new ArrayList<>();
        for (Article a : articles.latestPublicFull(query, Instant.now(), SIZE)) {
            List<String> categories = new ArrayList<>();
            if (a.category() != null) categories.add(a.category().name());
            a.tags().stream().map(Term::name).forEach(categories::add);
            items.add(new Feed.Item(a.title(), baseUrl + a.path(site.zone()), a.standfirst(), a.bodyHtml(),
                    a.author().name(), a.publishedAt(), a.updatedAt(), categories));
        }
        return write(site, baseUrl, target, items);
    }

    /** The latest approved comments; of one article when {@code article} is not null. */
    public byte[] comments(Settings site, String baseUrl, Article article, Target target) {
        Messages msg = Messages.of(site.javaLocale());
        List<Feed.Item> items = new ArrayList<>();
        for (FeedStore.FeedComment c : store.latestComments(article == null ? null : article.id(), Instant.now(),
                SIZE, site.zone())) {
            items.add(new Feed.Item(msg.t("feed.commentTitle", c.articleTitle(), c.authorName()),
                    baseUrl + c.articlePath() + "#comment-" + c.id(), null, c.bodyHtml(), c.authorName(),
                    c.createdAt(), c.createdAt(), List.of()));
        }
        return write(site, baseUrl, target, items);
    }

    private static byte[] write(Settings site, String baseUrl, Target target, List<Feed.Item> items) {
        String description = site.tagline().isBlank() ? site.siteName() : site.tagline();
        return Feed.write(target.format(), target.title(), description, baseUrl + target.path(),
                baseUrl + target.self(), site.locale(), items);
    }
}
