package it.testata.browser;

import it.testata.account.Role;
import it.testata.page.Pages;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page put under a parent page in the page editor of a real browser (strict CSP in force): it opens at the
 * nested address with a link to its parent; taken back to the top level, its old address leads to the new one.
 */
class ParentPageBrowserTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return;
        site = TestSite.startEmpty();
        site.site().accounts.add("elena@example.org", "Elena Dori", Role.EDITOR, PASSWORD.toCharArray());
        Pages.published(site, "Chi siamo", "chi-siamo", null, "Elena Dori");
    }

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    @Test
    void aPageChosenUnderAParentOpensAtTheNestedAddress() {
        try (Browser b = Browser.start()) {
            b.open(site.url("/admin/pages"));
            b.find("#email").sendKeys("elena@example.org");
            b.through(() -> b.find("#password").sendKeys(PASSWORD, Keys.ENTER), "/admin/pages");
            b.clickThrough("a[href='/admin/pages/new']", "/admin/pages/new");
            b.find("#title").sendKeys("La redazione");
            b.find("#body").sendKeys("Chi scrive il giornale.");
            Select parent = new Select(b.find("#parent"));
            assertThat(parent.getOptions().stream().map(o -> o.getText()).toList()).contains("Chi siamo");
            parent.selectByVisibleText("Chi siamo");
            b.find("input[name=status][value=published]").click();
            b.clickThrough("button[value=save]", "?done=saved");
            assertThat(new Select(b.find("#parent")).getFirstSelectedOption().getText()).isEqualTo("Chi siamo");

            b.clickThrough(".editor-links a[href='/chi-siamo/la-redazione/']", "/chi-siamo/la-redazione/");
            assertThat(b.find("h1").getText()).isEqualTo("La redazione");
            b.clickThrough(".page-parents a", "/chi-siamo/");
            assertThat(b.currentUrl()).isEqualTo(site.url("/chi-siamo/"));
            assertThat(b.consoleErrors()).isEmpty();

            // back to the top level: the nested address now leads to /la-redazione/
            b.driver().navigate().back();
            b.driver().navigate().back();
            b.arrived("?done=saved");
            new Select(b.find("#parent")).selectByIndex(0);
            b.clickThrough("button[value=save]", "?done=saved");
            b.open(site.url("/chi-siamo/la-redazione/"));
            b.arrived("/la-redazione/");
            assertThat(b.currentUrl()).isEqualTo(site.url("/la-redazione/"));
            assertThat(b.find("h1").getText()).isEqualTo("La redazione");
        }
    }
}
