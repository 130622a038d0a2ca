package it.testata.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Article bodies keep their structure and lose anything that could run. */
class MarkdownTest {
    @Test
    void rendersTheStructureAnArticleNeeds() {
        String html = Markdown.toSafeHtml("""
                Un paragrafo con **grassetto**, *corsivo* e un [link](https://www.istat.it).

                ## Un sottotitolo

                > Una citazione.

                - uno
                - due

                1. primo

                ![Il ponte](https://example.org/ponte.jpg "Il ponte")
                """);
        assertThat(html).contains("<strong>grassetto</strong>", "<em>corsivo</em>", "<h2>Un sottotitolo</h2>",
                "<blockquote>", "<ul>", "<li>uno</li>", "<ol>", "src=\"https://example.org/ponte.jpg\"", "alt=\"Il ponte\"");
        assertThat(html).contains("href=\"https://www.istat.it\"");
    }

    @Test
    void dropsScriptsEventHandlersAndJavascriptLinks() {
        String html = Markdown.toSafeHtml("""
                <script>alert(1)</script>

                <p onclick="alert(2)">testo</p>

                <img src="x.png" onerror="alert(3)">

                [clic](javascript:alert(4))

                <a href="javascript:alert(5)">a</a>

                <iframe src="https://evil.example"></iframe>

                <style>body{display:none}</style>

                <p style="position:fixed">stile</p>
                """);
        assertThat(html).doesNotContain("<script", "alert", "onclick", "onerror", "javascript:", "<iframe", "<style", "style=");
        assertThat(html).contains("testo", "stile");
    }

    @Test
    void aHeadingOneInTheBodyBecomesAHeadingTwoSoTheTitleStaysTheOnlyH1() {
        assertThat(Markdown.toSafeHtml("# Titolo nel corpo")).isEqualTo("<h2>Titolo nel corpo</h2>\n");
    }

    @Test
    void slugsFollowTheNames() {
        assertThat(Slugs.of("Marta Ferri")).isEqualTo("marta-ferri");
        assertThat(Slugs.of("L'agenzia è già qui!")).isEqualTo("l-agenzia-e-gia-qui");
        assertThat(Slugs.of("  Perché?  ")).isEqualTo("perche");
    }
}
