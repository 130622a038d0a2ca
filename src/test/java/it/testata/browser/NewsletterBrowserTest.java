package it.testata.browser;

import it.testata.support.Browser;
import it.testata.support.MailServer;
import it.testata.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader with JavaScript off subscribes from the sidebar, confirms from the e-mail, and unsubscribes. */
class NewsletterBrowserTest {
    TestSite site;
    MailServer smtp;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        smtp = MailServer.started();
        site = TestSite.startWithDemo();
        smtp.configure(site.site(), 0);
        site.site().settings.update(Map.of("base_url", site.url("")));
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
        if (smtp != null) smtp.close();
    }

    @Test
    void subscribeConfirmAndUnsubscribeWithoutJavaScript() throws Exception {
        try (Browser b = Browser.startWithoutJavaScript()) {
            b.open(site.url("/"));
            b.find("#nl-side-email").sendKeys("lettore@example.org");
            b.find(".widget-newsletter button[type=submit]").click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().endsWith("/newsletter/?iscritto=1"));
            assertThat(b.find("#newsletter-asked").getText()).isNotEmpty();

            MimeMessage confirmation = smtp.await(1, Duration.ofSeconds(20)).getFirst();
            b.open(MailServer.link(confirmation, site.url("/newsletter/confirm?t=")));
            b.find("#n-confirm").click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(10)) // the answer page, not this one
                    .until(d -> !d.findElements(org.openqa.selenium.By.id("newsletter-confirmed")).isEmpty());
            assertThat(b.find("#newsletter-confirmed").getText()).isNotEmpty();
            assertThat(site.site().newsletter.store().search("lettore@example.org", "confirmed", 5)).hasSize(1);

            // the unsubscribe link every newsletter carries
            b.open(site.site().newsletter.unsubscribeUrl(site.site().newsletter.store().search("lettore@example.org", null, 5)
                    .getFirst().id()));
            b.find("#n-unsubscribe").click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(10)) // the answer page, not this one
                    .until(d -> !d.findElements(org.openqa.selenium.By.id("newsletter-unsubscribed")).isEmpty());
            assertThat(b.find("#newsletter-unsubscribed").getText()).isNotEmpty();
            assertThat(site.site().newsletter.store().search("lettore@example.org", "unsubscribed", 5)).hasSize(1);
        }
    }
}
