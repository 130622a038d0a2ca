package it.testata.media;

import it.testata.Config;
import it.testata.Site;
import it.testata.account.Role;
import it.testata.support.Pictures;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers on one database with different data folders, as behind a load balancer: an image uploaded through
 * A is served by B (from the database on the first request, then from B's own cache) with the same bytes and
 * immutable caching; deleting it on A removes it from B's cache too.
 */
class SharedMediaTest {
    static final String PASSWORD = "correct horse battery";

    @Test
    void anImageUploadedOnOneServerIsServedByAnother() throws Exception {
        try (TestSite a = TestSite.startEmpty()) {
            Path otherData = Files.createTempDirectory("testata-server-b-");
            Config b = new Config(otherData, a.config.jdbcUrl(), a.config.databaseUser(), a.config.databasePassword(),
                    0, "127.0.0.1");
            try (Site serverB = Site.open(b).serve()) {
                a.site().accounts.add("ed@example.org", "Elena Dori", Role.EDITOR, PASSWORD.toCharArray());
                StaffClient editor = StaffClient.signedIn(a, "ed@example.org", PASSWORD);
                byte[] png = Pictures.encode(Pictures.picture(900, 500, false), "png");
                assertThat(editor.postFiles("/admin/media", "files", Map.of("condivisa.png", png)).statusCode()).isEqualTo(303);
                Image img = a.site().images.recent(1).getFirst();

                for (String file : ImageService.files(img.name())) {
                    HttpResponse<byte[]> fromA = a.getBytes("/media/" + file);
                    HttpResponse<byte[]> fromB = get(serverB, "/media/" + file);
                    assertThat(fromB.statusCode()).as(file).isEqualTo(200);
                    assertThat(fromB.body()).as(file).isEqualTo(fromA.body());
                    assertThat(fromB.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
                    assertThat(fromB.headers().firstValue("Content-Type")).hasValue("image/png");
                    assertThat(otherData.resolve("media").resolve(file)).exists();
                }

                assertThat(editor.postForm("/admin/media/" + img.id() + "/delete", Map.of()).statusCode()).isEqualTo(303);
                long deadline = System.currentTimeMillis() + 5_000;
                while (Files.exists(otherData.resolve("media").resolve(img.name())) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(otherData.resolve("media").resolve(img.name())).doesNotExist();
                assertThat(get(serverB, img.url(0)).statusCode()).isEqualTo(404);
            } finally {
                try (var walk = Files.walk(otherData)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    static HttpResponse<byte[]> get(Site s, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
