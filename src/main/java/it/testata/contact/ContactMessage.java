package it.testata.contact;

import java.time.Instant;

/** A stored contact message; status is unread, read or spam. */
public record ContactMessage(long id, String name, String email, String subject, String body, String ipNet, String status,
                             Instant createdAt) {}
