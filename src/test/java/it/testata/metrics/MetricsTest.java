package it.testata.metrics;

import it.testata.support.CommentForms;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** /metrics: who may read it, and what a Prometheus parser finds in it after some traffic. */
class MetricsTest {
    static final String ARTICLE = "/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/";
    static final String TOKEN = "metrics-test-token-0123456789";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void metricsAreOffUntilATokenOrNetworksAreSetAndThenAskForThem() {
        site.site().settings.update(Map.of("metrics.token", "", "metrics.allow", ""));
        HttpResponse<String> off = site.get("/metrics");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(404);
        site.site().settings.update(Map.of("metrics.token", TOKEN, "metrics.allow", "192.0.2.0/24"));
        assertThat(site.get("/metrics").statusCode()).isEqualTo(403);
        assertThat(site.get("/metrics", "Authorization", "Bearer wrong-token-0123456789").statusCode()).isEqualTo(403);
        HttpResponse<String> ok = site.get("/metrics", "Authorization", "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        // X-Forwarded-For from a peer that is not a trusted proxy is ignored: the socket's address decides
        assertThat(site.get("/metrics", "X-Forwarded-For", "192.0.2.40").statusCode()).isEqualTo(403);
        // behind a trusted proxy, the reader's own address decides
        site.trustLoopbackProxy();
        assertThat(site.get("/metrics", "X-Forwarded-For", "192.0.2.40").statusCode()).isEqualTo(200);
        assertThat(site.get("/metrics", "X-Forwarded-For", "198.51.100.40").statusCode()).isEqualTo(403);
        assertThat(site.site().settings.rows()).containsEntry("metrics.allow", "192.0.2.0/24");
    }

    @Test
    void aScrapeParsesAndShowsRequestsByRouteCacheCommentsSchedulerSearchPoolAndJvm() throws Exception {
        PrometheusText.assumeParser();
        site.site().settings.update(Map.of("metrics.token", TOKEN, "comments.moderation", "open"));
        long articleId = site.site().articles.publicArticle("l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito").orElseThrow().id();
        assertThat(new CommentForms(site).post(articleId, 1, "Un commento per le metriche del sito.").statusCode()).isEqualTo(303);
        // a bot fills the hidden field: answered like a held comment, only counted
        assertThat(new CommentForms(site).post(articleId, 2, "Compra ora!", Map.of(it.testata.comment.CommentForm.HONEYPOT, "x"))
                .statusCode()).isEqualTo(303);
        Thread.sleep(700); // every server drops the article's cached page once the change log shows the comment
        for (int i = 0; i < 3; i++) assertThat(site.get(ARTICLE).statusCode()).isEqualTo(200); // rendered, then cached
        assertThat(site.get("/nessuna/pagina/qui").statusCode()).isEqualTo(404);

        String text = site.get("/metrics", "Authorization", "Bearer " + TOKEN).body();
        List<PrometheusText.Sample> samples = PrometheusText.parse(text);
        String requests = text.lines().filter(l -> l.startsWith("http_server_requests_seconds_count") || l.startsWith("testata_page"))
                .reduce("", (a, b) -> a + "\n" + b);
        assertThat(samples.stream().filter(s -> s.family().equals("http_server_requests_seconds")).map(s -> s.type()).distinct())
                .containsExactly("histogram");
        assertThat(value(samples, "http_server_requests_seconds_count",
                Map.of("route", "/{year}/{month}/{day}/{slug}/", "status", "200", "method", "GET"))).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(value(samples, "http_server_requests_seconds_bucket",
                Map.of("route", "/{year}/{month}/{day}/{slug}/", "status", "200", "le", "+Inf"))).isPresent();
        assertThat(value(samples, "http_server_requests_seconds_count", Map.of("route", "/comments/", "status", "303"))).isPresent();
        assertThat(value(samples, "http_server_requests_seconds_count", Map.of("route", "unmatched", "status", "404"))).as(requests).isPresent();
        assertThat(value(samples, "testata_page_cache_hits_total", Map.of())).as(requests).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(2));
        assertThat(value(samples, "testata_page_cache_misses_total", Map.of())).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(value(samples, "testata_page_cache_bytes", Map.of())).hasValueSatisfying(v -> assertThat(v).isGreaterThan(1000));
        assertThat(samples.stream().filter(s -> s.name().equals("testata_comments") && "approved".equals(s.labels().get("status")))
                .mapToDouble(PrometheusText.Sample::value).sum()).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "testata_spam_lessons", Map.of())).isPresent();
        assertThat(value(samples, "testata_spam_discards", Map.of("reason", "honeypot"))).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(value(samples, "testata_scheduler_runs_total", Map.of())).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(value(samples, "testata_search_index_pending", Map.of())).isPresent();
        assertThat(value(samples, "testata_backup_runs_total", Map.of())).isPresent();
        assertThat(value(samples, "hikaricp_connections_active", Map.of("pool", "testata"))).isPresent();
        assertThat(samples.stream().anyMatch(s -> s.name().equals("jvm_memory_used_bytes"))).isTrue();
        assertThat(samples.stream().anyMatch(s -> s.name().equals("jvm_threads_live_threads"))).isTrue();

        // the Grafana dashboard in docs/ asks only for names the scrape has (the outbox's come with the mail branch)
        java.util.Set<String> names = new java.util.HashSet<>();
        samples.forEach(s -> names.add(s.name()));
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("docs/grafana-dashboard.json"));
        var m = java.util.regex.Pattern.compile("\\b((testata|http_server|hikaricp)_[a-z_]+)").matcher(dashboard);
        int checked = 0;
        while (m.find()) {
            assertThat(names).as("dashboard metric").contains(m.group(1));
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void everyAnswerCarriesARequestIdASaneIncomingOneIsKept() {
        HttpResponse<String> r = site.get("/privacy/");
        assertThat(r.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(site.get("/privacy/", "X-Request-Id", "abc-123").headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(site.get("/privacy/", "X-Request-Id", "x".repeat(65)).headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }

    static Optional<Double> value(List<PrometheusText.Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .map(PrometheusText.Sample::value).reduce(Double::sum);
    }
}
