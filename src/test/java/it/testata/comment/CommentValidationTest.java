package it.testata.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comment that breaks a rule is answered 422 with the article page, everything typed back in its field, a
 * message beside each wrong field, and nothing stored.
 */
class CommentValidationTest {
    static final String INVALID = "Il commento non è stato ancora inviato: correggi i campi segnalati.";
    static final List<String> FIELDS = List.of("author", "email", "url", "comment");

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
    void missingRequiredFieldsAndAJavascriptWebsiteAreRefusedWithAMessageBesideEachField() {
        HttpResponse<String> r = poster.form(articleId).author("").email("").text("")
                .url("javascript:alert(1)").post();
        Document page = refused(r);
        assertFieldValues(page, "", "", "javascript:alert(1)", "");
        assertErrors(page, Map.of(
                "author", "Scrivi il tuo nome.",
                "email", "Scrivi il tuo indirizzo email: non sarà pubblicato.",
                "url", "Il sito web deve essere un indirizzo che inizia con http:// o https://.",
                "comment", "Scrivi il tuo commento."));
        // blank is missing too
        Document blanks = refused(poster.form(articleId).author("   ").email(" ").text("\n\n  \n").post());
        assertErrors(blanks, Map.of(
                "author", "Scrivi il tuo nome.",
                "email", "Scrivi il tuo indirizzo email: non sarà pubblicato.",
                "comment", "Scrivi il tuo commento."));
        // a form without the fields at all
        Document absent = refused(poster.form(articleId).without("author").without("email").without("comment")
                .without("url").post());
        assertErrors(absent, Map.of(
                "author", "Scrivi il tuo nome.",
                "email", "Scrivi il tuo indirizzo email: non sarà pubblicato.",
                "comment", "Scrivi il tuo commento."));
        assertNothingStored();
    }

    @Test
    void aBadEmailIsRefusedAndTheOtherFieldsAreKeptAsTyped() {
        String text = "Riga uno\nriga due con <b>tag</b> & \"virgolette\"\n\nsecondo paragrafo";
        for (String email : List.of("mario.rossi@", "mario.rossi", "mario rossi@example.org", "@example.org",
                "mario@example", "mario@@example.org")) {
            HttpResponse<String> r = poster.form(articleId).author("Mario \"il Rosso\" <Rossi>").email(email)
                    .url("https://mario.example/?a=1&b=2").text(text).post();
            Document page = refused(r);
            assertFieldValues(page, "Mario \"il Rosso\" <Rossi>", email, "https://mario.example/?a=1&b=2", text);
            assertErrors(page, Map.of("email", "Questo indirizzo email non sembra valido."));
        }
        assertNothingStored();
    }

    @Test
    void websitesOtherThanHttpOrHttpsAreRefused() {
        for (String url : List.of("javascript:alert(1)", "JavaScript:alert(document.cookie)", "ftp://example.org/file",
                "data:text/html,<script>alert(1)</script>", "example.org", "//example.org/", "http://", "mailto:a@b.it")) {
            Document page = refused(poster.form(articleId).author("Ugo").email("ugo@example.org").url(url)
                    .text("Ciao.").post());
            assertThat(page.getElementById("url").val()).isEqualTo(url);
            assertErrors(page, Map.of("url", "Il sito web deve essere un indirizzo che inizia con http:// o https://."));
        }
        assertNothingStored();
    }

    @Test
    void overlongNameWebsiteEmailAndCommentAreRefusedAndKeptComplete() {
        String name = "N".repeat(246);
        String comment = "Parola ".repeat(714) + "fine!!"; // 5004 characters
        comment = comment.substring(0, 5001);
        assertThat(comment).hasSize(5001);
        String url = "https://example.org/" + "a".repeat(181); // 201 characters
        HttpResponse<String> r = poster.form(articleId).author(name).email("lunga@example.org").url(url)
                .text(comment).post();
        Document page = refused(r);
        assertFieldValues(page, name, "lunga@example.org", url, comment);
        assertThat(page.getElementById("comment").val()).hasSize(5001);
        assertErrors(page, Map.of(
                "author", "Il nome è troppo lungo (al massimo 245 caratteri).",
                "url", "L'indirizzo del sito è troppo lungo (al massimo 200 caratteri).",
                "comment", "Il commento è troppo lungo (al massimo 5.000 caratteri)."));

        String email = "e".repeat(89) + "@example.org"; // 101 characters
        Document longEmail = refused(poster.form(articleId).author("Ugo").email(email).text("Ciao.").post());
        assertThat(longEmail.getElementById("email").val()).isEqualTo(email);
        assertErrors(longEmail, Map.of("email", "L'indirizzo email è troppo lungo (al massimo 100 caratteri)."));
        assertNothingStored();
        assertThat(listJson()).isEmpty();
    }

