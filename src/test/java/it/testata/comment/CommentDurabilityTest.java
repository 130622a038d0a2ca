package it.testata.comment;

import it.testata.Site;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comment whose 303 has arrived is on disk: the server process is killed with SIGKILL the moment the answer
 * comes back, and the data, opened again, has the comment.
 */
class CommentDurabilityTest {
    TestSite data;
    Process server;
    Path serverLog;

    @BeforeEach
    void prepare() {
        data = TestSite.create(); // a data folder (and database) with nothing serving it yet
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        data.close();
    }

    @Test
    void aCommentAnsweredWith303SurvivesAKillNineOfTheServer() throws Exception {
        // the site made and set up in this process, then served by another one
        byte[] key;
        long articleId;
        try (Site s = Site.open(data.config)) {
            s.seedDemoIfEmpty();
            s.settings.update(Map.of("comments.moderation", "open"));
            key = s.settings.signingKey();
            articleId = s.articles.publicArticle(DEMO_SLUG).orElseThrow().id();
        }
        int port = freePort();
        server = startServer(port);
        String base = "http://127.0.0.1:" + port;
        waitForHealth(base, server, serverLog);

        CommentPoster poster = new CommentPoster(base, key);
        assertThat(poster.get(DEMO_PATH).statusCode()).isEqualTo(200);
        String text = "Questo commento deve sopravvivere a kill -9.\nAnche con due righe.";
        HttpResponse<String> r = poster.form(articleId).author("Tenace").email("tenace@example.org")
                .url("https://tenace.example/").text(text).post();
        server.destroyForcibly(); // SIGKILL, the moment the answer is in
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(DEMO_PATH + "#comment-");
        long id = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));

        try (Site reopened = Site.open(data.config)) {
            List<CommentRecord> all = reopened.commentService.list(null, null);
            assertThat(all).hasSize(1);
            CommentRecord c = all.getFirst();
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.status()).isEqualTo(CommentStatus.APPROVED);
            assertThat(c.authorName()).isEqualTo("Tenace");
            assertThat(c.authorEmail()).isEqualTo("tenace@example.org");
            assertThat(c.bodyRaw()).isEqualTo(text);
        }
        // and a server on the reopened data shows it
        data.start(false);
        CommentPoster again = new CommentPoster(data);
        assertThat(again.page(DEMO_PATH).getElementById("comment-" + id)).isNotNull();
    }

    /** ./testata serve --port P --data DIR as its own JVM, on this test's database. */
    Process startServer(int port) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("it.testata.App");
        cmd.addAll(List.of("serve", "--no-demo", "--port", String.valueOf(port), "--data", data.dataDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TESTATA_DATABASE_URL");
        pb.environment().putAll(data.env());
        pb.environment().put("TESTATA_HOST", "127.0.0.1");
        serverLog = Files.createTempFile("testata-serve", ".log");
        return pb.redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
    }

    static void waitForHealth(String base, Process p, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new AssertionError("the server process ended with " + p.exitValue() + ":\n" + Files.readString(log));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not answer /healthz within 60 s:\n" + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
