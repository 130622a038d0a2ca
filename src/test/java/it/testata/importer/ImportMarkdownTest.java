package it.testata.importer;

import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** ./testata import-markdown, run as a separate process against a running site, as an operator would. */
class ImportMarkdownTest {
    TestSite site;

    @TempDir
    Path posts;

    @BeforeEach
    void start() {
        site = TestSite.startEmpty();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    static String post(String title, String author, String date, String category, String tags, String body) {
        return """
                ---
                title: "%s"
                standfirst: "Una frase che riassume: %s."
                author: %s
                date: %s
                category: %s
                tags: %s
                ---
                %s
                """.formatted(title, title, author, date, category, tags, body);
    }

    @Test
    void importsArticlesCreatingAuthorsCategoriesAndTagsByName() throws IOException {
        write(posts, "uno.md", post("Il mercato coperto riapre", "Marta Ferri", "2025-03-14T08:30:00+01:00",
                "Economia Locale", "[commercio, centro storico]", "Il **mercato** riapre.\n\nSecondo paragrafo."));
        write(posts, "due.md", post("Nuove piste ciclabili", "Marta Ferri", "2025-03-15", "Ambiente", "commercio",
                "Testo."));

        TestSite.Cli r = site.cli("import-markdown", posts.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported 2 articles, 0 failed");

        Document d = Jsoup.parse(site.get("/2025/03/14/il-mercato-coperto-riapre/").body());
        assertThat(d.select("h1").text()).isEqualTo("Il mercato coperto riapre");
        assertThat(d.select(".byline a[rel=author]").attr("href")).isEqualTo("/author/marta-ferri/");
        assertThat(d.select(".kicker a").attr("href")).isEqualTo("/category/economia-locale/");
        assertThat(d.select(".tags a").eachAttr("href")).containsExactly("/tag/centro-storico/", "/tag/commercio/");
        assertThat(d.select(".article-body strong").text()).isEqualTo("mercato");
        assertThat(site.get("/2025/03/15/nuove-piste-ciclabili/").statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(site.get("/tag/commercio/").body()).select("article.card")).hasSize(2);
    }

    @Test
    void runningAgainUpdatesTheSameArticlesInsteadOfCopyingThem() throws IOException {
        write(posts, "uno.md", post("Il mercato coperto riapre", "Marta Ferri", "2025-03-14T08:30:00+01:00",
                "Economia", "[commercio]", "Prima versione."));
        assertThat(site.cli("import-markdown", posts.toString()).exit()).isZero();
        write(posts, "uno.md", post("Il mercato coperto riapre", "Marta Ferri", "2025-03-14T08:30:00+01:00",
                "Economia", "[commercio, novità]", "Seconda versione, corretta.").replace(
                "title:", "slug: il-mercato-coperto-riapre\ntitle:"));
        TestSite.Cli again = site.cli("import-markdown", posts.toString());
        assertThat(again.exit()).as(again.err()).isZero();

        Document home = Jsoup.parse(site.get("/").body());
        assertThat(home.select(".lead-story, article.card, article.story")).hasSize(1); // one article, shown once
        Document d = Jsoup.parse(site.get("/2025/03/14/il-mercato-coperto-riapre/").body());
        assertThat(d.select(".article-body").text()).isEqualTo("Seconda versione, corretta.");
        assertThat(d.select(".tags a").eachText()).containsExactly("commercio", "novità");
    }

    @Test
    void aBadFileIsReportedByNameAndTheOthersStillImport() throws IOException {
        write(posts, "buono.md", post("Articolo valido", "Luca Neri", "2025-01-10", "Cronaca", "[]", "Testo."));
        write(posts, "senza-titolo.md", "---\nauthor: Luca Neri\ndate: 2025-01-11\n---\nTesto.\n");
        write(posts, "data-sbagliata.md", post("Data sbagliata", "Luca Neri", "ieri", "Cronaca", "[]", "Testo."));
        write(posts, "senza-front-matter.md", "Solo testo, niente intestazione.\n");

        TestSite.Cli r = site.cli("import-markdown", posts.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("senza-titolo.md: missing title");
        assertThat(r.err()).contains("data-sbagliata.md: date 'ieri' is not a date");
        assertThat(r.err()).contains("senza-front-matter.md: no front matter");
        assertThat(r.out()).contains("imported 1 articles, 3 failed");
        assertThat(site.get("/2025/01/10/articolo-valido/").statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingFolderIsAUsageError() {
        TestSite.Cli r = site.cli("import-markdown", posts.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not a folder");
    }
}
