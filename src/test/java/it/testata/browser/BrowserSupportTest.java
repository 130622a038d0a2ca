package it.testata.browser;

import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser helper itself does what other tests rely on: scripts on or off, console errors caught, screenshots. */
class BrowserSupportTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        if (Browser.available()) site = TestSite.startWithDemo();
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
    void scriptsRunByDefaultAndNotWhenJavaScriptIsOff() {
        try (Browser on = Browser.start()) {
            on.open(site.url("/"));
            assertThat(on.find("html").getDomAttribute("class")).contains("js"); // set by site.js
            assertThat(on.consoleErrors()).isEmpty();
        }
        try (Browser off = Browser.startWithoutJavaScript()) {
            off.open(site.url("/"));
            assertThat(off.find("html").getDomAttribute("class")).isNull();
            assertThat(off.visible("main .lead-story")).hasSize(1); // the newspaper front page
            assertThat(off.visible("main .section-block")).isNotEmpty();
            assertThat(off.find(".site-name").getCssValue("font-size")).isEqualTo("54.4px");
            Path shot = off.fullPageScreenshot("home-no-js");
            assertThat(shot).exists();
        }
    }

    @Test
    void aContentSecurityPolicyViolationIsAConsoleError() throws Exception {
        Path page = Files.createTempFile("csp-", ".html");
        Files.writeString(page, """
                <!DOCTYPE html><html><head>
                <meta http-equiv="Content-Security-Policy" content="script-src 'none'">
                </head><body><p>x</p><script>document.title = 'ran';</script></body></html>""");
        try (Browser b = Browser.start()) {
            b.open(page.toUri().toString());
            assertThat(b.driver().getTitle()).isNotEqualTo("ran");
            assertThat(b.consoleErrors()).anySatisfy(e -> assertThat(e).contains("Content Security Policy"));
            b.clearConsole();
            assertThat(b.consoleErrors()).isEmpty();
        } finally {
            Files.deleteIfExists(page);
        }
    }

    @Test
    void screenshotsAreWrittenUnderTarget() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(site.url("/"));
            Path shot = b.screenshot("home-window");
            assertThat(shot).isEqualTo(Path.of("target", "screenshots", "home-window.png"));
            byte[] png = Files.readAllBytes(shot);
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }
}
