package it.testata.contact;

import it.testata.comment.CommentStore;
import it.testata.db.ChangeLog;
import it.testata.mail.Addresses;
import it.testata.mail.Email;
import it.testata.mail.MailContent;
import it.testata.mail.MailService;
import it.testata.mail.MailTemplates;
import it.testata.settings.Settings;
import it.testata.spam.SpamInput;
import it.testata.spam.SpamService;
import it.testata.spam.Verdict;
import it.testata.web.Messages;

import java.time.Instant;
import java.util.List;

/**
 * The contact form's rules: the flood limit (comments.flood_seconds, per address and network), the spam filter,
 * and in one transaction the stored message and its e-mail to contact.to (Reply-To: the sender) in the outbox. The
 * recipient is always the configured one: the form cannot relay. Spam is stored and not sent; what the filter
 * would discard is only counted.
 */
public final class ContactService {
    private final ContactStore store;
    private final ChangeLog changes;
    private final SpamService spam;
    private final MailService mail;

    public ContactService(ContactStore store, ChangeLog changes, SpamService spam, MailService mail) {
        this.store = store;
        this.changes = changes;
        this.spam = spam;
        this.mail = mail;
    }

    public ContactStore store() {
        return store;
    }

    public enum Outcome { SENT, FLOOD, SPAM, DISCARDED }

    public Outcome submit(ContactForm typed, Settings site, String ipNet, String adminUrl) {
        ContactForm f = new ContactForm(typed.name(), Addresses.normalize(typed.email()), typed.subject(), typed.message(),
                typed.honeypot(), typed.token());
        SpamService.Assessment a = spam.assess(new SpamInput(f.name(), f.email(), "", f.subject() + "\n" + f.message(), ipNet),
                site.spam());
        if (a.verdict() == Verdict.DISCARD) {
            spam.discarded("contact");
            return Outcome.DISCARDED;
        }
        boolean isSpam = a.verdict() == Verdict.SPAM;
        Instant now = Instant.now();
        String to = mail.current().contactTo();
        Outcome outcome = changes.write((h, touched) -> {
            CommentStore.lockSubmissions(h);
            int flood = site.comments().floodSeconds();
            if (flood > 0 && ContactStore.recentFrom(h, f.email(), ipNet, now.minusSeconds(flood)) > 0) return Outcome.FLOOD;
            long id = ContactStore.insert(h, f, ipNet, isSpam ? "spam" : "unread", now);
            if (!isSpam && !to.isEmpty()) mail.queue(h, notice(f, id, site, to, adminUrl));
            return isSpam ? Outcome.SPAM : Outcome.SENT;
        });
        if (outcome == Outcome.SENT) mail.poke();
        return outcome;
    }

    private static Email notice(ContactForm f, long id, Settings site, String to, String adminUrl) {
        Messages msg = Messages.of(site.javaLocale());
        String subject = msg.t("contact.mail.subject", site.siteName(), Addresses.oneLine(f.subject()));
        MailContent content = new MailContent(msg.lang(), site.siteName(), Addresses.oneLine(f.subject()),
                List.of(msg.t("contact.mail.from", f.name(), f.email())), f.message(),
                new MailContent.Link(msg.t("contact.mail.open"), adminUrl + "/admin/messages/" + id), List.of(),
                msg.t("contact.mail.replyHint"));
        return new Email("contact", to, f.email(), subject, MailTemplates.render(content), null, true, null, null);
    }
}
