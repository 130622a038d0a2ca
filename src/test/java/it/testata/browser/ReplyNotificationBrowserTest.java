package it.testata.browser;

import it.testata.support.Browser;
import it.testata.support.MailServer;
import it.testata.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With JavaScript off a reader ticks "notify me of replies" by its label, comments, and confirms from the e-mail. */
class ReplyNotificationBrowserTest {
    TestSite site;
    MailServer smtp;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        smtp = MailServer.started();
        site = TestSite.startWithDemo();
        smtp.configure(site.site(), 0);
        site.site().settings.update(Map.of("base_url", site.url(""), "comments.flood_seconds", "0"));
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
        if (smtp != null) smtp.close();
    }

    @Test
    void tickTheBoxCommentAndConfirmWithoutJavaScript() throws Exception {
        try (Browser b = Browser.startWithoutJavaScript()) {
            b.open(site.url(CommentBrowserTest.PATH));
            assertThat(b.find("#notify").isSelected()).isFalse();
            CommentBrowserTest.type(b, "comment", "Speriamo che gli argini vengano controllati prima dell'inverno.");
            CommentBrowserTest.type(b, "author", "Elena Conti");
            CommentBrowserTest.type(b, "email", "elena@example.org");
            b.find("label[for=notify]").click(); // the label ticks it
            assertThat(b.find("#notify").isSelected()).isTrue();
            CommentBrowserTest.likeAPersonTyping();
            CommentBrowserTest.submit(b);

            MimeMessage confirmation = smtp.await(1, Duration.ofSeconds(20)).getFirst();
            assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("elena@example.org");
            b.open(MailServer.link(confirmation, site.url("/replies/confirm?t=")));
            b.find("#r-confirm").click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(10)) // the answer page
                    .until(d -> !d.findElements(By.id("replies-confirmed")).isEmpty());
            assertThat(b.find("#replies-confirmed").getText()).startsWith("Confermato");
        }
        String status = site.site().notify.store().jdbi().withHandle(h -> h.createQuery(
                "SELECT status FROM reply_subscribers WHERE email = 'elena@example.org'").mapTo(String.class).one());
        assertThat(status).isEqualTo("confirmed");
    }
}
