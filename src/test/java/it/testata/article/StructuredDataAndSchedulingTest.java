package it.testata.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredDataAndSchedulingTest {
    TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void articlePagesCarryANewsArticleInJsonLd() throws Exception {
        Document d = Jsoup.parse(site.get("/2026/11/20/il-fiume-non-e-un-nemico/").body());
        JsonNode ld = new ObjectMapper().readTree(d.select("script[type=application/ld+json]").html());
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asText()).isEqualTo(d.select("h1").text());
        assertThat(ld.get("description").asText()).isEqualTo(d.select(".article-header .standfirst").text());
        assertThat(ld.get("author").get("name").asText()).isEqualTo("Giulia Bertolini");
        assertThat(ld.get("datePublished").asText()).isEqualTo("2026-11-20T08:00+01:00");
        assertThat(ld.get("dateModified").asText()).isNotBlank();
        assertThat(ld.get("publisher").get("name").asText()).isEqualTo("Il Tessitore");
    }

    @Test
    void jsonLdCannotCloseItsScriptElement() {
        site.site().articles.save(new ArticleDraft("titolo-pericoloso", "Chiuso </script><script>alert(1)</script>",
                "</script>", "Testo.", Status.PUBLISHED, Instant.parse("2026-01-05T10:00:00Z"), "Luca Neri", null, List.of()), null);
        String html = site.get("/2026/01/05/titolo-pericoloso/").body();
        assertThat(html).doesNotContain("<script>alert(1)");
        assertThat(Jsoup.parse(html).select("script")).hasSize(2); // the JSON-LD and site.js, nothing injected
    }

    @Test
    void anArticlePublishedForTheFutureAppearsWhenItsTimeComesWithoutAnyWrite() throws Exception {
        Instant soon = Instant.now().plus(2, ChronoUnit.SECONDS);
        site.site().articles.save(new ArticleDraft("fra-poco", "Notizia in arrivo", "", "Testo.", Status.PUBLISHED,
                soon, "Luca Neri", "Cronaca", List.of()), null);
        assertThat(site.get("/").body()).doesNotContain("Notizia in arrivo"); // now cached without it
        String path = Article.path("fra-poco", soon, site.site().settings.current().zone());
        assertThat(site.get(path).statusCode()).isEqualTo(404);
        Thread.sleep(java.time.Duration.between(Instant.now(), soon).toMillis() + 100);
        assertThat(site.get("/").body()).contains("Notizia in arrivo");
        assertThat(site.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void anEnglishSiteWritesDatesAndTextsInEnglish() {
        site.site().settings.update(java.util.Map.of("locale", "en"));
        Document d = Jsoup.parse(site.get("/2026/11/20/il-fiume-non-e-un-nemico/").body());
        assertThat(d.select("html").attr("lang")).isEqualTo("en");
        assertThat(d.select(".byline time").text()).isEqualTo("November 20, 2026");
        assertThat(d.select(".byline").text()).startsWith("by ");
        assertThat(d.select("#comments-title").text()).isEqualTo("No comments");
        Document month = Jsoup.parse(site.get("/2026/09/").body());
        assertThat(month.select("h1").text()).isEqualTo("Archive: September 2026");
    }
}