    @Test
    void valuesExactlyAtTheLimitsAreAccepted() {
        String name = "N".repeat(245);
        String comment = "c".repeat(5000);
        String email = "e".repeat(88) + "@example.org"; // 100
        String url = "https://example.org/" + "a".repeat(180); // 200
        HttpResponse<String> r = poster.form(articleId).author(name).email(email).url(url).text(comment).post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        CommentRecord c = site.site().commentService.list(null, DEMO_SLUG).getFirst();
        assertThat(c.authorName()).isEqualTo(name);
        assertThat(c.bodyRaw()).isEqualTo(comment);
        assertThat(c.authorUrl()).isEqualTo(url);
    }

    @Test
    void aCorrectedFormIsAcceptedAfterARefusal() {
        Document page = refused(poster.form(articleId).author("Lia").email("lia@").text("Bella iniziativa.").post());
        assertThat(page.select("#commentform input[name=testata_form]").val()).as("a fresh token on the 422 page")
                .isNotBlank();
        assertThat(page.select("#commentform input[name=comment_post_ID]").val()).isEqualTo(String.valueOf(articleId));
        HttpResponse<String> again = poster.form(articleId).author(page.getElementById("author").val())
                .email("lia@example.org").text(page.getElementById("comment").val()).post();
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(site.site().commentService.list(null, DEMO_SLUG)).singleElement()
                .satisfies(c -> assertThat(c.bodyRaw()).isEqualTo("Bella iniziativa."));
    }

    /** The 422 answer: the article page with the form, the general message, and a personal, uncached page. */
    Document refused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("h1").text()).isEqualTo(CommentPoster.DEMO_TITLE);
        assertThat(page.select("#respond .form-message").text()).isEqualTo(INVALID);
        assertThat(page.getElementById("commentform")).isNotNull();
        return page;
    }

    static void assertFieldValues(Document page, String author, String email, String url, String comment) {
        assertThat(page.getElementById("author").val()).isEqualTo(author);
        assertThat(page.getElementById("email").val()).isEqualTo(email);
        assertThat(page.getElementById("url").val()).isEqualTo(url);
        assertThat(page.getElementById("comment").val()).isEqualTo(comment);
    }

    /** Exactly these fields have a message beside them (span#FIELD-error), marked invalid; the others have none. */
    static void assertErrors(Document page, Map<String, String> expected) {
        for (String field : FIELDS) {
            var span = page.getElementById(field + "-error");
            if (expected.containsKey(field)) {
                assertThat(span).as(field + "-error").isNotNull();
                assertThat(span.text()).isEqualTo(expected.get(field));
                assertThat(span.parent()).as("beside the field").isEqualTo(page.getElementById(field).parent());
                assertThat(page.getElementById(field).attr("aria-invalid")).isEqualTo("true");
                assertThat(page.getElementById(field).attr("aria-describedby")).contains(field + "-error");
            } else {
                assertThat(span).as(field + "-error").isNull();
                assertThat(page.getElementById(field).attr("aria-invalid")).isEqualTo("false");
            }
        }
    }

    void assertNothingStored() {
        assertThat(site.site().commentService.list(null, null)).isEmpty();
        assertThat(poster.get(DEMO_PATH).body()).doesNotContain("class=\"comment depth");
    }

    List<JsonNode> listJson() {
        TestSite.Cli cli = site.cli("comments", "list", "--json");
        assertThat(cli.exit()).as(cli.err()).isZero();
        try {
            JsonNode arr = new ObjectMapper().readTree(cli.out());
            assertThat(arr.isArray()).isTrue();
            java.util.List<JsonNode> out = new java.util.ArrayList<>();
            arr.forEach(out::add);
            return out;
        } catch (Exception e) {
            throw new AssertionError(cli.out(), e);
        }
    }
}
