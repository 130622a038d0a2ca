package it.testata.browser;

import it.testata.account.Role;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out of the newsroom in a real browser, by keyboard, with the strict CSP in force. */
class AdminLoginBrowserTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return;
        site = TestSite.startEmpty();
        site.site().accounts.add("marta@example.org", "Marta Ferri", Role.EDITOR, "correct horse battery".toCharArray());
    }

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    /** A form's answer is a new page: the next look waits for it. */
    static void waitFor(Browser b, ExpectedCondition<?> condition) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(15)).until(condition);
    }

    @Test
    void signInByKeyboardReachTheDashboardAndSignOut() {
        try (Browser b = Browser.start()) {
            b.open(site.url("/admin/"));
            assertThat(b.currentUrl()).contains("/admin/login?next=");
            b.find("#email").sendKeys("marta@example.org");
            b.find("#email").sendKeys(Keys.TAB);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("password");
            b.focused().sendKeys("wrong password", Keys.ENTER);
            waitFor(b, ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
            assertThat(b.find("[role=alert]").getText()).isEqualTo("Email o password errate.");
            assertThat(b.find("#email").getDomProperty("value")).isEqualTo("marta@example.org");
            b.clearConsole(); // the refusal's 401, which the browser logs

            b.find("#password").sendKeys("correct horse battery", Keys.ENTER);
            waitFor(b, ExpectedConditions.urlToBe(site.url("/admin/")));
            assertThat(b.find("h1").getText()).isEqualTo("Bacheca");
            assertThat(b.find(".admin-user").getText()).contains("Marta Ferri");
            assertThat(b.consoleErrors()).isEmpty();

            b.find(".admin-logout button").click();
            waitFor(b, ExpectedConditions.urlToBe(site.url("/admin/login?out=1")));
            assertThat(b.find("[role=status]").getText()).isEqualTo("Sei uscito dalla redazione.");
            b.open(site.url("/admin/"));
            assertThat(b.currentUrl()).contains("/admin/login");
        }
    }
}
