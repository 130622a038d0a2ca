package it.testata.comment;

import it.testata.support.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/** The opt-in "remember me" box: the testata_commenter cookie is set only when ticked, and prefills the form. */
class CommentRememberTest {
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
    void withTheBoxTickedTheNextVisitPrefillsTheFormAndTicksTheBox() {
        HttpResponse<String> r = poster.form(articleId).author("Lucia Mondella").email("lucia@example.org")
                .url("https://lucia.example/").text("Ricordami.").remember().post();
        assertThat(r.statusCode()).isEqualTo(303);
        String line = CommentPoster.setCookie(r, CommentCookies.COMMENTER).orElseThrow();
        assertThat(line).containsIgnoringCase("Path=/").containsIgnoringCase("HttpOnly").containsIgnoringCase("Max-Age=");
        String value = CommentPoster.cookie(r, CommentCookies.COMMENTER).orElseThrow();
        assertThat(value).isNotBlank();

        HttpResponse<String> page = poster.getWithCookies(DEMO_PATH, CommentCookies.COMMENTER, value);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertPrefilled(poster.page(DEMO_PATH, CommentCookies.COMMENTER, value));
        long id = site.site().commentService.list(null, DEMO_SLUG).getFirst().id();
        Document reply = poster.page(DEMO_PATH + "?replytocom=" + id, CommentCookies.COMMENTER, value);
        assertPrefilled(reply);
        assertThat(reply.select("input[name=comment_parent]").val()).isEqualTo(String.valueOf(id));
        // nobody else gets the values
        Document anon = poster.page(DEMO_PATH);
        assertThat(anon.getElementById("author").val()).isEmpty();
        assertThat(anon.getElementById("email").val()).isEmpty();
        assertThat(anon.getElementById("remember").hasAttr("checked")).isFalse();
    }

    @Test
    void theArticlePageItselfIsPrefilledEvenWhenItIsInThePageCache() throws InterruptedException {
        assertThat(poster.page(DEMO_PATH).getElementById("author").val()).isEmpty(); // now cached
        HttpResponse<String> r = poster.form(articleId).author("Lucia Mondella").email("lucia@example.org")
                .url("https://lucia.example/").text("Ricordami.").remember().post();
        String value = CommentPoster.cookie(r, CommentCookies.COMMENTER).orElseThrow();
        Thread.sleep(1_000); // the change follower has also seen the new comment and dropped the page once more
        assertThat(poster.page(DEMO_PATH).getElementById("author").val()).isEmpty(); // cached again, with the comment
        assertThat(poster.page(DEMO_PATH).getElementById("author").val()).isEmpty();
        assertPrefilled(poster.page(DEMO_PATH, CommentCookies.COMMENTER, value));
    }

    @Test
    void withoutTheBoxNoCookieIsSetAndTheFormStaysEmpty() {
        Document before = poster.page(DEMO_PATH);
        assertThat(before.getElementById("remember").hasAttr("checked")).as("unticked by default").isFalse();
        HttpResponse<String> r = poster.form(articleId).author("Renzo Tramaglino").email("renzo@example.org")
                .url("https://renzo.example/").text("Non ricordarmi.").post();
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(CommentPoster.setCookie(r, CommentCookies.COMMENTER)).isEmpty();
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        Document after = poster.page(DEMO_PATH);
        assertThat(after.getElementById("author").val()).isEmpty();
        assertThat(after.getElementById("email").val()).isEmpty();
    }

    @Test
    void untickingTheBoxNextTimeDeletesTheCookie() {
        HttpResponse<String> first = poster.form(articleId).author("Lucia").email("lucia@example.org")
                .from("10.12.1.1").text("Ricordami.").remember().post();
        String value = CommentPoster.cookie(first, CommentCookies.COMMENTER).orElseThrow();
        HttpResponse<String> second = poster.form(articleId).author("Lucia").email("lucia2@example.org")
                .from("10.12.2.1").text("Ora dimenticami.").cookies(CommentCookies.COMMENTER, value).post();
        assertThat(second.statusCode()).isEqualTo(303);
        String line = CommentPoster.setCookie(second, CommentCookies.COMMENTER).orElseThrow();
        assertThat(CommentPoster.cookie(second, CommentCookies.COMMENTER).orElseThrow()).isEmpty();
        assertThat(line).as("a cookie the browser deletes at once")
                .matches("(?i).*(Max-Age=0|Expires=Thu, 01 Jan 1970 00:00:00 GMT).*");
    }

    static void assertPrefilled(Document page) {
        assertThat(page.getElementById("author").val()).isEqualTo("Lucia Mondella");
        assertThat(page.getElementById("email").val()).isEqualTo("lucia@example.org");
        assertThat(page.getElementById("url").val()).isEqualTo("https://lucia.example/");
        assertThat(page.getElementById("remember").hasAttr("checked")).isTrue();
        assertThat(page.getElementById("comment").val()).isEmpty();
    }
}
