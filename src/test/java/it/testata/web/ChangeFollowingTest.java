package it.testata.web;

import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change made by another process shows on a running server within a second, although the server had the
 * page in its cache: import-markdown while serving, and a second server on the same database.
 */
class ChangeFollowingTest {
    TestSite site;

    @TempDir
    Path posts;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** Polls until the condition holds; returns the milliseconds it took, or fails after the limit. */
    static long within(long limitMillis, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            if (condition.getAsBoolean()) return (System.nanoTime() - start) / 1_000_000;
            if ((System.nanoTime() - start) / 1_000_000 > limitMillis) {
                throw new AssertionError("not seen within " + limitMillis + " ms");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void anImportMadeWhileServingShowsOnTheHomePageWithinASecond() throws Exception {
        String before = site.get("/").body(); // the home page is now cached
        assertThat(site.get("/").headers().firstValue("ETag")).isPresent();
        assertThat(before).doesNotContain("Sagra della polenta");
        Files.writeString(posts.resolve("sagra.md"), """
                ---
                title: "Sagra della polenta, record di presenze"
                standfirst: "Oltre tremila persone in due giorni."
                author: Giulia Bertolini
                date: 2026-11-26T07:00:00+01:00
                category: Cronaca
                tags: [turismo]
                ---
                Una festa riuscita.
                """);
        TestSite.Cli r = site.cli("import-markdown", posts.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        long ms = within(1_000, () -> site.get("/").body().contains("Sagra della polenta, record di presenze"));
        assertThat(ms).isLessThanOrEqualTo(1_000);
        // the sidebar of every page follows too, not just the home page
        within(1_000, () -> Jsoup.parse(site.get("/category/sport/").body()).select(".recent-articles a").first()
                .text().equals("Sagra della polenta, record di presenze"));
    }

    @Test
    void aSecondServerOnTheSameDatabaseSeesTheFirstOnesChanges() throws Exception {
        try (TestSite second = secondServerOn(site)) {
            assertThat(second.get("/").body()).contains("Il Tessitore"); // cached on the second server
            site.site().settings.update(java.util.Map.of("site_name", "La Gazzetta del Tessera"));
            within(1_000, () -> Jsoup.parse(second.get("/").body()).select(".site-name").text()
                    .equals("La Gazzetta del Tessera"));
        }
    }

    @Test
    void settingsChangedFromTheCommandLineShowOnTheRunningSite() throws Exception {
        site.get("/"); // cached
        TestSite.Cli r = site.cli("settings", "locale=en", "tagline=News from the valley");
        assertThat(r.exit()).as(r.err()).isZero();
        within(1_000, () -> {
            var d = Jsoup.parse(site.get("/").body());
            return d.select("html").attr("lang").equals("en") && d.select(".tagline").text().equals("News from the valley");
        });
        var d = Jsoup.parse(site.get("/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/").body());
        assertThat(d.select(".byline time").text()).isEqualTo("October 23, 2026");
        assertThat(d.select("#w-recent-articles").text()).isEqualTo("Recent articles");
        assertThat(site.get("/nope/").body()).contains("Page not found");
    }

    @Test
    void badSettingsAreRefusedWithExitTwoAndChangeNothing() {
        TestSite.Cli r = site.cli("settings", "locale=fr");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("locale must be it or en");
        assertThat(site.cli("settings", "timezone=Mars/Olympus").err()).contains("is not a time zone");
        assertThat(site.cli("settings", "social.facebook=javascript:alert(1)").exit()).isEqualTo(2);
        assertThat(site.site().settings.current().locale()).isEqualTo("it");
    }

    /** Another server process on the same database (same SQLite file or same PostgreSQL schema). */
    static TestSite secondServerOn(TestSite first) throws IOException {
        TestSite second = TestSite.sharing(first);
        return second.start(false);
    }
}
