package it.testata.browser;

import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader sees of an article and of the 404 page in a real browser (headless Chromium, 1280×900). */
class ArticleBrowserTest {
    static final String TITLE = "Il vecchio lanificio diventa un museo del lavoro";
    static final String PATH = "/2026/11/24/il-vecchio-lanificio-diventa-un-museo-del-lavoro/";

    static TestSite site;
    static Browser browser;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return; // each test is then skipped, with the reason, by freshBrowser()
        site = TestSite.startWithDemo();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (site != null) site.close();
    }

    @BeforeEach
    void freshBrowser() {
        Browser.assumeAvailable();
        browser.clearConsole();
    }

    /** From the home page, a click on the first title, as a reader would get there. */
    private void readFirstArticleFromHome() {
        browser.open(site.url("/"));
        WebElement link = browser.find("main .lead-story .lead-title a"); // the newspaper front page's lead story
        assertThat(link.getText()).isEqualTo(TITLE);
        link.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(site.url(PATH)));
    }

    @Test
    void aReaderClicksTheFirstTitleAndReadsTheArticle() {
        readFirstArticleFromHome();
        browser.fullPageScreenshot("article");
        browser.screenshot("article-window");

        List<WebElement> h1 = browser.visible("h1");
        assertThat(h1).hasSize(1);
        assertThat(h1.getFirst().getText()).isEqualTo(TITLE);
        assertThat(browser.driver().getTitle()).contains(TITLE);

        assertThat(browser.find(".article-header .standfirst").getText())
                .startsWith("Roccalba ha approvato il progetto per recuperare l'ex lanificio Sartoris.");
        WebElement byline = browser.find(".article-header .byline");
        assertThat(byline.isDisplayed()).isTrue();
        assertThat(byline.getText()).matches("di Chiara Lo Presti · 24 novembre 2026 · [0-9] min di lettura");
        WebElement author = byline.findElement(org.openqa.selenium.By.cssSelector("a[rel=author]"));
        assertThat(author.getText()).isEqualTo("Chiara Lo Presti");
        assertThat(author.getDomProperty("href")).isEqualTo(site.url("/author/chiara-lo-presti/"));

        WebElement kicker = browser.find(".kicker a");
        assertThat(kicker.isDisplayed()).isTrue();
        assertThat(kicker.getText()).isEqualToIgnoringCase("Cultura");
        assertThat(kicker.getCssValue("text-transform")).isEqualTo("uppercase");
        assertThat(kicker.getDomProperty("href")).isEqualTo(site.url("/category/cultura/"));
        assertThat(browser.visible(".tags a").stream().map(WebElement::getText)).containsExactly("lavoro", "turismo");

        List<WebElement> paragraphs = browser.visible(".article-body p");
        assertThat(paragraphs.size()).isGreaterThanOrEqualTo(6);
        assertThat(paragraphs.getFirst().getText()).startsWith("Per più di un secolo il lanificio Sartoris");
        assertThat(browser.visible(".article-body h2").stream().map(WebElement::getText))
                .containsExactly("Il progetto", "Le voci di chi c'era", "Un modello da seguire, con prudenza");
        assertThat(browser.visible(".article-body li")).hasSize(4);
        assertThat(browser.visible(".article-body blockquote")).hasSize(1);

        assertThat(browser.find("#comments-title").getText()).isEqualTo("Nessun commento");
        assertThat(browser.consoleErrors()).as("browser console errors (CSP violations show up here)").isEmpty();
    }

    @Test
    void theSidebarShowsItsWidgetsAndTheSearchBox() {
        browser.open(site.url(PATH));
        assertThat(browser.visible(".sidebar h2").stream().map(WebElement::getText))
                .containsExactly("CERCA", "ARTICOLI RECENTI", "COMMENTI RECENTI", "RICEVI GLI ARTICOLI PER EMAIL", // --- mail ---
                        "SOCIAL MEDIA"); // uppercased by CSS
        assertThat(browser.find("#w-recent-articles").getDomProperty("textContent")).isEqualTo("Articoli recenti");
        List<WebElement> recent = browser.visible(".recent-articles a");
        assertThat(recent).hasSize(5);
        assertThat(recent.getFirst().getText()).isEqualTo(TITLE);
        assertThat(browser.find("#w-recent-comments").isDisplayed()).isTrue();
        assertThat(browser.find("#w-recent-comments").getDomProperty("textContent")).isEqualTo("Commenti recenti");
        assertThat(browser.find("#w-social").getDomProperty("textContent")).isEqualTo("Social media");
        assertThat(browser.visible(".social a").stream().map(WebElement::getText))
                .containsExactly("Facebook", "X", "Telegram", "YouTube", "Instagram", "Mastodon", "RSS");

        WebElement label = browser.find("label[for=s]");
        WebElement input = browser.find("input#s");
        assertThat(label.isDisplayed()).isTrue();
        assertThat(label.getText()).isEqualTo("Cerca nel sito");
        assertThat(input.isDisplayed()).isTrue();
        assertThat(input.getDomAttribute("type")).isEqualTo("search");
        assertThat(browser.find("form[role=search] button").getText()).isEqualTo("Cerca");
        assertThat(browser.find("form[role=search] button").isDisplayed()).isTrue();
    }

    @Test
    void theStylesheetIsAppliedTwoColumnsAtDesktopWidth() {
        browser.open(site.url(PATH));
        assertThat(browser.driver().executeScript("return window.innerWidth")).isEqualTo(1280L);
        Rectangle main = browser.find("main").getRect();
        Rectangle sidebar = browser.find(".sidebar").getRect();
        assertThat(sidebar.getX()).as("sidebar right of main").isGreaterThanOrEqualTo(main.getX() + main.getWidth());
        assertThat(Math.abs(sidebar.getY() - main.getY())).as("sidebar beside main, not below").isLessThan(5);
        assertThat(sidebar.getWidth()).isEqualTo(304); // 19rem
        assertThat(browser.find(".columns").getRect().getWidth()).isEqualTo(1152); // max-width 72rem

        assertThat(browser.find(".site-name").getCssValue("font-size")).isEqualTo("54.4px"); // clamp(2rem, 6vw, 3.4rem)
        assertThat(browser.find("body").getCssValue("background-color")).isEqualTo("rgba(253, 252, 248, 1)");
        assertThat(browser.find("body").getCssValue("font-family")).startsWith("Georgia");
        assertThat(browser.find(".sidebar").getCssValue("font-family")).startsWith("system-ui");
        assertThat(browser.find(".article-body blockquote").getCssValue("border-left-color")).isEqualTo("rgba(138, 28, 28, 1)");
        // the skip link waits off screen until it gets the focus
        assertThat(browser.find(".skip-link").getRect().getX()).isLessThan(0);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theFirstTabFocusesTheSkipLinkWhichLeadsToTheContent() {
        browser.open(site.url(PATH));
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement focused = browser.focused();
        assertThat(focused.getText()).isEqualTo("Vai al contenuto");
        assertThat(focused.getDomAttribute("class")).isEqualTo("skip-link");
        assertThat(focused.getRect().getX()).as("skip link on screen once focused").isGreaterThanOrEqualTo(0);
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid"); // :focus-visible ring

        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        assertThat(browser.currentUrl()).endsWith(PATH + "#main");
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("main");
    }

    @Test
    void theHomePageHasNoConsoleErrorsEither() {
        browser.open(site.url("/"));
        assertThat(browser.visible("h1, h2").size()).isGreaterThan(10);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void the404PageIsInTheSiteStyle() {
        browser.open(site.url("/non/esiste/affatto/"));
        browser.screenshot("404");
        List<WebElement> h1 = browser.visible("h1");
        assertThat(h1).hasSize(1);
        assertThat(h1.getFirst().getText()).isEqualTo("Pagina non trovata");
        assertThat(h1.getFirst().getCssValue("font-size")).isEqualTo("32px"); // .error-page h1
        assertThat(browser.find(".site-name").getText()).isEqualTo("Il Tessitore");
        assertThat(browser.find(".site-name").getCssValue("font-size")).isEqualTo("54.4px");
        assertThat(browser.find("body").getCssValue("background-color")).isEqualTo("rgba(253, 252, 248, 1)");
        WebElement home = browser.find(".error-page a[href='/']");
        assertThat(home.isDisplayed()).isTrue();
        Rectangle main = browser.find("main").getRect();
        assertThat(browser.find(".sidebar").getRect().getX()).isGreaterThanOrEqualTo(main.getX() + main.getWidth());
        assertThat(browser.visible(".recent-articles a")).hasSize(5);
        assertThat(browser.visible(".site-footer")).hasSize(1);
        // Chromium reports the 404 status of the page itself as a console error; nothing else may be there
        assertThat(browser.consoleErrors()).allSatisfy(e -> assertThat(e).contains("/non/esiste/affatto/", "404"));

        home.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(site.url("/")));
        assertThat(browser.visible("main .lead-story")).hasSize(1);
    }
}
