package it.testata.browser;

import it.testata.account.Role;
import it.testata.article.Article;
import it.testata.article.StaffQuery;
import it.testata.article.Status;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article editor in a real browser with the strict CSP in force: sign in, write and publish an article with
 * a new tag (with the live preview on the way), schedule one, and the Preview button with JavaScript off.
 */
class EditorBrowserTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return;
        site = TestSite.startEmpty();
        site.site().accounts.add("giulia@example.org", "Giulia Sala", Role.AUTHOR, PASSWORD.toCharArray());
    }

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    static void signIn(Browser b) {
        b.open(site.url("/admin/articles"));
        b.find("#email").sendKeys("giulia@example.org");
        b.through(() -> b.find("#password").sendKeys(PASSWORD, Keys.ENTER), "/admin/articles");
    }

    static WebDriverWait waiting(Browser b) {
        // an element found on the page being left goes stale once the next one loads, or, asked while the document
        // changes, Chromium answers that the node "does not belong to the document" (a plain WebDriverException,
        // seen once in CI): look again
        return (WebDriverWait) new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class);
    }

    @Test
    void writeAndPublishAnArticleWithANewTagWatchingTheLivePreview() {
        try (Browser b = Browser.start()) {
            signIn(b);
            b.clickThrough("a.button[href='/admin/articles/new']", "/admin/articles/new");
            assertThat(b.find("h1").getText()).isEqualTo("Nuovo articolo");
            b.find("#title").sendKeys("La fiera d'autunno torna in piazza");
            b.find("#standfirst").sendKeys("Tre giorni di bancarelle e musica.");
            b.find("#body").sendKeys("Si parte **venerdì** alle 18.");
            waiting(b).until(d -> !b.findAll("#preview .preview-body strong").isEmpty());
            assertThat(b.find("#preview").isDisplayed()).isTrue();
            assertThat(b.find("#preview .preview-body strong").getText()).isEqualTo("venerdì");
            assertThat(b.find("#preview .preview-title").getText()).isEqualTo("La fiera d'autunno torna in piazza");
            assertThat(b.find("#slug").getDomProperty("placeholder")).isEqualTo("la-fiera-d-autunno-torna-in-piazza");
            b.find("#tags").sendKeys("Fiera d'autunno, Eventi");
            b.find("input[name=status][value=published]").click();
            b.screenshot("editor-new");
            b.clickThrough("button[value=save]", "?done=saved");

            assertThat(b.find("[role=status]").getText()).isEqualTo("L'articolo è stato salvato.");
            assertThat(b.consoleErrors()).isEmpty();
            b.clickThrough(".editor-links a[href^='/20']", "/la-fiera-d-autunno-torna-in-piazza/");
            assertThat(b.find("h1").getText()).isEqualTo("La fiera d'autunno torna in piazza");
            assertThat(b.find(".article-body strong").getText()).isEqualTo("venerdì");
            b.clickThrough(".tags a[href='/tag/fiera-d-autunno/']", "/tag/fiera-d-autunno/");
            assertThat(b.find("main").getText()).contains("La fiera d'autunno torna in piazza");
        }
    }

    @Test
    void scheduleAnArticleForTomorrow() {
        try (Browser b = Browser.start()) {
            signIn(b);
            b.open(site.url("/admin/articles/new"));
            b.find("#title").sendKeys("Il programma di domani");
            b.find("input[name=status][value=scheduled]").click();
            String tomorrow = LocalDateTime.now(ZoneId.of("Europe/Rome")).plusDays(1).withHour(10).withMinute(0)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            b.driver().executeScript("arguments[0].value = arguments[1];", b.find("#publish_at"), tomorrow);
            // Enter submits with the first button: Save
            b.through(() -> b.find("#title").sendKeys(Keys.ENTER), "?done=saved");
            assertThat(b.find("[role=status]").getText()).isEqualTo("L'articolo è stato salvato.");
            assertThat(b.find("input[name=status][value=scheduled]").isSelected()).isTrue();
            assertThat(b.find("#publish_at").getDomProperty("value")).isEqualTo(tomorrow);

            Article a = site.site().articles.staffList(new StaffQuery(Status.SCHEDULED, null, null, null, "programma", null), 1, 5)
                    .items().getFirst();
            assertThat(site.get(a.path(ZoneId.of("Europe/Rome"))).statusCode()).isEqualTo(404);
            b.open(site.url("/admin/articles?status=scheduled"));
            assertThat(b.find("table").getText()).contains("Il programma di domani").contains("Programmato");
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    @Test
    void thePreviewButtonWorksWithoutJavaScript() {
        try (Browser b = Browser.startWithoutJavaScript()) {
            signIn(b);
            b.open(site.url("/admin/articles/new"));
            assertThat(b.find("#preview").isDisplayed()).isFalse();
            b.find("#title").sendKeys("Solo anteprima");
            b.find("#body").sendKeys("Un elenco:\n\n- primo\n- secondo");
            b.find("button[value=preview]").click();
            waiting(b).until(d -> b.find("#preview").isDisplayed());
            assertThat(b.find("#preview").isDisplayed()).isTrue();
            assertThat(b.findAll("#preview .preview-body li")).hasSize(2);
            assertThat(b.find("#title").getDomProperty("value")).isEqualTo("Solo anteprima");
            assertThat(site.site().articles.staffList(new StaffQuery(null, null, null, null, "Solo anteprima", null), 1, 5)
                    .total()).isZero();
        }
    }
}
