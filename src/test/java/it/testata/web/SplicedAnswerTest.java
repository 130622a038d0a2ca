package it.testata.web;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cached article page is sent as its prepared parts with this answer's form token spliced in (written into a
 * pooled buffer, the gzip body's checksum combined from the parts'): plain and gzip answers are, byte for byte,
 * the page as rendered in full for a reader of its own (a request carrying a comment cookie) with the same token.
 * The gzip body decodes with java.util.zip and with curl, and many answers at once each carry their own token.
 */
class SplicedAnswerTest {
    static final String ARTICLE = "/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/";
    static final Pattern TOKEN = Pattern.compile("name=\"testata_form\" value=\"([^\"]+)\"");
    static TestSite site;
    /** The page rendered in full (token in place, no cache), and its token. */
    static String rendered;
    static String renderedToken;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        assertThat(site.get(ARTICLE).statusCode()).isEqualTo(200); // now cached
        // an unreadable pending-comments cookie makes the request personal: rendered in full, token inline
        HttpResponse<byte[]> full = site.getBytes(ARTICLE, "Cookie", "testata_pending=illeggibile");
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Content-Length")).as("not from the front handler").isEmpty();
        rendered = new String(full.body(), StandardCharsets.UTF_8);
        renderedToken = token(rendered);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void thePlainAnswerIsTheFullRenderWithItsToken() {
        HttpResponse<byte[]> r = site.getBytes(ARTICLE);
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(r.body().length));
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo(withToken(token(body)));
    }

    @Test
    void theGzipAnswerDecodesWithJavaToTheFullRenderWithItsToken() throws IOException {
        HttpResponse<byte[]> r = site.getBytes(ARTICLE, "Accept-Encoding", "gzip");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(r.body().length));
        String body = gunzip(r.body());
        assertThat(body).isEqualTo(withToken(token(body)));
        assertThat(r.body().length).isLessThan(body.length() / 2);
    }

    @Test
    void curlDecodesTheGzipAnswerToTheFullRenderWithItsToken() throws Exception {
        Path out = Files.createTempFile("testata-curl", ".html");
        Path headers = Files.createTempFile("testata-curl", ".headers");
        try {
            Process curl;
            try {
                curl = new ProcessBuilder("curl", "-sS", "--compressed", "-D", headers.toString(), "-o", out.toString(),
                        site.url(ARTICLE)).redirectErrorStream(true).start();
            } catch (IOException e) {
                Assumptions.abort("curl is not installed: " + e.getMessage());
                return;
            }
            String said = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor()).as(said).isZero();
            assertThat(Files.readString(headers).toLowerCase()).contains("content-encoding: gzip");
            String body = Files.readString(out);
            assertThat(body).isEqualTo(withToken(token(body)));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(headers);
        }
    }

    @Test
    void manyAnswersAtOnceEachCarryTheirOwnTokenInAnIntactPage() throws Exception {
        List<Future<String>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                boolean gzip = i % 2 == 0;
                answers.add(pool.submit(() -> gzip
                        ? gunzip(site.getBytes(ARTICLE, "Accept-Encoding", "gzip").body())
                        : new String(site.getBytes(ARTICLE).body(), StandardCharsets.UTF_8)));
            }
        }
        Set<String> tokens = new HashSet<>();
        for (Future<String> f : answers) {
            String body = f.get();
            String token = token(body);
            assertThat(body).isEqualTo(withToken(token));
            tokens.add(token);
        }
        assertThat(tokens).hasSize(200);
    }

    static String withToken(String token) {
        assertThat(rendered).containsOnlyOnce(renderedToken);
        return rendered.replace(renderedToken, token);
    }

    static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("a comment form token").isTrue();
        return m.group(1);
    }

    static String gunzip(byte[] gz) throws IOException {
        return new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
