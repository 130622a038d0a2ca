package it.testata.web;

import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** ETags and 304s, gzip, and long-lived fingerprinted static files, over real HTTP. */
class HttpCachingTest {
    static TestSite site;
    static final String ARTICLE = "/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/";

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void pagesAnswer304WhenTheClientHoldsTheSameVersion() {
        for (String path : new String[]{"/", ARTICLE, "/category/cronaca/", "/2026/11/"}) {
            HttpResponse<String> first = site.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("must-revalidate");
            HttpResponse<String> again = site.get(path, "If-None-Match", etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(site.get(path, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void pagesAreGzippedWhenTheClientAcceptsIt() throws IOException {
        HttpResponse<byte[]> gz = site.getBytes(ARTICLE, "Accept-Encoding", "gzip, deflate");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
        String html = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(CachedPagesTest.withoutToken(html.getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(CachedPagesTest.withoutToken(site.get(ARTICLE).body().getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(site.getBytes(ARTICLE).headers().firstValue("Content-Encoding")).isEmpty();
        // the compressed and plain bodies have different ETags, and each revalidates
        String gzTag = gz.headers().firstValue("ETag").orElseThrow();
        assertThat(gzTag).isNotEqualTo(site.get(ARTICLE).headers().firstValue("ETag").orElseThrow());
        assertThat(site.getBytes(ARTICLE, "Accept-Encoding", "gzip", "If-None-Match", gzTag).statusCode()).isEqualTo(304);
    }

    @Test
    void staticFilesHaveFingerprintedNamesAndAreKeptForAYear() {
        String css = Jsoup.parse(site.get("/").body()).select("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/static/css/site\\.[0-9a-f]{10}\\.css");
        HttpResponse<String> r = site.get(css);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "immutable");
        assertThat(r.body()).contains(".site-name");
        assertThat(site.get("/static/css/site.0000000000.css").statusCode()).isEqualTo(404);
        assertThat(site.get("/static/../pom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void aChangeToAnArticleChangesItsPageAtOnce() {
        HttpResponse<String> before = site.get(ARTICLE);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        var a = site.site().articles.publicArticle("l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito").orElseThrow();
        site.site().articles.save(new it.testata.article.ArticleDraft(a.slug(), a.title() + " (aggiornato)", a.standfirst(),
                a.bodyMd(), a.status(), a.publishedAt(), a.author().name(), a.category().name(),
                a.tags().stream().map(it.testata.article.Term::name).toList()), null);
        HttpResponse<String> after = site.get(ARTICLE, "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(after.body()).select("h1").text()).endsWith("(aggiornato)");
    }
}
