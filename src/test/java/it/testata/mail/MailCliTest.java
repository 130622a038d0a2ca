package it.testata.mail;

import it.testata.support.MailServer;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** ./testata mail test: 0 when the relay takes the message, 2 with the SMTP server's answer when it refuses. */
class MailCliTest {
    static TestSite site;
    static MailServer smtp;

    @BeforeAll
    static void start() {
        smtp = MailServer.withAccount("redazione", "giusta");
        site = TestSite.create();
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    @Test
    void theTestMessageReportsTheRelaysAnswer() throws Exception {
        TestSite.Cli unset = site.cli("mail", "test", "--to", "me@example.test");
        assertThat(unset.exit()).isEqualTo(2);
        site.cli("settings", "mail.from=redazione@testata.test", "mail.smtp_host=127.0.0.1", "mail.smtp_port=" + smtp.port,
                "mail.smtp_user=redazione", "mail.smtp_password=sbagliata");
        TestSite.Cli refused = site.cli("mail", "test", "--to", "me@example.test");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("535");
        TestSite.Cli shown = site.cli("settings");
        assertThat(shown.out()).contains("mail.smtp_password=(set)").doesNotContain("sbagliata");
        site.cli("settings", "mail.smtp_password=giusta");
        TestSite.Cli ok = site.cli("mail", "test", "--to", "me@example.test");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("250");
        assertThat(smtp.await(1, Duration.ofSeconds(10)).getFirst().getAllRecipients()[0].toString()).isEqualTo("me@example.test");
        assertThat(site.cli("mail", "test", "--to", "a@b.test\nBcc: c@d.test").exit()).isEqualTo(2);
    }
}
