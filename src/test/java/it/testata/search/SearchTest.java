package it.testata.search;

import it.testata.article.Status;
import it.testata.support.Content;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search at /?s= and /search/{term}/: Italian stemming and elision, English for an English site, titles ranked
 * above bodies, safe highlighted snippets, pages, and an index that follows every change within a second.
 */
class SearchTest {
    TestSite site;

    @TempDir
    Path posts;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.startWithDemo();
        within(10_000, () -> !titles("agenzia").isEmpty()); // the first build, in the background
    }

    @AfterEach
    void stop() {
        site.close();
    }

    static long within(long limitMillis, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            if (condition.getAsBoolean()) return (System.nanoTime() - start) / 1_000_000;
            if ((System.nanoTime() - start) / 1_000_000 > limitMillis) throw new AssertionError("not seen within " + limitMillis + " ms");
            Thread.sleep(50);
        }
    }

    Document search(String typed) {
        var r = site.get("/?s=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    List<String> titles(String typed) {
        return search(typed).select(".search-result h2 a").eachText();
    }

    long article(String slug, String title, String body, Status status, Instant published) {
        return Content.article(site, slug, title, body, status, published, "Luca Neri", "Cronaca", List.of());
    }

    @Test
    void italianStemmingFindsOtherFormsOfAWord() {
        Document d = search("relazione");
        assertThat(d.select(".search-result h2 a").eachText()).contains("Meno campanili, più valle",
                "Bilancio comunale, la minoranza chiede più fondi per le frazioni");
        // the opinion piece only says "relazioni": found through the stem, and highlighted as written
        assertThat(d.select(".snippet mark").eachText()).contains("relazioni", "relazione");
        assertThat(titles("relazioni")).containsExactlyInAnyOrderElementsOf(titles("relazione"));
    }

    @Test
    void elisionFindsAWordAfterAnApostrophe() {
        Document d = search("agenzia");
        assertThat(d.select(".search-result h2 a").eachText().getFirst())
                .isEqualTo("L'agenzia per il lavoro apre uno sportello a San Vito");
        assertThat(d.select(".search-result h2 mark").first().text()).isEqualTo("L'agenzia");
    }

    @Test
    void aMatchInTheTitleRanksAboveMatchesInTheBody() throws Exception {
        article("fiera", "Le novità della fiera d'autunno",
                "Zafferano, zafferano e ancora zafferano: ogni banco della fiera vendeva zafferano.", Status.PUBLISHED,
                Instant.parse("2026-11-25T08:00:00Z"));
        article("zafferano", "Lo zafferano della valle", "Una coltivazione antica torna sulle colline.", Status.PUBLISHED,
                Instant.parse("2026-08-01T08:00:00Z"));
        within(1_000, () -> titles("zafferano").size() == 2);
        assertThat(titles("zafferano")).containsExactly("Lo zafferano della valle", "Le novità della fiera d'autunno");
    }

    @Test
    void titlesAndSnippetsAreEscapedWithTheMatchesMarked() throws Exception {
        article("ornitorinco", "Tom & Jerry <b>ornitorinco</b>",
                "Il codice `<script>alert(1)</script>` accanto alla parola ornitorinco.", Status.PUBLISHED,
                Instant.parse("2026-11-01T08:00:00Z"));
        within(1_000, () -> !titles("ornitorinco").isEmpty());
        String html = site.get("/?s=ornitorinco").body();
        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<b>ornitorinco");
        Document d = Jsoup.parse(html);
        assertThat(d.select(".search-result h2 a").text()).isEqualTo("Tom & Jerry <b>ornitorinco</b>");
        assertThat(d.select(".search-result h2 mark").text()).isEqualTo("ornitorinco");
        assertThat(d.select(".snippet").text()).contains("<script>alert(1)</script>");
        assertThat(d.select(".snippet mark").eachText()).isNotEmpty().allMatch("ornitorinco"::equals);
        assertThat(d.select(".search-result time").attr("datetime")).startsWith("2026-11-01T09:00");
        assertThat(d.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
    }

    @Test
    void nothingFoundSaysSoAndSuggestsOtherWords() {
        Document d = search("xyzzyqwerty");
        assertThat(d.select(".search-result")).isEmpty();
        assertThat(d.select(".search-none").text()).contains("Nessun articolo corrisponde a «xyzzyqwerty».")
                .contains("Prova con altre parole");
        assertThat(d.select("#s-main").val()).isEqualTo("xyzzyqwerty");
        assertThat(search("").select(".search-none").text()).contains("Scrivi una o più parole");
    }

    @Test
    void resultsArePaginatedAtBothAddressesAndOnlyPublicArticlesAreFound() throws Exception {
        for (int i = 1; i <= 12; i++) {
            article("lampione-" + i, "Lampione numero " + i, "Un lampione nuovo in via " + i + ".", Status.PUBLISHED,
                    Instant.parse("2026-07-01T08:00:00Z").plus(i, ChronoUnit.DAYS));
        }
        article("lampione-bozza", "Lampione in bozza", "Un lampione.", Status.DRAFT, Instant.parse("2026-07-20T08:00:00Z"));
        article("lampione-futuro", "Lampione futuro", "Un lampione.", Status.PUBLISHED, Instant.now().plus(2, ChronoUnit.DAYS));
        within(1_000, () -> search("lampione").select(".search-count").text().equals("12 risultati"));
        Document first = search("lampione");
        assertThat(first.select(".search-result")).hasSize(10);
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/search/lampione/page/2/");
        Document second = Jsoup.parse(site.get("/search/lampione/page/2/").body());
        assertThat(second.select(".search-result")).hasSize(2);
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/search/lampione/");
        assertThat(Jsoup.parse(site.get("/search/lampione/").body()).select(".search-result h2 a").eachText())
                .isEqualTo(first.select(".search-result h2 a").eachText());
        assertThat(first.text()).doesNotContain("Lampione in bozza").doesNotContain("Lampione futuro");
        assertThat(site.get("/search/lampione/page/3/").statusCode()).isEqualTo(404);
        assertThat(site.get("/search/lampione").statusCode()).isEqualTo(301);
        assertThat(site.get("/search/due+parole/").statusCode()).isEqualTo(200);
    }

    @Test
    void theIndexFollowsEditsUnpublishingAndScheduledPublicationWithinASecond() throws Exception {
        article("giraffa", "Una notizia qualunque", "Testo.", Status.PUBLISHED, Instant.parse("2026-11-02T08:00:00Z"));
        within(1_000, () -> !titles("qualunque").isEmpty());
        article("giraffa", "Arriva la giraffa", "Testo.", Status.PUBLISHED, Instant.parse("2026-11-02T08:00:00Z"));
        within(1_000, () -> titles("giraffa").equals(List.of("Arriva la giraffa")) && titles("qualunque").isEmpty());
        article("giraffa", "Arriva la giraffa", "Testo.", Status.DRAFT, Instant.parse("2026-11-02T08:00:00Z"));
        within(1_000, () -> titles("giraffa").isEmpty());
        Instant soon = Instant.now().plusSeconds(2);
        article("canguro", "Arriva il canguro", "Testo.", Status.PUBLISHED, soon);
        Thread.sleep(500);
        assertThat(titles("canguro")).isEmpty();
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), soon).toMillis()));
        within(1_000, () -> titles("canguro").equals(List.of("Arriva il canguro")));
    }

    @Test
    void theIndexFollowsAnImportMadeByAnotherProcess() throws Exception {
        Files.writeString(posts.resolve("pellicano.md"), """
                ---
                title: "Un pellicano sul Tessera"
                standfirst: "Avvistato alla Fornace."
                author: Giulia Bertolini
                date: 2026-11-25T07:00:00+01:00
                category: Cronaca
                ---
                Nessuno ricorda un pellicano da queste parti.
                """);
        TestSite.Cli r = site.cli("import-markdown", posts.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        within(1_000, () -> titles("pellicano").equals(List.of("Un pellicano sul Tessera")));
    }

    @Test
    void aSecondServerOnTheSameDatabaseKeepsItsOwnIndexInStep() throws Exception {
        try (TestSite second = TestSite.sharing(site).start(false)) {
            within(10_000, () -> !Jsoup.parse(second.get("/?s=agenzia").body()).select(".search-result").isEmpty());
            article("fenicottero", "Un fenicottero in valle", "Raro.", Status.PUBLISHED, Instant.parse("2026-11-03T08:00:00Z"));
            within(1_000, () -> Jsoup.parse(second.get("/?s=fenicottero").body()).select(".search-result h2 a").eachText()
                    .equals(List.of("Un fenicottero in valle")));
        }
    }

    @Test
    void anEnglishSiteSearchesWithEnglishStemming() throws Exception {
        site.site().settings.update(Map.of("locale", "en"));
        Content.article(site, "reports", "The council publishes its reports", "Every committee reported its spending.",
                Status.PUBLISHED, Instant.parse("2026-11-04T08:00:00Z"), "Luca Neri", "News", List.of());
        within(5_000, () -> titles("report").equals(List.of("The council publishes its reports")));
        Document d = search("publishing");
        assertThat(d.select(".search-result h2 a").eachText()).containsExactly("The council publishes its reports");
        assertThat(d.select("h1").text()).isEqualTo("Search results for “publishing”");
        assertThat(search("nothingatall").select(".search-none").text()).contains("Try other words");
    }

    @Test
    void aMissingOrCorruptIndexIsRebuiltAtStartWhileTheSiteServes() throws Exception {
        Path folder = site.site().searchFolder();
        site.stop();
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("segments_") || f.getFileName().toString().endsWith(".cfs")
                        || f.getFileName().toString().endsWith(".si")) {
                    Files.write(f, "not an index".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        site.start(false);
        assertThat(site.get("/").statusCode()).isEqualTo(200);
        // while the index is rebuilt, search answers too: with the results, or saying the index is being prepared
        Document meanwhile = search("agenzia");
        assertThat(meanwhile.select(".search-result").isEmpty() ? meanwhile.select(".search-none").text() : "found")
                .isIn("found", "Stiamo preparando l'indice di ricerca: riprova fra qualche istante.");
        within(10_000, () -> !titles("agenzia").isEmpty());
        site.stop();
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(folder);
        site.start(false);
        within(10_000, () -> !titles("agenzia").isEmpty());
    }

    @Test
    void theReindexCommandRebuildsTheIndexOrAsksTheRunningServerTo() throws Exception {
        TestSite.Cli running = site.cli("reindex");
        assertThat(running.exit()).as(running.err()).isZero();
        assertThat(running.out()).contains("a running server holds the index");
        within(5_000, () -> !titles("agenzia").isEmpty());
        site.stop();
        TestSite.Cli offline = site.cli("reindex");
        assertThat(offline.exit()).as(offline.err()).isZero();
        assertThat(offline.out()).containsPattern("indexed \\d+ articles in \\d+ ms");
        site.start(false);
        within(5_000, () -> !titles("agenzia").isEmpty());
    }
}
