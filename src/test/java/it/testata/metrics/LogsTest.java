package it.testata.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server started as an operator would, with --access-log --log-format json: one JSON line per request (also for
 * pages the front cache answers), carrying the request id it returned, the reader's network and nothing finer.
 */
class LogsTest {
    TestSite data = TestSite.create();
    Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        data.close();
    }

    @Test
    void theJsonAccessLogHasOneLinePerRequestWithItsIdAndTheNetworkOnly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // the test plays the site's proxy: it must be trusted for its X-Forwarded-For to count (server.trusted_proxies)
        try (it.testata.Site s = it.testata.Site.open(data.config)) {
            s.settings.update(java.util.Map.of("server.trusted_proxies", "127.0.0.1"));
        }
        Path log = Files.createTempFile("testata-serve", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "it.testata.App",
                "serve", "--port", String.valueOf(port), "--data", data.dataDir.toString(), "--access-log", "--log-format", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("TESTATA_DATABASE_URL");
        pb.environment().putAll(data.env());
        pb.environment().put("TESTATA_HOST", "127.0.0.1");
        server = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) break;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > until || !server.isAlive()) throw new AssertionError("no server: " + Files.readString(log));
                Thread.sleep(200);
            }
        }
        for (String id : List.of("primo-42", "secondo-43")) { // the second is answered from the page cache
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/privacy/?riservato=sì"))
                    .header("X-Request-Id", id).header("X-Forwarded-For", "203.0.113.77").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Request-Id")).hasValue(id);
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> access = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (access.size() < 2 && System.nanoTime() < deadline) {
            access.clear();
            for (String line : Files.readAllLines(log)) {
                if (!line.startsWith("{")) continue;
                JsonNode n = json.readTree(line); // every log line is a JSON object
                if ("it.testata.access".equals(n.path("loggerName").asText()) && n.path("mdc").path("path").asText().equals("/privacy/")) {
                    access.add(n);
                }
            }
            Thread.sleep(100);
        }
        assertThat(access).hasSize(2);
        assertThat(access.stream().map(n -> n.path("mdc").path("request_id").asText())).containsExactly("primo-42", "secondo-43");
        assertThat(access.stream().map(n -> n.path("mdc").path("network").asText())).containsOnly("203.0.113.0/24");
        assertThat(access.stream().map(n -> n.path("mdc").path("status").asText())).containsOnly("200");
        assertThat(access.get(1).path("mdc").path("route").asText()).isEqualTo("cached");
        String all = Files.readString(log);
        assertThat(all).doesNotContain("203.0.113.77").doesNotContain("riservato");
        for (String line : all.lines().filter(l -> !l.isBlank()).toList()) {
            assertThat(line).as("every line is JSON").startsWith("{");
        }
    }
}
