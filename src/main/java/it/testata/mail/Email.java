package it.testata.mail;

/**
 * One message to put into the outbox: its kind (test, contact, confirm, notify, newsletter, reset), the
 * recipient, an optional Reply-To, the subject, both bodies, and for anything sent to many the one-click
 * unsubscribe address (it becomes List-Unsubscribe and List-Unsubscribe-Post). {@code autoSubmitted} marks
 * messages a program sends on its own (RFC 3834). {@code issueId}/{@code subscriberId} tie a newsletter copy to
 * its issue and reader.
 */
public record Email(String kind, String to, String replyTo, String subject, Rendered body, String unsubscribeUrl,
                    boolean autoSubmitted, Long issueId, Long subscriberId) {

    /** A message's two bodies. */
    public record Rendered(String text, String html) {}

    public Email {
        if (!Addresses.valid(to)) throw new IllegalArgumentException("not one e-mail address: " + to);
        if (replyTo != null && !Addresses.valid(replyTo)) throw new IllegalArgumentException("not one e-mail address: " + replyTo);
        subject = Addresses.oneLine(subject);
    }

    public static Email of(String kind, String to, String subject, Rendered body) {
        return new Email(kind, to, null, subject, body, null, true, null, null);
    }
}
