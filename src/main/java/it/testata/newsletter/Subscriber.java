package it.testata.newsletter;

import java.time.Instant;

/**
 * A newsletter subscriber: status pending, confirmed, unsubscribed or bouncing; when and from which network they
 * gave consent (and how: form or import) and confirmed it, the proof of consent; permanent failures in a row.
 */
public record Subscriber(long id, String email, String name, String status, Instant consentAt, String consentNet,
                         String consentSource, Instant confirmedAt, String confirmedNet, int failures) {}
