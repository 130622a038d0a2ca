package it.testata.browser;

import it.testata.comment.CommentService;
import it.testata.support.Browser;
import it.testata.support.Content;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 390 px phone, a refused comment comes back with the page at the form (#respond) and its message in view
 * (and focused, with JavaScript), the article's tags still there; a newsroom reply carries the "Redazione" mark.
 */
class CommentErrorBrowserTest {
    static final String SLUG = "riapre-il-ponte-sul-tessera-dopo-otto-mesi-di-lavori";
    static final String PATH = "/2026/09/15/" + SLUG + "/";

    static TestSite site;

    @BeforeAll
    static void start() {
        Browser.assumeAvailable();
        site = TestSite.startWithDemo();
        site.site().settings.update(Map.of("comments.flood_seconds", "0"));
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    private static long messageTop(Browser b) {
        return ((Number) b.driver().executeScript(
                "return Math.round(document.getElementById('comment-message').getBoundingClientRect().top)")).longValue();
    }

    @Test
    void aRefusedCommentOpensAtTheFormWithItsMessageInViewAndTheTagsKept() {
        for (boolean js : new boolean[]{false, true}) {
            try (Browser b = Browser.start(new Browser.Options().javaScript(js).window(390, 844)).phone()) {
                b.open(site.url(PATH));
                assertThat(b.findAll(".tags a")).isNotEmpty();
                CommentBrowserTest.type(b, "author", "Elena Conti");
                CommentBrowserTest.submit(b);
                assertThat(b.currentUrl()).as("js " + js).endsWith("/comments/#respond");
                WebElement message = b.find("#comment-message");
                assertThat(message.getText()).contains("non è stato ancora inviato");
                assertThat(messageTop(b)).as("js " + js).isBetween(0L, 844L);
                if (js) assertThat(b.focused().getAttribute("id")).isEqualTo("comment-message");
                assertThat(b.find("#author").getDomProperty("value")).isEqualTo("Elena Conti");
                assertThat(b.findAll(".tags a")).extracting(WebElement::getText).contains("trasporti", "fiume");
            }
        }
    }

    @Test
    void aReplyFromTheModerationQueueIsMarkedAsTheNewsrooms() {
        long reader = Content.approvedComment(site, SLUG, "Nino Pace", "nino@example.org", "Quando riapre del tutto?");
        var written = site.site().commentService.reply(reader, "Giulia Bertolini", "giulia@example.org", "",
                "Da lunedì, senza limiti per le auto.", site.site().settings.current().comments());
        long staff = ((CommentService.Written.Saved) written).id();
        Document d = Jsoup.parse(site.get(PATH).body());
        assertThat(d.select("#comment-" + staff + ".comment-staff .staff-badge").text()).isEqualTo("Redazione");
        assertThat(d.select("#comment-" + reader + " > .comment-body .staff-badge")).isEmpty();
    }
}
