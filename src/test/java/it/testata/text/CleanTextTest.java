package it.testata.text;

import it.testata.support.TestSite;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one cleaning of incoming text, and the ways in that go through it without a form: settings and Markdown import. */
class CleanTextTest {
    @Test
    void removesControlCharactersButTabAndNewlineAndNormalisesCarriageReturns() {
        assertThat(CleanText.text("a\u0000b\u0001c\u001fd\u007fe\u0080f\u009fg")).isEqualTo("abcdefg");
        assertThat(CleanText.text("uno\r\ndue\rtre\n\tquattro")).isEqualTo("uno\ndue\ntre\n\tquattro");
        assertThat(CleanText.line("uno\r\ndue\ntre\u0000")).isEqualTo("uno due tre");
        assertThat(CleanText.text("emoji \uD83D\uDE00 ok, half \uD800 gone")).isEqualTo("emoji \uD83D\uDE00 ok, half  gone");
        assertThat(CleanText.text("àèìòù € “quoted” — ok")).isEqualTo("àèìòù € “quoted” — ok");
        assertThat(CleanText.text(null)).isNull();
        assertThat(CleanText.hasControl("a@b.example")).isFalse();
        assertThat(CleanText.hasControl("a\u0000@b.example")).isTrue();
        assertThat(CleanText.hasControl("a\r")).isTrue();
    }

    @Test
    void settingsAndMarkdownImportAreCleanedOnTheWayIn() throws Exception {
        try (TestSite site = TestSite.startEmpty()) {
            site.site().settings.update(Map.of("site_name", "Il\u0000 Foglio\u0085", "tagline", "Notizie\u0007 locali"));
            assertThat(site.site().settings.current().siteName()).isEqualTo("Il Foglio");
            assertThat(site.site().settings.current().tagline()).isEqualTo("Notizie locali");
            assertThat(site.cli("settings", "site_name=Il\u0001Giornale").exit()).isEqualTo(0);
            assertThat(site.site().settings.rows().get("site_name")).isEqualTo("IlGiornale");

            Path dir = Files.createTempDirectory(site.dataDir, "md-");
            Files.writeString(dir.resolve("a.md"), "---\r\ntitle: \"Tito\u0085lo\"\r\nauthor: Ada\u0000 Rossi\r\ndate: 2026-10-01T10:00:00+02:00\r\n"
                    + "status: published\r\n---\r\nCorpo\u0000 del\u009b testo.\r\n");
            assertThat(site.cli("import-markdown", dir.toString()).exit()).isEqualTo(0);
            var a = site.site().articles.publicArticle("titolo").orElseThrow();
            assertThat(a.title()).isEqualTo("Titolo");
            assertThat(a.author().name()).isEqualTo("Ada Rossi");
            assertThat(a.bodyMd()).isEqualTo("Corpo del testo.");
        }
    }
}
