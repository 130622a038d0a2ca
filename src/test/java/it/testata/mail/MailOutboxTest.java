package it.testata.mail;

import it.testata.support.MailServer;
import it.testata.support.TestSite;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox over a real SMTP server: what a message carries, header injection, the relay down and back. */
class MailOutboxTest {
    static TestSite site;
    static MailServer smtp;

    @BeforeAll
    static void start() {
        smtp = MailServer.started();
        site = TestSite.startEmpty();
        smtp.configure(site.site(), 0);
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    @BeforeEach
    void fresh() throws Exception {
        smtp.stop();
        smtp.start();
    }

    private long queue(Email e) {
        MailService mail = site.site().mail;
        long id = site.site().changes.write((h, touched) -> mail.queue(h, e));
        mail.poke();
        return id;
    }

    private static Email.Rendered body(String text) {
        return MailTemplates.render(new MailContent("it", "Testata", "Titolo", List.of(text), "una citazione\nsu due righe",
                new MailContent.Link("Apri", "https://example.test/a?x=1&y=2"), List.of(), null));
    }

    private OutboxMessage stored(long id) {
        return site.site().mail.outbox().find(id).orElseThrow();
    }

    private void awaitStatus(long id, String status) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!stored(id).status().equals(status)) {
            if (System.nanoTime() > end) throw new AssertionError("message " + id + " is " + stored(id).status());
            Thread.sleep(50);
        }
    }

    @Test
    void aMessageGoesOutMultipartWithStableIdDateAndListHeadersForBulk() throws Exception {
        long id = queue(new Email("newsletter", "lettore@example.test", null, "Le notizie & altro", body("Ciao <b>a tutti</b>"),
                "https://example.test/newsletter/unsubscribe?t=abc", true, null, null));
        MimeMessage m = smtp.await(1, Duration.ofSeconds(20)).getFirst();
        awaitStatus(id, "sent");
        assertThat(m.getMessageID()).isEqualTo(stored(id).messageId()).matches("<[0-9a-f-]{36}@testata\\.test>");
        assertThat(m.getSentDate()).isNotNull();
        assertThat(m.getSubject()).isEqualTo("Le notizie & altro");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(m.getHeader("List-Unsubscribe")).containsExactly("<https://example.test/newsletter/unsubscribe?t=abc>");
        assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        assertThat(MailServer.text(m)).contains("Ciao <b>a tutti</b>", "> una citazione", "https://example.test/a?x=1&y=2");
        assertThat(MailServer.html(m)).contains("Ciao &lt;b&gt;a tutti&lt;/b&gt;", "href=\"https://example.test/a?x=1&amp;y=2\"");
        assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("redazione@testata.test");
    }

    @Test
    void aMessageToOnePersonHasNoListHeaders() throws Exception {
        long id = queue(Email.of("test", "uno@example.test", "Uno", body("x")));
        MimeMessage m = smtp.await(1, Duration.ofSeconds(20)).getFirst();
        awaitStatus(id, "sent");
        assertThat(m.getHeader("List-Unsubscribe")).isNull();
        assertThat(m.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void lineBreaksInAnyValueNeverMakeAHeader() throws Exception {
        assertThatThrownBy(() -> Email.of("test", "a@example.test\r\nBcc: victim@example.test", "x", body("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Email("contact", "desk@example.test", "a@example.test\nBcc: victim@example.test", "x",
                body("x"), null, false, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Addresses.valid("Mario <mario@example.test>")).isFalse();
        assertThat(Addresses.valid("a@example.test, b@example.test")).isFalse();
        long id = queue(Email.of("test", "target@example.test", "Ciao\r\nBcc: victim@example.test\r\nX-Evil: 1", body("x")));
        MimeMessage m = smtp.await(1, Duration.ofSeconds(20)).getFirst();
        awaitStatus(id, "sent");
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("X-Evil")).isNull();
        assertThat(m.getSubject()).doesNotContain("\r", "\n").startsWith("Ciao").contains("Bcc: victim@example.test");
        assertThat(smtp.received()).hasSize(1);
        assertThat(smtp.to("victim@example.test")).isEmpty();
    }

    @Test
    void relayDownThenUpEveryQueuedMessageArrivesOnce() throws Exception {
        smtp.stop();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) ids.add(queue(Email.of("test", "r" + i + "@example.test", "Giù " + i, body("x"))));
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stored(ids.getFirst()).lastError() == null) {
            if (System.nanoTime() > end) throw new AssertionError("no attempt while the relay was down");
            Thread.sleep(50);
        }
        OutboxMessage waiting = stored(ids.getFirst());
        assertThat(waiting.status()).isEqualTo("queued");
        assertThat(waiting.attempts()).isGreaterThanOrEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isAfter(waiting.createdAt());
        smtp.start();
        // the first retry comes by itself after its back-off (10 s)
        smtp.await(4, Duration.ofSeconds(45));
        for (long id : ids) awaitStatus(id, "sent");
        Thread.sleep(1500);
        assertThat(smtp.received()).hasSize(4);
        for (int i = 0; i < 4; i++) assertThat(smtp.to("r" + i + "@example.test")).hasSize(1);
    }

    @Test
    void aFiveHundredAnswerIsPermanentAndAFourHundredOneIsNot() throws Exception {
        InternetAddress a = new InternetAddress("x@example.test");
        Smtp.Failure permanent = Smtp.classify(new jakarta.mail.SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                a, "RCPT TO", 550, "550 5.1.1 no such user")));
        assertThat(permanent.permanent).isTrue();
        assertThat(permanent.getMessage()).isEqualTo("550 5.1.1 no such user");
        Smtp.Failure temporary = Smtp.classify(new jakarta.mail.SendFailedException("Invalid Addresses", new SMTPAddressFailedException(
                a, "RCPT TO", 451, "451 4.3.0 try later")));
        assertThat(temporary.permanent).isFalse();
        assertThat(Smtp.classify(new jakarta.mail.MessagingException("Connection refused")).permanent).isFalse();
        assertThat(MailSender.backoff(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(MailSender.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void retryNowPutsAFailedMessageBackAndItGoesOnce() throws Exception {
        long id = queue(Email.of("test", "again@example.test", "Di nuovo", body("x")));
        smtp.await(1, Duration.ofSeconds(20));
        awaitStatus(id, "sent");
        // a failed message (as the relay's 5xx leaves it) is sent again by "retry now"
        site.site().mail.outbox().failed(stored(id), "550 mailbox full", true);
        assertThat(stored(id).status()).isEqualTo("failed");
        assertThat(stored(id).lastError()).isEqualTo("550 mailbox full");
        assertThat(site.site().mail.outbox().retryNow(id, java.time.Instant.now())).isTrue();
        site.site().mail.poke();
        smtp.await(2, Duration.ofSeconds(20));
        awaitStatus(id, "sent");
        assertThat(site.site().mail.outbox().counts()).containsEntry("failed", 0);
    }

    @Test
    void settingsRefuseBadValuesAndThePasswordIsWriteOnly() {
        assertThat(MailSettings.check("mail.smtp_port", "70000")).isPresent();
        assertThat(MailSettings.check("mail.smtp_security", "ssl")).isPresent();
        assertThat(MailSettings.check("mail.from", "a@b.test\r\nBcc: c@d.test")).isPresent();
        assertThat(it.testata.settings.SettingsRules.check("mail.rate_per_minute", "30")).isEmpty();
        site.site().settings.update(Map.of("mail.smtp_password", "s3cret-value"));
        assertThat(site.site().settings.rows()).containsEntry("mail.smtp_password", "(set)");
        assertThat(site.site().settings.rows().values()).doesNotContain("s3cret-value");
        assertThat(site.site().mail.current().password()).isEqualTo("s3cret-value");
        site.site().settings.update(Map.of("mail.smtp_password", ""));
    }
}
