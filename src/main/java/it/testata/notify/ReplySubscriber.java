package it.testata.notify;

import java.time.Instant;

/**
 * An address that asked for reply notifications: pending until it confirms, confirmed, or unsubscribed from all;
 * with the proof of its consent (when and from which network it asked and confirmed) and when it was last sent a
 * confirmation link.
 */
public record ReplySubscriber(long id, String email, String status, Instant consentAt, String consentNet,
                              Instant askedAt, Instant confirmedAt, String confirmedNet) {
    public boolean confirmed() {
        return status.equals("confirmed");
    }
}
