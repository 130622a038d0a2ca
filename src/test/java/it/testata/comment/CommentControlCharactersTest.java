package it.testata.comment;

import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL byte (and the other control characters) in the comment form: removed from the name and the text, so the
 * comment is stored alike on SQLite and PostgreSQL (which refuses NUL); refused with 422 in the e-mail and website.
 */
class CommentControlCharactersTest {
    static TestSite site;
    static CommentPoster poster;
    static long articleId;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        site.site().settings.update(Map.of("comments.flood_seconds", "0"));
        poster = new CommentPoster(site);
        articleId = CommentPoster.articleId(site, DEMO_SLUG);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void controlCharactersAreRemovedFromTheNameAndTheTextAndTheCommentIsKept() {
        HttpResponse<String> r = poster.form(articleId).author("Ni\u0000na\u0085").email("nina@example.org").from("10.44.0.1")
                .text("Primo\u0000 rigo\r\nsecondo\u0007 rigo\u009b\tfine").post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        var stored = site.site().commentService.list(null, null).stream()
                .filter(c -> c.authorEmail().equals("nina@example.org")).findFirst().orElseThrow();
        assertThat(stored.authorName()).isEqualTo("Nina");
        assertThat(stored.bodyRaw()).isEqualTo("Primo rigo\nsecondo rigo\tfine");
    }

    @Test
    void anEmailOrWebsiteWithAControlCharacterIsRefused422WithTheOtherValuesKept() {
        int before = site.site().commentService.list(null, null).size();
        HttpResponse<String> email = poster.form(articleId).author("Olga").email("ol\u0000ga@example.org").from("10.44.1.1")
                .text("Il mio testo.").post();
        assertThat(email.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(email.body());
        assertThat(page.select("#commentform [name=author]").val()).isEqualTo("Olga");
        assertThat(page.select("#commentform [name=comment]").text()).isEqualTo("Il mio testo.");
        assertThat(page.select("#commentform [name=email]").val()).startsWith("ol").endsWith("ga@example.org");

        HttpResponse<String> url = poster.form(articleId).author("Pia").email("pia@example.org").url("https://pia.example/\u0000x")
                .from("10.44.2.1").text("Altro testo.").post();
        assertThat(url.statusCode()).isEqualTo(422);
        assertThat(site.site().commentService.list(null, null)).hasSize(before);
    }
}
