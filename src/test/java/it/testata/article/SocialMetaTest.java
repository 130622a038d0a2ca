package it.testata.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.support.Content;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Open Graph, Twitter card and the JSON-LD image and publisher logo on article pages; canonical links. */
class SocialMetaTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static String meta(Document d, String property) {
        return d.select("meta[property=" + property + "], meta[name=" + property + "]").attr("content");
    }

    @Test
    void anArticleCarriesOpenGraphAndTwitterMetaWithTheSiteLogoAsItsImage() throws Exception {
        String path = "/2026/11/20/il-fiume-non-e-un-nemico/";
        Document d = Jsoup.parse(site.get(path).body());
        assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(site.url(path));
        assertThat(meta(d, "og:type")).isEqualTo("article");
        assertThat(meta(d, "og:title")).isEqualTo("Il fiume non è un nemico");
        assertThat(meta(d, "og:description")).isEqualTo(d.select(".article-header .standfirst").text());
        assertThat(meta(d, "og:url")).isEqualTo(site.url(path));
        assertThat(meta(d, "article:published_time")).isEqualTo("2026-11-20T08:00+01:00");
        assertThat(meta(d, "twitter:card")).isEqualTo("summary");
        assertThat(meta(d, "twitter:title")).isEqualTo("Il fiume non è un nemico");
        String image = meta(d, "og:image");
        assertThat(image).startsWith(site.url("/static/logo.")).endsWith(".png");
        assertThat(meta(d, "twitter:image")).isEqualTo(image);
        var logo = site.getBytes(image.substring(site.url("").length()));
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        JsonNode ld = new ObjectMapper().readTree(d.select("script[type=application/ld+json]").html());
        assertThat(ld.get("image").get(0).asText()).isEqualTo(image);
        assertThat(ld.get("publisher").get("logo").get("@type").asText()).isEqualTo("ImageObject");
        assertThat(ld.get("publisher").get("logo").get("url").asText()).isEqualTo(image);
    }

    @Test
    void anArticleWithAPictureShowsItAsItsImageWithALargeCard() throws Exception {
        Content.article(site, "con-foto", "Una foto dal ponte", "Il ponte riaperto.\n\n![Il ponte](/media/ponte.jpg \"Il ponte\")",
                Status.PUBLISHED, Instant.parse("2026-11-10T08:00:00Z"), "Luca Neri", "Cronaca", List.of("ponte"));
        Document d = Jsoup.parse(site.get("/2026/11/10/con-foto/").body());
        assertThat(meta(d, "og:image")).isEqualTo(site.url("/media/ponte.jpg"));
        assertThat(meta(d, "twitter:card")).isEqualTo("summary_large_image");
        assertThat(d.select("meta[property=article:tag]").eachAttr("content")).containsExactly("ponte");
        JsonNode ld = new ObjectMapper().readTree(d.select("script[type=application/ld+json]").html());
        assertThat(ld.get("image").get(0).asText()).isEqualTo(site.url("/media/ponte.jpg"));
    }

    @Test
    void listsAndOtherPagesHaveNoArticleMeta() {
        Document d = Jsoup.parse(site.get("/").body());
        assertThat(d.select("meta[property^=og:]")).isEmpty();
        assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(site.url("/"));
    }
}
