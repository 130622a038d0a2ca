package it.testata.browser;

import it.testata.account.Role;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor shapes the primary menu in /admin/menus with the plain buttons (JavaScript off), and readers find the
 * result in the header: by keyboard at 1280 px, and through the "Menu" disclosure on a 390 px phone without
 * JavaScript.
 */
class MenuBrowserTest {
    static final String PASSWORD = "correct horse battery";

    TestSite site;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        site = TestSite.startWithDemo();
        site.site().accounts.add("eva@example.org", "Eva Galli", Role.EDITOR, PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }

    private static WebElement entry(Browser b, String label) {
        return b.findAll("#menu-primary .menu-item").stream()
                .filter(li -> li.findElement(By.cssSelector(".menu-label")).getText().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no menu entry " + label));
    }

    /** Clicks a form's button and waits for the answer's page. */
    private static void send(Browser b, WebElement button) {
        button.click();
        // chromedriver may answer "node does not belong to the document" while the old page is being replaced: ask again
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    }

    private static List<String> topLabels(Browser b) {
        return b.findAll("#menu-primary .menu-items > .menu-item > .menu-entry .menu-label").stream().map(WebElement::getText).toList();
    }

    @Test
    void anEditorAddsMovesAndNestsAnEntryWithoutJavaScriptAndReadersUseIt() {
        try (Browser b = Browser.startWithoutJavaScript()) {
            ModerationBrowserTest.signIn(b, site, "eva@example.org", PASSWORD, "/admin/menus");
            assertThat(b.find("h1").getText()).isEqualTo("Menu");
            List<String> sections = topLabels(b);
            assertThat(sections).containsExactlyInAnyOrder("Cronaca", "Cultura", "Opinioni", "Politica", "Sport");

            // a link with a bad address comes back with 422, what was typed kept
            new Select(b.find("#primary-kind")).selectByValue("link");
            b.find("#primary-url").sendKeys("ftp://archivio");
            b.find("#primary-label").sendKeys("Chi siamo");
            send(b, b.find("#menu-primary form.menu-add button[type=submit]"));
            assertThat(b.find("#primary-url-error").getText()).contains("http");
            assertThat(b.find("#primary-label").getDomProperty("value")).isEqualTo("Chi siamo");
            b.find("#primary-url").clear();
            b.find("#primary-url").sendKeys("/privacy/");
            send(b, b.find("#menu-primary form.menu-add button[type=submit]"));
            assertThat(b.find(".notice").getText()).isEqualTo("Voce aggiunta.");
            assertThat(topLabels(b)).last().isEqualTo("Chi siamo");

            send(b, entry(b, "Chi siamo").findElement(By.cssSelector("button[value=up]")));
            assertThat(topLabels(b).get(4)).isEqualTo("Chi siamo");
            send(b, entry(b, "Chi siamo").findElement(By.cssSelector("button[value=nest]")));
            String parent = sections.get(3);
            assertThat(topLabels(b)).containsExactlyElementsOf(sections);
            assertThat(b.find("#menu-primary .menu-children .menu-label").getText()).isEqualTo("Chi siamo");
            assertThat(b.find("#menu-primary .menu-children").findElement(By.xpath("../form//span[@class='menu-label']")).getText())
                    .isEqualTo(parent);
        }

        // a keyboard reader at 1280 px: the submenu opens as focus reaches its parent
        try (Browser b = Browser.start()) {
            b.open(site.url("/privacy/"));
            WebElement child = b.find(".wide-nav .submenu a");
            assertThat(child.isDisplayed()).isFalse();
            Actions keys = new Actions(b.driver());
            for (int i = 0; i < 30 && !b.focused().getText().equals("Chi siamo"); i++) keys.sendKeys(Keys.TAB).perform();
            assertThat(b.focused().getText()).isEqualTo("Chi siamo");
            assertThat(child.isDisplayed()).isTrue();
            keys.sendKeys(Keys.ENTER).perform();
            assertThat(b.currentUrl()).isEqualTo(site.url("/privacy/"));
        }

        // a phone without JavaScript: the menu is behind a disclosure that opens with the keyboard
        try (Browser b = Browser.start(new Browser.Options().javaScript(false).window(390, 844)).phone()) {
            b.open(site.url("/"));
            assertThat((Long) b.driver().executeScript("return window.innerWidth")).isEqualTo(390L);
            assertThat(b.find(".wide-nav").isDisplayed()).isFalse();
            WebElement summary = b.find(".nav-disclosure summary");
            assertThat(summary.isDisplayed()).isTrue();
            assertThat(summary.getRect().getHeight()).isGreaterThanOrEqualTo(44);
            assertThat(b.find(".nav-disclosure nav a").isDisplayed()).isFalse();
            Actions keys = new Actions(b.driver());
            for (int i = 0; i < 10 && !"summary".equals(b.focused().getTagName()); i++) keys.sendKeys(Keys.TAB).perform();
            keys.sendKeys(Keys.ENTER).perform();
            assertThat(b.find(".nav-disclosure nav a").isDisplayed()).isTrue();
            assertThat(b.findAll(".nav-disclosure nav a").stream().map(WebElement::getText).toList()).contains("Chi siamo");
            assertThat((Long) b.driver().executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        }
    }
}
