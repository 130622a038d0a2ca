package it.testata.support;

import it.testata.Config;
import it.testata.Site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real site for a test: its own data folder, its own database (the embedded SQLite, or a fresh schema on the
 * PostgreSQL named by TESTATA_TEST_PG_URL when TESTATA_TEST_DB=postgres), a real HTTP server on a free port.
 */
public final class TestSite implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    public final Path dataDir;
    /**
     * The page cache's lag for what a comment's appearance changes on other pages (10 s as shipped): short here so
     * that a test waits for it briefly, but not zero, so that every test runs with the rule in force.
     */
    public static final long CACHE_LAG_MS = 500;

    public final Config config;
    private final String pgSchema;
    private final boolean owner;
    private Site site;

    private TestSite(Path dataDir, Config config, String pgSchema) {
        this(dataDir, config, pgSchema, true);
    }

    private TestSite(Path dataDir, Config config, String pgSchema, boolean owner) {
        this.dataDir = dataDir;
        this.config = config;
        this.pgSchema = pgSchema;
        this.owner = owner;
    }

    /** A second server on another site's database and data folder (not started); closing it leaves the data. */
    public static TestSite sharing(TestSite other) {
        return new TestSite(other.dataDir, other.config, null, false);
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getenv("TESTATA_TEST_DB"));
    }

    /** A new, empty site's configuration (database created, nothing started). */
    public static TestSite create() {
        return create(onPostgres());
    }

    /** A new, empty site's configuration on the embedded SQLite or on the test PostgreSQL, whichever this run uses. */
    public static TestSite create(boolean postgres) {
        try {
            Path dir = Files.createTempDirectory("testata-test-");
            if (!postgres) {
                return new TestSite(dir, new Config(dir, null, null, null, 0, "127.0.0.1"), null);
            }
            String admin = System.getenv("TESTATA_TEST_PG_URL");
            if (admin == null || admin.isBlank()) throw new IllegalStateException("TESTATA_TEST_DB=postgres needs TESTATA_TEST_PG_URL");
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection c = DriverManager.getConnection(admin, pgUser(), pgPassword());
                 Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            String url = admin + (admin.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new TestSite(dir, new Config(dir, url, pgUser(), pgPassword(), 0, "127.0.0.1"), schema);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot prepare a test site", e);
        }
    }

    /** An empty site, served. */
    public static TestSite startEmpty() {
        return create().start(false);
    }

    /** A site with the demo publication, served. */
    public static TestSite startWithDemo() {
        return create().start(true);
    }

    /** A site with the demo publication as ./testata serve loads it (pictures, logo, menus, comments), served. */
    public static TestSite startWithFullDemo() {
        TestSite t = create();
        t.site = Site.open(t.config);
        t.site.seedFullDemoIfEmpty();
        t.site.withCacheLag(CACHE_LAG_MS).serve();
        return t;
    }

    public TestSite start(boolean demo) {
        site = Site.open(config);
        if (demo) site.seedDemoIfEmpty();
        site.withCacheLag(CACHE_LAG_MS).serve();
        return this;
    }

    /** Stops the server, keeping the data; {@link #start} brings it back on the same data. */
    public void stop() {
        if (site != null) site.close();
        site = null;
    }

    public Site site() {
        return site;
    }

    /** Makes the test the site's proxy: server.trusted_proxies names loopback, so X-Forwarded-* headers count. */
    public TestSite trustLoopbackProxy() {
        if (!"127.0.0.1".equals(site.settings.rows().get("server.trusted_proxies"))) {
            site.settings.update(Map.of("server.trusted_proxies", "127.0.0.1"));
        }
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + site.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
    }

    /** The environment a separate testata process needs to reach this site's database. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TESTATA_DATA", dataDir.toString());
        if (config.databaseUrl() != null) {
            env.put("TESTATA_DATABASE_URL", config.databaseUrl());
            env.put("TESTATA_DATABASE_USER", pgUser());
            if (pgPassword() != null) env.put("TESTATA_DATABASE_PASSWORD", pgPassword());
        }
        return env;
    }

    /** Runs ./testata ARGS as a separate JVM on this site's data, as an operator would. */
    public Cli cli(String... args) {
        return cliWithInput(null, args);
    }

    /** Runs ./testata ARGS with this text as its standard input (closed after it; null leaves it open). */
    public Cli cliWithInput(String input, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("it.testata.App");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TESTATA_DATABASE_URL");
        pb.environment().putAll(env());
        try {
            Path out = Files.createTempFile("testata-cli-out", ".txt");
            Path err = Files.createTempFile("testata-cli-err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (input != null) {
                try (var stdin = p.getOutputStream()) {
                    stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("testata " + String.join(" ", args) + " did not finish");
            }
            return new Cli(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Cli(int exit, String out, String err) {}

    @Override
    public void close() {
        stop();
        if (!owner) return;
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(System.getenv("TESTATA_TEST_PG_URL"), pgUser(), pgPassword());
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + pgSchema + " CASCADE");
            } catch (SQLException ignored) {
                // a leftover schema in a throwaway cluster harms nothing
            }
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind harms nothing
        }
    }

    private static String pgUser() {
        String u = System.getenv("TESTATA_TEST_PG_USER");
        return u == null || u.isBlank() ? "postgres" : u;
    }

    private static String pgPassword() {
        String p = System.getenv("TESTATA_TEST_PG_PASSWORD");
        return p == null || p.isBlank() ? null : p;
    }
}
