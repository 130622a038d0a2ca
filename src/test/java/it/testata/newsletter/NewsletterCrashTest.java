package it.testata.newsletter;

import it.testata.Site;
import it.testata.article.ArticleDraft;
import it.testata.article.Status;
import it.testata.support.MailServer;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the server in the middle of a newsletter, then a restart: every subscriber gets the article, and at
 * most one gets it twice (the message the relay had accepted when the process died, before its row said so).
 */
class NewsletterCrashTest {
    static final int READERS = 150;
    final TestSite data = TestSite.create();
    final MailServer smtp = MailServer.started();
    Process server;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        data.close();
        smtp.close();
    }

    @Test
    void killNineMidNewsletterThenRestartEveryoneHasOneCopyAtMostOneHasTwo() throws Exception {
        int port = MailServer.freePort();
        try (Site s = Site.open(data.config)) {
            smtp.configure(s, 1200); // 20 a second, so the kill lands mid-send
            s.settings.update(Map.of("base_url", "http://127.0.0.1:" + port));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < READERS; i++) lines.add("lettore" + i + "@example.test");
            assertThat(s.newsletter.importLines(lines, true, "198.51.100.0").added()).isEqualTo(READERS);
        }
        server = startServer(port);
        waitForHealth("http://127.0.0.1:" + port);
        try (Site s = Site.open(data.config)) { // the newsroom publishes from another process
            NewsletterService.withChoice(true, () -> s.articles.create(new ArticleDraft("edizione-speciale", "Edizione speciale",
                    "", "Testo.", Status.PUBLISHED, Instant.now().minusSeconds(1), "Redazione", null, List.of()), null));
        }
        smtp.await(30, Duration.ofSeconds(60));
        server.destroyForcibly(); // SIGKILL
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        int atKill = smtp.received().size();
        assertThat(atKill).as("the kill came mid-send").isLessThan(READERS);

        data.start(false); // the restarted server takes the mailer lease once the dead one's expires
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (data.site().mail.outbox().counts().get("queued") > 0 && System.nanoTime() < end) Thread.sleep(200);
        Thread.sleep(1500);
        Map<String, Integer> copies = new HashMap<>();
        for (var m : smtp.received()) copies.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
        assertThat(copies).hasSize(READERS);
        long twice = copies.values().stream().filter(n -> n == 2).count();
        assertThat(copies.values()).allMatch(n -> n == 1 || n == 2);
        assertThat(twice).as("copies sent twice").isLessThanOrEqualTo(1);
        assertThat(data.site().mail.outbox().counts()).containsEntry("sent", READERS).containsEntry("queued", 0);
        System.out.println("newsletter crash: " + atKill + " received before kill -9, " + twice + " duplicate(s) after restart");
    }

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
        Path log = Files.createTempFile("testata-serve", ".log");
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    void waitForHealth(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new AssertionError("the server process ended with " + server.exitValue());
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not answer /healthz within 60 s");
    }
}
