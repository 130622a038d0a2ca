package it.testata.mail;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Message-IDs made at queueing: {@code <UUID@domain>} with a time-ordered UUID (version 7, RFC 9562: 48 bits of Unix
 * milliseconds, then random bits). Still unique and unguessable, and the outbox's unique index on them takes a
 * newsletter's thousands of copies at its end rather than at random places.
 */
final class MessageIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {}

    static String next(String domain, long epochMillis) {
        return "<" + uuid7(epochMillis) + "@" + domain + ">";
    }

    static UUID uuid7(long epochMillis) {
        long high = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
