package it.testata.comment;

import it.testata.web.Signer;

import java.time.Duration;
import java.time.Instant;

/**
 * The signed token in every comment form: when the form was served and a random nonce. A submission less than
 * three seconds after the page was served is a bot's; one more than a day later is stale. The token is put into
 * the page as it is sent, so pages served from the cache carry a fresh one too.
 */
public final class FormToken {
    public static final Duration MIN_AGE = Duration.ofSeconds(3);
    public static final Duration MAX_AGE = Duration.ofDays(1);
    private static final String PURPOSE = "comment-form";

    public enum Check { OK, TOO_FAST, TOO_OLD, INVALID }

    private final Signer signer;

    public FormToken(Signer signer) {
        this.signer = signer;
    }

    public String issue(Instant now) {
        // the nonce only makes tokens distinct; the signature is what cannot be forged
        byte[] nonce = new byte[9];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(nonce);
        return signer.sign(PURPOSE, Long.toString(now.toEpochMilli(), 36) + "-" + Signer.encode(nonce));
    }

    public Check check(String token, Instant now) {
        var value = signer.verify(PURPOSE, token);
        if (value.isEmpty()) return Check.INVALID;
        long issued;
        try {
            issued = Long.parseLong(value.get().substring(0, value.get().indexOf('-')), 36);
        } catch (RuntimeException e) {
            return Check.INVALID;
        }
        Duration age = Duration.between(Instant.ofEpochMilli(issued), now);
        if (age.compareTo(MIN_AGE) < 0) return Check.TOO_FAST;
        if (age.compareTo(MAX_AGE) > 0) return Check.TOO_OLD;
        return Check.OK;
    }
}
