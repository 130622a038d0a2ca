package it.testata.browser;

import it.testata.account.Role;
import it.testata.support.Browser;
import it.testata.support.Pictures;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator changes the site's identity in /admin/design: a colour without enough contrast is refused with
 * everything typed kept; then name, tagline, logo (icons made from it), accent and the list front page are saved,
 * and the public site shows them at once, on this server and on a second one following the change log.
 */
class DesignBrowserTest {
    static final String PASSWORD = "correct horse battery";

    TestSite site;
    TestSite other;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        site = TestSite.startWithDemo();
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
        other = TestSite.sharing(site).start(false);
        other.get("/"); // the second server has the old front page cached
    }

    @AfterEach
    void stop() {
        if (other != null) other.close();
        if (site != null) site.close();
    }

    @Test
    void anAdministratorChangesTheIdentityAndEveryServerShowsIt() throws Exception {
        Path logo = Files.createTempFile("logo-", ".png");
        Files.write(logo, Pictures.encode(Pictures.picture(400, 100, true), "png"));
        try (Browser b = Browser.start()) {
            ModerationBrowserTest.signIn(b, site, "ada@example.org", PASSWORD, "/admin/design");
            b.find("#d-site_name").clear();
            b.find("#d-site_name").sendKeys("La Gazzetta della Valle");
            b.find("#d-tagline").clear();
            b.find("#d-tagline").sendKeys("Ogni giorno, dal fiume ai monti");
            b.find("#d-accent").clear();
            b.find("#d-accent").sendKeys("#f4c430"); // saffron: 1.7:1 on the page
            b.find("#d-layout-list").click();
            save(b);
            assertThat(b.find("#d-accent-error").getText()).contains("4,5:1").contains("1,");
            assertThat(b.find("#d-accent").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(b.find("#d-site_name").getDomProperty("value")).isEqualTo("La Gazzetta della Valle");
            assertThat(b.find("#d-layout-list").isSelected()).isTrue();
            assertThat(site.get("/").body()).contains("Il Tessitore"); // nothing saved

            b.find("#d-accent").clear();
            b.find("#d-accent").sendKeys("#1a4d8f");
            b.find("#d-logo").sendKeys(logo.toString());
            save(b);
            assertThat(b.find(".notice").getText()).startsWith("Aspetto salvato");
            assertThat(b.find(".logo-preview").getAttribute("src")).contains("/media/");

            b.open(site.url("/"));
            var img = b.find(".site-name img.logo");
            assertThat(img.getAttribute("alt")).isEqualTo("La Gazzetta della Valle");
            assertThat(img.getRect().getHeight()).isEqualTo(60);
            assertThat(b.find(".tagline").getText()).isEqualTo("Ogni giorno, dal fiume ai monti");
            assertThat(b.findAll("main article.card")).hasSize(10); // the list front page
            assertThat(b.find(".kicker a").getCssValue("color")).isEqualTo("rgba(26, 77, 143, 1)");
            // the accent's stylesheet passes the CSP: the refused save's 422 is the only console error
            assertThat(b.consoleErrors()).allMatch(e -> e.contains("status of 422"));

            // dark colours: the page's own, and the accent mixed halfway with white
            b.driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                    java.util.List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
            b.open(site.url("/"));
            assertThat(b.find("body").getCssValue("background-color")).isEqualTo("rgba(22, 24, 29, 1)");
            assertThat(b.find(".kicker a").getCssValue("color")).isEqualTo("rgba(140, 166, 199, 1)");
            // printed: no sidebar, no menus
            b.driver().executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
            assertThat(b.find(".sidebar").isDisplayed()).isFalse();
            assertThat(b.find(".wide-nav").isDisplayed()).isFalse();
        }
        Document home = Jsoup.parse(site.get("/").body());
        String icon = home.select("link[rel=icon]").attr("href");
        String touch = home.select("link[rel=apple-touch-icon]").attr("href");
        assertThat(size(icon)).isEqualTo(48);
        assertThat(size(touch)).isEqualTo(180);

        long deadline = System.currentTimeMillis() + 1000;
        while (!other.get("/").body().contains("La Gazzetta della Valle") && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertThat(Jsoup.parse(other.get("/").body()).select(".site-name img").attr("alt")).isEqualTo("La Gazzetta della Valle");
    }

    /** Sends the form and waits for the answer's page (the form again with errors, or the saved page). */
    private static void save(Browser b) {
        var button = b.find("form.design button[type=submit]");
        button.click();
        // chromedriver may answer "node does not belong to the document" while the old page is being replaced: ask again
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    }

    private int size(String path) throws Exception {
        var r = site.getBytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img.getWidth()).isEqualTo(img.getHeight());
        return img.getWidth();
    }
}
