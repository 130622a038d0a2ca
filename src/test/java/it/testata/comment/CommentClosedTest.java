package it.testata.comment;

import it.testata.article.Article;
import it.testata.article.ArticleQuery;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static it.testata.comment.CommentPoster.within;
import static org.assertj.core.api.Assertions.assertThat;

/** Comments closed on one article, or on every article older than N days: no form, and a POST is refused 403. */
class CommentClosedTest {
    static final String CLOSED = "I commenti sono chiusi.";

    TestSite site;
    CommentPoster poster;
    long articleId;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo();
        site.site().settings.update(Map.of("comments.moderation", "open"));
        poster = new CommentPoster(site);
        articleId = CommentPoster.articleId(site, DEMO_SLUG);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void anArticleWithCommentsSwitchedOffShowsTheNoticeHasNoFormAndRefusesAPost() {
        HttpResponse<String> before = poster.form(articleId).author("Rita").email("rita@example.org")
                .from("10.4.1.1").text("Prima della chiusura.").post();
        assertThat(before.statusCode()).isEqualTo(303);
        assertThat(poster.page(DEMO_PATH).getElementById("commentform")).isNotNull(); // cached with its form

        site.site().articles.setCommentsOpen(articleId, false);
        within(1_000, "the closed notice on the cached page",
                () -> poster.page(DEMO_PATH).select(".comments-closed").text().equals(CLOSED));
        assertClosedPage(poster.page(DEMO_PATH));
        // the comments already there stay
        assertThat(poster.page(DEMO_PATH).select("li.comment").text()).contains("Prima della chiusura.");
        assertThat(poster.page(DEMO_PATH).select("#comments-title").text()).isEqualTo("1 commento");

        HttpResponse<String> r = poster.form(articleId).author("Rita").email("rita2@example.org").from("10.4.2.1")
                .text("Dopo la chiusura.").post();
        assertRefused(r);
        // a reply to an existing comment too
        long existing = site.site().commentService.list(null, DEMO_SLUG).getFirst().id();
        assertRefused(poster.form(articleId).author("Rita").email("rita3@example.org").from("10.4.3.1")
                .parent(existing).text("Dopo la chiusura.").post());
        assertThat(site.site().commentService.list(null, DEMO_SLUG)).hasSize(1);

        site.site().articles.setCommentsOpen(articleId, true);
        within(1_000, "the form again", () -> poster.page(DEMO_PATH).getElementById("commentform") != null);
        assertThat(poster.form(articleId).author("Rita").email("rita4@example.org").from("10.4.4.1")
                .text("Riaperti.").post().statusCode()).isEqualTo(303);
    }

    @Test
    void closeAfterDaysClosesOlderArticlesAndLeavesNewerOnesOpen() {
        Article newest = site.site().articles.list(ArticleQuery.all(), 1).orElseThrow().items().getFirst();
        Article old = CommentPoster.article(site, DEMO_SLUG);
        long days = Duration.between(newest.publishedAt(), Instant.now()).toDays() + 2;
        assertThat(Duration.between(old.publishedAt(), Instant.now()).toDays()).isGreaterThan(days);
        String newestPath = newest.path(site.site().settings.current().zone());
        assertThat(poster.page(DEMO_PATH).getElementById("commentform")).isNotNull(); // cached with its form

        site.site().settings.update(Map.of("comments.close_after_days", String.valueOf(days)));
        within(1_000, "the closed notice", () -> poster.page(DEMO_PATH).select(".comments-closed").text().equals(CLOSED));
        assertClosedPage(poster.page(DEMO_PATH));
        assertRefused(poster.form(old.id()).author("Rita").email("rita@example.org").from("10.5.1.1")
                .text("Troppo tardi.").post());
        assertThat(site.site().commentService.list(null, null)).isEmpty();

        Document open = poster.page(newestPath);
        assertThat(open.getElementById("commentform")).isNotNull();
        assertThat(open.select(".comments-closed")).isEmpty();
        HttpResponse<String> ok = poster.form(newest.id()).author("Rita").email("rita@example.org").from("10.5.2.1")
                .text("In tempo.").post();
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(site.site().commentService.list(null, null)).hasSize(1);

        // with the setting a day shorter than the newest article's age, that one closes too
        site.site().settings.update(Map.of("comments.close_after_days", "1"));
        assertThat(Duration.between(newest.publishedAt(), Instant.now()).toHours()).isGreaterThan(24);
        within(1_000, "the newest article closed", () -> poster.page(newestPath).getElementById("commentform") == null);
        assertRefused(poster.form(newest.id()).author("Rita").email("rita5@example.org").from("10.5.3.1")
                .text("Ora è tardi.").post());
        // 0 means never
        site.site().settings.update(Map.of("comments.close_after_days", "0"));
        within(1_000, "open again", () -> poster.page(DEMO_PATH).getElementById("commentform") != null);
    }

    @Test
    void aClosedArticleOffersNoReplyLinks() {
        HttpResponse<String> before = poster.form(articleId).author("Rita").email("rita@example.org")
                .text("Prima della chiusura.").post();
        assertThat(before.statusCode()).isEqualTo(303);
        long id = site.site().commentService.list(null, DEMO_SLUG).getFirst().id();
        assertThat(poster.page(DEMO_PATH).select("#comment-" + id + " .comment-reply-link")).hasSize(1);
        site.site().articles.setCommentsOpen(articleId, false);
        within(1_000, "closed", () -> poster.page(DEMO_PATH).select(".comments-closed").text().equals(CLOSED));
        Document page = poster.page(DEMO_PATH);
        assertThat(page.getElementById("comment-" + id)).isNotNull();
        assertThat(page.select(".comment-reply-link")).as("a reply link would lead to a page without a form").isEmpty();
        Document reply = poster.page(DEMO_PATH + "?replytocom=" + id);
        assertClosedPage(reply);
    }

    static void assertClosedPage(Document page) {
        assertThat(page.select(".comments-closed").text()).isEqualTo(CLOSED);
        assertThat(page.getElementById("commentform")).isNull();
        assertThat(page.getElementById("respond")).isNull();
        assertThat(page.select("form[action=/comments/], textarea, input[name=testata_form]")).isEmpty();
        assertThat(page.html()).doesNotContain(CommentViews.TOKEN_MARKER);
    }

    static void assertRefused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(Jsoup.parse(r.body()).text()).contains(CLOSED);
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }
}
