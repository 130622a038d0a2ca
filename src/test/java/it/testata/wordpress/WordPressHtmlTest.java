package it.testata.wordpress;

import it.testata.article.Markdown;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** WordPress's stored HTML becomes clean article and comment HTML. */
class WordPressHtmlTest {

    @Test
    void classicContentGetsParagraphsFromBlankLinesAndBreaksFromSingleNewlines() {
        String html = WordPressHtml.article("Primo paragrafo con <strong>forza</strong>&nbsp;e <em>enfasi</em>.\n\n"
                + "Secondo, riga uno\nriga due.\n\n<h2>Un titolo</h2>\nTerzo dopo il titolo.\n\n"
                + "<ul>\n<li>uno</li>\n<li>due</li>\n</ul>\n\n<blockquote>Citazione</blockquote>\n\n<!--more-->\n\nUltimo.");
        assertThat(html).isEqualTo("""
                <p>Primo paragrafo con <strong>forza</strong>\u00a0e <em>enfasi</em>.</p>
                <p>Secondo, riga uno<br />
                riga due.</p>
                <h2>Un titolo</h2>
                <p>Terzo dopo il titolo.</p>
                <ul><li>uno</li><li>due</li></ul>
                <blockquote><p>Citazione</p></blockquote>
                <p>Ultimo.</p>""");
    }

    @Test
    void blockEditorCommentsGoAndItsParagraphsStayAsTheyAre() {
        String html = WordPressHtml.article("<!-- wp:paragraph -->\n<p>Uno\ncon un a capo nel sorgente.</p>\n<!-- /wp:paragraph -->\n\n"
                + "<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->\n\n<!-- wp:heading -->\n<h2>Titolo</h2>\n<!-- /wp:heading -->");
        assertThat(html).isEqualTo("<p>Uno\ncon un a capo nel sorgente.</p>\n<h2>Titolo</h2>");
    }

    @Test
    void captionShortcodesBecomeFiguresAndFramesBecomeLinks() {
        String html = WordPressHtml.article("Prima.\n\n[caption id=\"attachment_9001\" align=\"aligncenter\" width=\"800\"]"
                + "<img class=\"size-large wp-image-9001\" src=\"http://example.com/a.jpg\" alt=\"Foto\" width=\"800\" height=\"533\" />"
                + " La <em>didascalia</em>[/caption]\n\n"
                + "<iframe title=\"YouTube video player\" src=\"https://www.youtube.com/embed/abc\" width=\"560\"></iframe>\n\n"
                + "<iframe src=\"https://www.openstreetmap.org/export/embed.html?bbox=1\"></iframe>");
        assertThat(html).contains("<figure><img src=\"http://example.com/a.jpg\" alt=\"Foto\" width=\"800\" height=\"533\" />\n"
                        + "<figcaption>La <em>didascalia</em></figcaption>\n</figure>")
                .contains("<p><a href=\"https://www.youtube.com/embed/abc\" rel=\"noopener\">YouTube video player</a></p>")
                .contains("<a href=\"https://www.openstreetmap.org/export/embed.html?bbox&#61;1\" rel=\"noopener\">www.openstreetmap.org/export/embed.html</a>")
                .doesNotContain("[caption").doesNotContain("iframe").startsWith("<p>Prima.</p>");
    }

    @Test
    void whatTheSanitizerRefusesIsGone() {
        String html = WordPressHtml.article("<p onclick=\"x()\">Testo<script>alert(1)</script></p>\n\n"
                + "<a href=\"javascript:alert(1)\">link</a> <img src=\"x\" onerror=\"y()\">");
        assertThat(html).doesNotContain("script").doesNotContain("onclick").doesNotContain("javascript").doesNotContain("onerror");
    }

    @Test
    void theBodyReadAsMarkdownComesOutTheSame() {
        // the cleaned HTML is stored as body_md too: rendering it as Markdown must give the same HTML back
        String html = WordPressHtml.article("Uno *non enfasi* e _nemmeno_.\n\n    rientrato\n\n<h2>Titolo</h2>\n\n"
                + "<ul>\n\n<li>a</li>\n\n</ul>\n\n# non un titolo\n\n1. non una lista");
        assertThat(html).doesNotContain("\n\n");
        assertThat(Markdown.toSafeHtml(html).strip()).isEqualTo(html);
    }

    @Test
    void htmlAlreadyInParagraphsIsKeptAsItIs() {
        String ours = "<p>Uno.</p>\n<blockquote>\n<p>Citato.</p>\n<cite>Lei</cite></blockquote>\n<figure><img src=\"http://e.com/a.jpg\" />\n"
                + "<figcaption>Foto</figcaption>\n</figure>";
        assertThat(WordPressHtml.article(ours)).isEqualTo(ours);
    }

    @Test
    void commentsKeepWordPressesFewTagsWithLinksMarkedAsUserContent() {
        String html = WordPressHtml.comment("Bello! <b>davvero</b>\nseconda riga\n\nNe avevo scritto <a href=\"https://e.org/x\" rel=\"nofollow ugc\">qui</a>."
                + "<img src=x onerror=y()><h2>no</h2>");
        assertThat(html).startsWith("<p>Bello! <b>davvero</b><br />\nseconda riga</p>")
                .contains("<a href=\"https://e.org/x\" rel=\"nofollow noopener ugc\">qui</a>")
                .doesNotContain("img").doesNotContain("<h2>");
        assertThat(WordPressHtml.plainText("<p>Un &amp; due&nbsp;<em>tre</em></p>")).isEqualTo("Un & due tre");
    }
}
