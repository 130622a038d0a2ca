package it.testata.comment;

import it.testata.account.Role;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site behind a real nginx that appends the peer to X-Forwarded-For ($proxy_add_x_forwarded_for), as
 * docs/OPERATIONS.md shows. nginx reaches the site from 127.0.0.3, the only trusted proxy; readers reach nginx from
 * 127.0.0.1. A reader who writes X-Forwarded-For themselves, a new address on every request, still meets the login
 * lockout and the comment flood limit, because the client is the rightmost address that is not a trusted proxy.
 */
class BehindNginxTest {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final String PASSWORD = "correct horse battery";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static TestSite site;
    static Path dir;
    static Process nginx;
    static String front;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "nginx is not installed at /usr/sbin/nginx (apt-get install nginx): test skipped");
        site = TestSite.startWithDemo();
        site.site().settings.update(Map.of("server.trusted_proxies", "127.0.0.3", "comments.moderation", "open"));
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.AUTHOR, PASSWORD.toCharArray());
        dir = Files.createTempDirectory("testata-nginx-");
        int port = freePort();
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://127.0.0.1:%3$d;
                            proxy_bind 127.0.0.3;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }
                """.formatted(dir, port, site.site().port()));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        front = "http://127.0.0.1:" + port;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port)) {
            if (!nginx.isAlive() || System.nanoTime() > until) {
                throw new AssertionError("nginx did not start: " + Files.readString(dir.resolve("stdout.log"))
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) nginx.destroyForcibly();
        }
        if (site != null) site.close();
        if (dir != null) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void thirtyWrongPasswordsWithRotatedForwardedForAreLockedOutAfterFive() throws Exception {
        List<Integer> codes = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            codes.add(login("ada@example.org", "wrong " + i, "198.51." + i + "." + i).statusCode());
        }
        // four refusals, then the fifth failure locks the account for this network, whatever the header says
        assertThat(codes.subList(0, 4)).as(codes.toString()).containsOnly(401);
        assertThat(codes.subList(4, 30)).as(codes.toString()).containsOnly(429);
        assertThat(login("ada@example.org", PASSWORD, "203.0.113.9").statusCode()).isEqualTo(429);
        System.out.println("behind nginx, 30 wrong passwords with rotated X-Forwarded-For: "
                + codes.stream().filter(c -> c == 401).count() + " checked (401), then "
                + codes.stream().filter(c -> c == 429).count() + " refused (429)");
    }

    @Test
    void rotatedForwardedForDoesNotEscapeTheCommentFloodLimit() {
        CommentPoster poster = new CommentPoster(front, site.site().settings.signingKey());
        long article = CommentPoster.articleId(site, DEMO_SLUG);
        HttpResponse<String> first = poster.form(article).author("Primo").email("primo@example.org")
                .header("X-Forwarded-For", "192.0.2.1").text("Il primo commento.").post();
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        int refused = 0;
        for (int i = 2; i <= 6; i++) {
            HttpResponse<String> r = poster.form(article).author("Altro " + i).email("altro" + i + "@example.org")
                    .header("X-Forwarded-For", "192.0." + i + "." + i + ", 10.0.0." + i).text("Ancora " + i).post();
            if (r.statusCode() == 429) refused++;
        }
        assertThat(refused).isEqualTo(5);
        // the stored network is the reader's real one (nginx saw 127.0.0.1), not what the header claimed
        assertThat(site.site().commentService.list(null, null)).extracting(CommentRecord::ipNet).containsOnly("127.0.0.0/24");
    }

    @Test
    void aForwardedForSentStraightToTheSiteIsIgnored() throws Exception {
        // not through nginx: the peer (127.0.0.1) is no trusted proxy, so its header counts for nothing
        String direct = "http://127.0.0.1:" + site.site().port();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(direct + "/admin/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.1").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(v -> v.toLowerCase().contains("secure"));
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** Opens the sign-in form through nginx and sends it, both requests with this forged X-Forwarded-For. */
    private static HttpResponse<String> login(String email, String password, String forged) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(front + "/admin/login"))
                .header("X-Forwarded-For", forged).GET().build(), HttpResponse.BodyHandlers.ofString());
        String token = Jsoup.parse(form.body()).selectFirst("form[action=/admin/login] input[name=csrf]").val();
        String body = Map.of("csrf", token, "email", email, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(front + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", forged)
                .header("Cookie", "testata_login=" + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
