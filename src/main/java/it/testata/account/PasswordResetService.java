package it.testata.account;

import it.testata.db.ChangeLog;
import it.testata.mail.Email;
import it.testata.mail.MailContent;
import it.testata.mail.MailService;
import it.testata.mail.MailTemplates;
import it.testata.settings.SettingsService;
import it.testata.web.Messages;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Password dimenticata?": a single-use link valid one hour, of which only the SHA-256 is stored, sent through the
 * outbox in the transaction that records the request. The answer is the same whether or not the account exists;
 * at most 3 requests an hour per address and 10 per network do anything. Using the link sets the password, spends
 * it and every other open link of the account, and ends all its sessions, in one transaction.
 */
public final class PasswordResetService {
    static final Duration VALID = Duration.ofHours(1);
    static final int PER_ADDRESS = 3;
    static final int PER_NETWORK = 10;

    private final Jdbi jdbi;
    private final ChangeLog changes;
    private final MailService mail;
    private final SettingsService settings;

    public PasswordResetService(Jdbi jdbi, ChangeLog changes, MailService mail, SettingsService settings) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.mail = mail;
        this.settings = settings;
    }

    /** Records the request and, for an active account within the limits, queues the link. */
    public void request(String typedEmail, String net, String baseUrl) {
        String email;
        try {
            email = AccountService.normalizeEmail(typedEmail);
        } catch (IllegalArgumentException e) {
            return;
        }
        Instant now = Instant.now();
        String token = AccountService.randomToken(32);
        boolean queued = changes.write((h, touched) -> {
            long hour = now.minus(Duration.ofHours(1)).toEpochMilli();
            int byAddress = count(h, "email", email, hour);
            int byNetwork = count(h, "ip_net", net, hour);
            if (byAddress >= PER_ADDRESS || byNetwork >= PER_NETWORK) return false;
            Optional<Long> user = h.createQuery("SELECT id FROM users WHERE email = :email AND disabled = 0")
                    .bind("email", email).mapTo(Long.class).findOne();
            h.createUpdate("INSERT INTO password_resets (token_hash, user_id, email, ip_net, created_at, expires_at) "
                            + "VALUES (:hash, :user, :email, :net, :at, :until)")
                    .bind("hash", AccountService.sha256(token)).bind("user", user.orElse(null)).bind("email", email)
                    .bind("net", net).bind("at", now.toEpochMilli()).bind("until", now.plus(VALID).toEpochMilli()).execute();
            if (user.isEmpty() || !it.testata.mail.Addresses.valid(email)) return false;
            mail.queue(h, message(email, baseUrl + "/admin/password-reset/new?t=" + token));
            return true;
        });
        if (queued) mail.poke();
    }

    private static int count(Handle h, String column, String value, long since) {
        return h.createQuery("SELECT COUNT(*) FROM password_resets WHERE " + column + " = :v AND created_at > :since")
                .bind("v", value).bind("since", since).mapTo(Integer.class).one();
    }

    private Email message(String email, String link) {
        var s = settings.current();
        Messages msg = Messages.of(s.javaLocale());
        MailContent c = new MailContent(msg.lang(), s.siteName(), msg.t("reset.mail.heading"),
                List.of(msg.t("reset.mail.body", s.siteName())), null, new MailContent.Link(msg.t("reset.mail.button"), link),
                List.of(), msg.t("reset.mail.ignore"));
        return Email.of("reset", email, msg.t("reset.mail.subject", s.siteName()), MailTemplates.render(c));
    }

    /** The account a link is for, while it is unused and less than an hour old. */
    public Optional<Long> valid(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM password_resets WHERE token_hash = :hash "
                        + "AND used_at IS NULL AND expires_at > :now AND user_id IS NOT NULL")
                .bind("hash", AccountService.sha256(token)).bind("now", Instant.now().toEpochMilli())
                .mapTo(Long.class).findOne());
    }

    /** Sets the new password with the link, once; false when the link is not (or no longer) valid. */
    public boolean reset(String token, char[] password) {
        AccountService.checkPassword(password);
        String hash = Passwords.hash(password);
        Instant now = Instant.now();
        return changes.write((h, touched) -> {
            Optional<Long> user = h.createQuery("SELECT user_id FROM password_resets WHERE token_hash = :hash "
                            + "AND used_at IS NULL AND expires_at > :now AND user_id IS NOT NULL")
                    .bind("hash", AccountService.sha256(token)).bind("now", now.toEpochMilli()).mapTo(Long.class).findOne();
            if (user.isEmpty()) return false;
            // spends this link and every other open one of the account
            h.createUpdate("UPDATE password_resets SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
                    .bind("now", now.toEpochMilli()).bind("user", user.get()).execute();
            UserStore.deleteSessionsOf(h, user.get());
            return UserStore.setPassword(h, user.get(), hash);
        });
    }
}
