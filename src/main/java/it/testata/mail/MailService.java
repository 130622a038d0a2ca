package it.testata.mail;

import it.testata.db.ChangeLog;
import it.testata.settings.SettingsService;
import it.testata.web.Messages;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outbox's rules: the current mail settings, queueing inside the caller's transaction, saving the mail
 * settings (the password only when one is typed), and the test message, which goes to the relay at once so that
 * its answer can be shown.
 */
public final class MailService {
    private final SettingsService settings;
    private final OutboxStore outbox;
    private final ChangeLog changes;
    private volatile MailSender sender;
    private final SignedLinks links;

    public MailService(SettingsService settings, OutboxStore outbox, ChangeLog changes) {
        this.settings = settings;
        this.outbox = outbox;
        this.changes = changes;
        this.links = new SignedLinks(settings);
    }

    /** The signed links of e-mails (confirm, unsubscribe) and the base address they start with. */
    public SignedLinks links() {
        return links;
    }

    /** The settings as they are now in the database (the password included). */
    public MailSettings current() {
        Map<String, String> rows = new java.util.HashMap<>(settings.rows());
        settings.secret(MailSettings.PASSWORD).ifPresent(p -> rows.put(MailSettings.PASSWORD, p));
        return MailSettings.fromRows(rows);
    }

    public OutboxStore outbox() {
        return outbox;
    }

    /** The sender of a serving process, told to look at once when something is queued. */
    public void attach(MailSender sender) {
        this.sender = sender;
    }

    /** Looks at the outbox now (call after the transaction that queued something committed). */
    public void poke() {
        MailSender s = sender;
        if (s != null) s.poke();
    }

    /** Queues a message in the caller's transaction. */
    public long queue(Handle h, Email e) {
        return OutboxStore.enqueue(h, e, Instant.now(), domain());
    }

    /** Queues many messages in the caller's transaction. */
    public void queueAll(Handle h, List<Email> emails) {
        OutboxStore.enqueueAll(h, emails, Instant.now(), domain());
    }

    /** The domain of Message-IDs: the sender address's. */
    String domain() {
        String from = settings.rows().getOrDefault("mail.from", "");
        int at = from.indexOf('@');
        return at > 0 ? from.substring(at + 1) : "testata.invalid";
    }

    /** Saves the mail settings; an empty password keeps the stored one. */
    public void save(Map<String, String> values) {
        Map<String, String> v = new java.util.LinkedHashMap<>(values);
        if (v.getOrDefault(MailSettings.PASSWORD, "").isEmpty()) v.remove(MailSettings.PASSWORD);
        settings.update(v);
    }

    /** The outcome of a test message: whether the relay took it and what it answered. */
    public record TestResult(boolean ok, String answer) {}

    /** Sends a test message straight to the relay (not through the outbox) and reports its answer. */
    public TestResult sendTest(String to, Messages msg) {
        MailSettings s = current();
        if (!s.configured()) return new TestResult(false, msg.t("mail.test.unconfigured"));
        if (!Addresses.valid(to)) return new TestResult(false, msg.t("mail.error.address"));
        String siteName = settings.current().siteName();
        MailContent content = new MailContent(msg.lang(), siteName, msg.t("mail.test.subject", siteName),
                List.of(msg.t("mail.test.body", s.host() + ":" + s.port())), null, null, List.of(), null);
        Email e = Email.of("test", to, msg.t("mail.test.subject", siteName), MailTemplates.render(content));
        OutboxMessage m = new OutboxMessage(0, e.kind(), e.to(), null, e.subject(), e.body().text(), e.body().html(),
                "<test-" + java.util.UUID.randomUUID() + "@" + domain() + ">", null, true, "queued", 0,
                Instant.now(), null, null, null, Instant.now(), null);
        try (Smtp smtp = new Smtp(s)) {
            smtp.send(m);
            String answer = smtp.lastAnswer();
            return new TestResult(true, answer.isEmpty() ? "250" : answer);
        } catch (Smtp.Failure f) {
            return new TestResult(false, f.getMessage());
        }
    }

    ChangeLog changes() {
        return changes;
    }
}
