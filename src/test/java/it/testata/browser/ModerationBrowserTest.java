package it.testata.browser;

import it.testata.account.Role;
import it.testata.article.Article;
import it.testata.comment.CommentForm;
import it.testata.comment.CommentRecord;
import it.testata.comment.CommentService;
import it.testata.comment.CommentStatus;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator in a real browser with JavaScript on: signs in, moves through the queue with j and k, approves a
 * comment with a, and the comment is then on the public page. The shortcuts do nothing while typing in a field.
 */
class ModerationBrowserTest {
    static final String PASSWORD = "correct horse battery";
    static final String SLUG = "il-fiume-non-e-un-nemico";
    static final String PATH = "/2026/11/20/il-fiume-non-e-un-nemico/";

    TestSite site;
    Browser browser;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        site = TestSite.startWithDemo();
        site.site().settings.update(Map.of("comments.flood_seconds", "0"));
        site.site().accounts.add("mara@example.org", "Mara Conti", Role.MODERATOR, PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
        if (site != null) site.close();
    }

    /** A comment submitted as the form would, from its own e-mail and network; held, since it is a first comment. */
    static CommentRecord held(TestSite site, String slug, String author, String text, String net) {
        Article a = site.site().articles.publicArticle(slug).orElseThrow();
        String email = author.toLowerCase().replace(' ', '.') + "@esempio.it";
        var outcome = site.site().commentService.submit(a, new CommentForm(a.id(), null, author, email, "", text, false, "", ""),
                site.site().settings.current().comments(), site.site().settings.current().spam(), net, "test");
        long id = switch (outcome) {
            case CommentService.Outcome.Held h -> h.id();
            default -> throw new AssertionError("not held: " + outcome);
        };
        return site.site().commentService.find(id).orElseThrow();
    }

    /** Signs in through the form, as a person would. */
    static void signIn(Browser b, TestSite site, String email, String password, String next) {
        b.open(site.url("/admin/login?next=" + next));
        b.find("#email").sendKeys(email);
        b.find("#password").sendKeys(password);
        b.find("form[action='/admin/login'] button[type=submit]").click();
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/admin/login"));
    }

    @Test
    void aModeratorApprovesACommentWithTheKeyboardAndItAppearsOnThePublicPage() throws InterruptedException {
        CommentRecord older = held(site, SLUG, "Piero Sarti", "Il ponte nuovo regge meglio del vecchio.", "198.51.100.0/24");
        CommentRecord newer = held(site, SLUG, "Lia Fonti", "Aspettiamo la piena di primavera.", "203.0.113.0/24");
        browser = Browser.start();
        signIn(browser, site, "mara@example.org", PASSWORD, "/admin/comments");
        assertThat(browser.currentUrl()).endsWith("/admin/comments");
        assertThat(browser.find(".queue-item.selected").getAttribute("id")).isEqualTo("comment-" + newer.id());

        // typing in a field (here the selection checkbox) does not trigger a shortcut
        browser.find("#select-" + newer.id()).click();
        new Actions(browser.driver()).sendKeys("a").perform();
        assertThat(browser.currentUrl()).endsWith("/admin/comments");
        new Actions(browser.driver()).sendKeys(browser.find("#select-" + newer.id()), " ").perform();
        browser.find("h1").click(); // leave the field

        new Actions(browser.driver()).sendKeys("j").perform();
        assertThat(browser.find(".queue-item.selected").getAttribute("id")).isEqualTo("comment-" + older.id());
        assertThat(browser.focused().getAttribute("id")).isEqualTo("comment-" + older.id());
        new Actions(browser.driver()).sendKeys("k").perform();
        assertThat(browser.find(".queue-item.selected").getAttribute("id")).isEqualTo("comment-" + newer.id());
        new Actions(browser.driver()).sendKeys("j").perform();
        new Actions(browser.driver()).sendKeys("a").perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("done=approve"));
        assertThat(browser.find(".notice").getText()).isEqualTo("Commento approvato.");
        assertThat(site.site().commentService.find(older.id()).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
        assertThat(site.site().commentService.find(newer.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);

        // the next shortcut works on the reloaded page too: s sends the remaining one to Spam
        new Actions(browser.driver()).sendKeys("s").perform();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("done=spam"));
        assertThat(site.site().commentService.find(newer.id()).orElseThrow().status()).isEqualTo(CommentStatus.SPAM);

        long deadline = System.currentTimeMillis() + 3000;
        String page = "";
        while (System.currentTimeMillis() < deadline) {
            page = site.get(PATH).body();
            if (page.contains("Il ponte nuovo regge meglio del vecchio.")) break;
            Thread.sleep(50);
        }
        assertThat(page).contains("Il ponte nuovo regge meglio del vecchio.").doesNotContain("Aspettiamo la piena di primavera.");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
