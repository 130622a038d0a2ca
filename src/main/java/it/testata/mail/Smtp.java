package it.testata.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Talking to the SMTP relay through Jakarta Mail (Eclipse Angus Mail): a session from the settings, a MIME message
 * from an outbox row (multipart/alternative text + HTML, the stored Message-ID, Date, Auto-Submitted, List-Unsubscribe
 * with List-Unsubscribe-Post for bulk), and whether a failure is permanent (a 5xx answer) or worth retrying.
 */
public final class Smtp implements AutoCloseable {
    private final MailSettings settings;
    private final Session session;
    private Transport transport;

    public Smtp(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        String proto = settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", settings.host());
        p.put("mail." + proto + ".port", String.valueOf(settings.port()));
        p.put("mail." + proto + ".connectiontimeout", "10000");
        p.put("mail." + proto + ".timeout", "30000");
        p.put("mail." + proto + ".writetimeout", "30000");
        p.put("mail." + proto + ".auth", String.valueOf(!settings.user().isEmpty()));
        if (settings.security() == MailSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        String from = settings.from();
        p.put("mail." + proto + ".from", from); // the envelope sender
        p.put("mail." + proto + ".localhost", from.substring(from.indexOf('@') + 1));
        this.session = Session.getInstance(p);
    }

    /** A failure with the server's answer and whether it is for good. */
    public static final class Failure extends Exception {
        public final boolean permanent;

        Failure(String answer, boolean permanent, Throwable cause) {
            super(answer, cause);
            this.permanent = permanent;
        }
    }

    /** Sends one stored message over the open connection (opened on first use). */
    public void send(OutboxMessage m) throws Failure {
        try {
            MimeMessage msg = message(m);
            if (transport == null || !transport.isConnected()) {
                transport = session.getTransport();
                if (settings.user().isEmpty()) transport.connect();
                else transport.connect(settings.user(), settings.password());
            }
            transport.sendMessage(msg, msg.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close();
            throw classify(e);
        }
    }

    MimeMessage message(OutboxMessage m) throws MessagingException {
        String messageId = m.messageId();
        MimeMessage msg = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // stable: the same id on every attempt
            }
        };
        msg.setFrom(new InternetAddress(settings.from(), true));
        msg.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to(), true));
        if (m.replyTo() != null) msg.setReplyTo(new InternetAddress[]{new InternetAddress(m.replyTo(), true)});
        msg.setSubject(Addresses.oneLine(m.subject()), StandardCharsets.UTF_8.name());
        msg.setSentDate(new Date());
        if (m.autoSubmitted()) msg.setHeader("Auto-Submitted", "auto-generated");
        if (m.unsubscribeUrl() != null) {
            msg.setHeader("List-Unsubscribe", "<" + Addresses.oneLine(m.unsubscribeUrl()) + ">");
            msg.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            msg.setHeader("Precedence", "bulk");
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        msg.setContent(alternative);
        msg.saveChanges();
        return msg;
    }

    /** A 5xx answer is permanent; refused connections, timeouts and 4xx answers are temporary. */
    static Failure classify(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException a) return new Failure(answer(a.getReturnCode(), a), a.getReturnCode() >= 500, e);
            if (t instanceof SMTPSendFailedException s) return new Failure(answer(s.getReturnCode(), s), s.getReturnCode() >= 500, e);
            if (t instanceof SendFailedException sf && sf.getNextException() instanceof Exception next && next != t) {
                return classify(next);
            }
            if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t
                    && me.getNextException() instanceof SMTPSendFailedException) {
                return classify(me.getNextException());
            }
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof jakarta.mail.AuthenticationFailedException) text = "authentication failed: " + text;
        return new Failure(Addresses.oneLine(text), false, e);
    }

    private static String answer(int code, Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage().strip();
        return Addresses.oneLine(m.startsWith(String.valueOf(code)) ? m : code + " " + m);
    }

    /** The server's last answer on the open connection, for the test message's report. */
    public String lastAnswer() {
        return transport instanceof SMTPTransport t ? Addresses.oneLine(t.getLastServerResponse()) : "";
    }

    @Override
    public void close() {
        if (transport == null) return;
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // closing a broken connection: nothing to do
        }
        transport = null;
    }
}
