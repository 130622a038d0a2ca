package it.testata.web;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached pages are answered by the front handler (Server.CachedPages) before Javalin: the answer must be the
 * one Javalin gave when it rendered the page, headers and all. The front adds a Content-Length where Javalin
 * streamed the body in chunks; that is also how these tests tell the two apart.
 */
class CachedPagesTest {
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
    void theFrontAnswersWithTheHeadersAndBodyOfTheRenderedPage() {
        String[][] cases = {{ARTICLE}, {"/category/cronaca/", "Accept-Encoding", "gzip"}, {"/?utm_source=x"},
                {"/2026/11/", "Accept-Encoding", "gzip, deflate"}};
        for (String[] c : cases) {
            String path = c[0];
            String[] headers = Arrays.copyOfRange(c, 1, c.length);
            HttpResponse<byte[]> rendered = site.getBytes(path, headers);
            HttpResponse<byte[]> cached = site.getBytes(path, headers);
            assertThat(rendered.statusCode()).as(path).isEqualTo(200);
            assertThat(cached.statusCode()).as(path).isEqualTo(200);
            assertThat(withoutToken(cached.body())).as(path).isEqualTo(withoutToken(rendered.body()));
            assertThat(comparable(cached.headers())).as(path).isEqualTo(comparable(rendered.headers()));
            // the same cache key from both sides: the second answer came from the front, with its length
            assertThat(cached.headers().firstValue("Content-Length")).as(path).hasValue(String.valueOf(cached.body().length));
        }
    }

    @Test
    void theFrontAnswersRevalidationsWith304AndTheSameHeaders() {
        HttpResponse<byte[]> page = site.getBytes(ARTICLE, "Accept-Encoding", "gzip");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = site.getBytes(ARTICLE, "Accept-Encoding", "gzip", "If-None-Match", "W/" + etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        for (String h : List.of("ETag", "Vary", "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options",
                "Referrer-Policy", "X-Frame-Options")) {
            assertThat(again.headers().allValues(h)).as(h).isEqualTo(page.headers().allValues(h));
        }
        HttpResponse<byte[]> other = site.getBytes(ARTICLE, "If-None-Match", "\"not-this-one\"");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aMethodOverrideIsLeftToJavalin() {
        assertThat(site.get(ARTICLE).statusCode()).isEqualTo(200); // now cached
        HttpResponse<String> overridden = site.get(ARTICLE, "X-HTTP-Method-Override", "DELETE");
        assertThat(overridden.statusCode()).isNotEqualTo(200);
        assertThat(overridden.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    /**
     * The body with the comment form's token blanked: every response carries a fresh one, the rest is the same.
     * Gzip bodies are compared as they are (they hold no form in these cases).
     */
    static String withoutToken(byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("name=\"testata_form\" value=\"[^\"]*\"", "name=\"testata_form\" value=\"\"");
    }

    @Test
    void everyResponseOfACachedArticleCarriesAFreshFormToken() {
        java.util.Set<String> tokens = new java.util.HashSet<>();
        for (int i = 0; i < 4; i++) {
            String html = site.get(ARTICLE).body();
            var m = java.util.regex.Pattern.compile("name=\"testata_form\" value=\"([^\"]+)\"").matcher(html);
            assertThat(m.find()).as("a token in response " + i).isTrue();
            assertThat(html).doesNotContain(PageCache.HOLE);
            tokens.add(m.group(1));
        }
        assertThat(tokens).hasSize(4);
    }

    @Test
    void requestsWithCookiesAreLeftToJavalin() {
        HttpResponse<byte[]> cached = site.getBytes(ARTICLE);
        cached = site.getBytes(ARTICLE);
        assertThat(cached.headers().firstValue("Content-Length")).isPresent(); // from the front
        HttpResponse<byte[]> withCookie = site.getBytes(ARTICLE, "Cookie", "consent=yes");
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(withCookie.headers().firstValue("Content-Length")).isEmpty(); // streamed by Javalin
        assertThat(withoutToken(withCookie.body())).isEqualTo(withoutToken(cached.body()));
    }

    @Test
    void gzipIsChosenAsJavalinChoosesIt() {
        for (String yes : List.of("gzip", "GZIP", "deflate, gzip", " gzip ;q=0.5", "br,gzip;q=1")) {
            assertThat(PageCache.acceptsGzip(yes)).as(yes).isTrue();
        }
        for (String no : List.of("", "deflate", "gzip;q=0", "gzip; q = 0", "identity, gzip;Q=0", "x-gzip", ",")) {
            assertThat(PageCache.acceptsGzip(no)).as(no).isFalse();
        }
        assertThat(PageCache.acceptsGzip(null)).isFalse();
    }

    /** The headers that must match: all but the date and how the body's length is told. */
    private static Map<String, List<String>> comparable(HttpHeaders headers) {
        Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.map().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("date") && !k.equalsIgnoreCase("content-length")
                    && !k.equalsIgnoreCase("transfer-encoding")) {
                // each answer has a request id of its own: compared by form only
                m.put(k, k.equalsIgnoreCase("x-request-id") ? v.stream().map(id -> id.replaceAll("[0-9a-f]", "h")).toList() : v);
            }
        });
        return m;
    }
}
