package it.testata.browser;

import it.testata.account.Role;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

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

    @Test
    void signInByKeyboardReachTheDashboardAndSignOut() {
        try (Browser b = Browser.start()) {
            b.open(site.url("/admin/"));
            assertThat(b.currentUrl()).contains("/admin/login?next=");
            b.find("#email").sendKeys("marta@example.org");
            b.find("#email").sendKeys(Keys.TAB);
            assertThat(b.focused().getDomAttribute("id")).isEqualTo("password");
            b.focused().sendKeys("wrong password", Keys.ENTER);
            assertThat(b.find("[role=alert]").getText()).isEqualTo("Email o password errate.");
            assertThat(b.find("#email").getDomProperty("value")).isEqualTo("marta@example.org");
            b.clearConsole(); // the refusal's 401, which the browser logs

            b.find("#password").sendKeys("correct horse battery", Keys.ENTER);
            assertThat(b.currentUrl()).isEqualTo(site.url("/admin/"));
            assertThat(b.find("h1").getText()).isEqualTo("Bacheca");
            assertThat(b.find(".admin-user").getText()).contains("Marta Ferri");
            assertThat(b.consoleErrors()).isEmpty();

            b.find(".admin-logout button").click();
            assertThat(b.currentUrl()).isEqualTo(site.url("/admin/login?out=1"));
            assertThat(b.find("[role=status]").getText()).isEqualTo("Sei uscito dalla redazione.");
            b.open(site.url("/admin/"));
            assertThat(b.currentUrl()).contains("/admin/login");
        }
    }
}
