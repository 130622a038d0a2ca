package it.testata.comment;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/** E-mails are kept as given (typed or imported) and compared without case: first-comment trust and flood control. */
class CommentEmailCaseTest {
    static TestSite site;
    static CommentPoster poster;
    static long articleId;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo(); // moderation "first"
        poster = new CommentPoster(site);
        articleId = CommentPoster.articleId(site, DEMO_SLUG);
        // an approved comment as an import brings it, the address in its own case
        site.site().db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO comments (article_id, status, author_name, author_email, body_raw, body_html, created_at)
                        VALUES (:article, 'approved', 'Maria Bianchi', 'Maria.Bianchi@Example.ORG', 'Vecchio', '<p>Vecchio</p>', :at)""")
                .bind("article", articleId).bind("at", Instant.now().minusSeconds(86_400).toEpochMilli()).execute());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aKnownAddressInAnotherCaseIsTrustedAndFloodControlIgnoresCase() {
        HttpResponse<String> r = poster.form(articleId).author("Maria").email("maria.bianchi@example.org").from("10.91.0.1")
                .text("Di nuovo io.").post();
        assertThat(r.statusCode()).isEqualTo(303);
        var stored = site.site().commentService.list(null, null).stream().filter(c -> c.bodyRaw().equals("Di nuovo io.")).findFirst().orElseThrow();
        assertThat(stored.status()).as("trusted: published at once").isEqualTo(CommentStatus.APPROVED);
        assertThat(stored.authorEmail()).as("kept as typed").isEqualTo("maria.bianchi@example.org");

        HttpResponse<String> again = poster.form(articleId).author("Maria").email("MARIA.BIANCHI@EXAMPLE.ORG").from("10.92.0.1")
                .text("Ancora, subito.").post();
        assertThat(again.statusCode()).isEqualTo(429);
        site.site().settings.update(Map.of("comments.flood_seconds", "15"));
    }
}
