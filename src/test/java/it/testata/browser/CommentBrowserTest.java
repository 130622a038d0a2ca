package it.testata.browser;

import it.testata.comment.CommentRecord;
import it.testata.comment.CommentService;
import it.testata.comment.CommentStatus;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader comments in a real browser. With JavaScript off: an invalid comment keeps what was typed, a valid
 * one waits for moderation and shows in place with the notice, a reply lands under its parent. With JavaScript
 * on: the reply link moves the form under the comment instead of reloading.
 */
class CommentBrowserTest {
    static final String PATH = "/2026/11/20/il-fiume-non-e-un-nemico/";
    static final String SLUG = "il-fiume-non-e-un-nemico";

    TestSite site;
    Browser browser;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        site = TestSite.startWithDemo();
        // one comment per network every 15 s would make this test wait; the flood rule has its own HTTP tests
        site.site().settings.update(Map.of("comments.flood_seconds", "0"));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        if (site != null) site.close();
    }

    /** The form refuses submissions made less than 3 s after the page was served, as a bot's would be. */
    static void likeAPersonTyping() throws InterruptedException {
        Thread.sleep(3_300);
    }

    /** Clicks the form's button and waits until the browser has left the page (a redirect or the form again). */
    static void submit(Browser b) {
        WebElement button = b.find("#submit");
        button.click();
        // gone from the page: stale, or (Chromium 156, while the next page replaces it) a node of the old document
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(15)).until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) return true;
                throw e;
            }
        });
    }

    static void type(Browser b, String id, String text) {
        WebElement e = b.find("#" + id);
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void withoutJavaScriptAReaderPostsAFixesAndRepliesWithNothingLost() throws Exception {
        browser = Browser.startWithoutJavaScript();
        browser.open(site.url(PATH));
        assertThat(browser.find("#reply-title").getText()).isEqualTo("Lascia un commento");
        assertThat(browser.find("label[for=author]").getText()).isEqualTo("Nome *");
        assertThat(browser.find("label[for=email]").getText()).isEqualTo("Email *");
        assertThat(browser.find("label[for=url]").getText()).isEqualTo("Sito web");
        assertThat(browser.find("label[for=comment]").getText()).isEqualTo("Commento *");
        assertThat(browser.find(".comment-notes").getText())
                .contains("Il tuo indirizzo email non sarà pubblicato.", "I campi obbligatori sono contrassegnati *");
        assertThat(browser.find("#remember").isSelected()).isFalse();
        assertThat(browser.find(".comment-privacy a").getAttribute("href")).isEqualTo(site.url("/privacy/"));

        // an invalid comment: the email is wrong; everything typed must come back
        String text = "Il ponte nuovo regge, ma la manutenzione degli argini?\nServe un piano.";
        type(browser, "comment", text);
        type(browser, "author", "Elena Conti");
        type(browser, "email", "elena-at-example");
        type(browser, "url", "https://elena.example.org");
        likeAPersonTyping();
        submit(browser);
        assertThat(browser.find("#email-error").getText()).isEqualTo("Questo indirizzo email non sembra valido.");
        assertThat(browser.find("#comment").getAttribute("value")).isEqualTo(text);
        assertThat(browser.find("#author").getAttribute("value")).isEqualTo("Elena Conti");
        assertThat(browser.find("#url").getAttribute("value")).isEqualTo("https://elena.example.org");
        assertThat(browser.find(".form-message").getText()).contains("non è stato ancora inviato");
        assertThat(site.site().commentService.list(null, SLUG)).isEmpty();

        // fixed: the comment waits for moderation and its author sees it in place with the notice
        type(browser, "email", "elena@example.org");
        likeAPersonTyping();
        submit(browser);
        List<CommentRecord> stored = site.site().commentService.list(null, SLUG);
        assertThat(stored).hasSize(1);
        CommentRecord first = stored.getFirst();
        assertThat(first.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(first.bodyRaw()).isEqualTo(text);
        assertThat(browser.currentUrl()).endsWith(PATH + "?moderazione=1#respond");
        WebElement mine = browser.find("#comment-" + first.id());
        assertThat(mine.findElement(By.cssSelector(".comment-awaiting-moderation")).getText())
                .isEqualTo("Il tuo commento è in attesa di moderazione.");
        assertThat(mine.findElement(By.cssSelector(".comment-content")).getText()).contains("Serve un piano.");
        // nobody else sees it
        assertThat(site.get(PATH).body()).doesNotContain("Serve un piano.");

        // a moderator approves it; another reader answers with the Rispondi link, still without JavaScript
        site.site().commentService.moderate(first.id(), CommentService.Action.APPROVE);
        browser.open(site.url(PATH));
        browser.find("#comment-" + first.id() + " .comment-reply-link").click();
        assertThat(browser.currentUrl()).contains("replytocom=" + first.id());
        assertThat(browser.find("#reply-title").getText()).startsWith("Rispondi a Elena Conti");
        assertThat(browser.find("#comment_parent").getAttribute("value")).isEqualTo(String.valueOf(first.id()));
        type(browser, "comment", "Concordo, e aggiungo: servono anche i fondi.");
        type(browser, "author", "Paolo Riva");
        type(browser, "email", "paolo@example.org");
        likeAPersonTyping();
        submit(browser);
        browser.fullPageScreenshot("comment-reply-no-js");
        CommentRecord reply = site.site().commentService.list(null, SLUG).getFirst();
        assertThat(reply.parentId()).isEqualTo(first.id());
        WebElement nested = browser.find("#comment-" + first.id() + " > ol.children > #comment-" + reply.id());
        assertThat(nested.getText()).contains("Paolo Riva", "servono anche i fondi", "Il tuo commento è in attesa di moderazione.");
        // Chromium logs the deliberate 422 of the invalid submission; nothing else may show up
        assertThat(browser.consoleErrors()).allMatch(e -> e.contains("status of 422"));
    }

    @Test
    void withJavaScriptTheReplyLinkMovesTheFormUnderTheComment() throws Exception {
        site.site().settings.update(Map.of("comments.moderation", "open"));
        browser = Browser.start();
        browser.open(site.url(PATH));
        type(browser, "comment", "Primo commento.");
        type(browser, "author", "Anna Bassi");
        type(browser, "email", "anna@example.org");
        likeAPersonTyping();
        submit(browser);
        long id = site.site().commentService.list(null, SLUG).getFirst().id();
        assertThat(browser.currentUrl()).endsWith(PATH + "#comment-" + id);

        String before = browser.currentUrl();
        browser.find("#comment-" + id + " .comment-reply-link").click();
        assertThat(browser.currentUrl()).isEqualTo(before); // no reload
        assertThat(browser.findAll("#comment-" + id + " #respond")).hasSize(1);
        assertThat(browser.find("#comment_parent").getAttribute("value")).isEqualTo(String.valueOf(id));
        assertThat(browser.focused().getAttribute("id")).isEqualTo("comment");
        browser.find("#cancel-comment-reply-link").click();
        assertThat(browser.findAll("#comment-" + id + " #respond")).isEmpty();
        assertThat(browser.find("#comment_parent").getAttribute("value")).isEqualTo("0");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
