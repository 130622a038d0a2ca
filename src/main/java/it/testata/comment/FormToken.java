package it.testata.comment;

import it.testata.web.Signer;

import java.nio.charset.StandardCharsets;
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
    private static final byte[] PURPOSE_BYTES = PURPOSE.getBytes(StandardCharsets.UTF_8);
    private static final byte[] NONE = {};
    private static final int NONCE_BYTES = 9;
    private static final int NONCE_CHARS = 12;

    public enum Check { OK, TOO_FAST, TOO_OLD, INVALID }

    private final Signer signer;

    public FormToken(Signer signer) {
        this.signer = signer;
    }

    public String issue(Instant now) {
        return new String(issue(now.toEpochMilli(), NONE, NONE), StandardCharsets.US_ASCII);
    }

    /**
     * A token between {@code before} and {@code after}, in one array: the page cache puts one into every answer
     * of a page with the form, so it is made without a String or a copy per step. The token is
     * "time-nonce.signature": the issue time in milliseconds in base 36, 9 random bytes and 18 bytes of the
     * signature in URL-safe Base64.
     */
    public byte[] issue(long nowMillis, byte[] before, byte[] after) {
        int time = base36Length(nowMillis);
        int value = time + 1 + NONCE_CHARS;
        byte[] out = new byte[before.length + value + Signer.SIGNED_EXTRA + after.length];
        System.arraycopy(before, 0, out, 0, before.length);
        int at = before.length;
        long t = nowMillis;
        for (int i = at + time - 1; i >= at; i--, t /= 36) out[i] = (byte) Character.forDigit((int) (t % 36), 36);
        out[at + time] = '-';
        // the nonce only makes tokens distinct; the signature is what cannot be forged
        // its raw bytes go first where the signature will be (room enough), then Base64 into their place
        int raw = at + value + 1;
        var random = java.util.concurrent.ThreadLocalRandom.current();
        long bits = random.nextLong();
        for (int i = 0; i < 8; i++) out[raw + i] = (byte) (bits >>> (8 * i));
        out[raw + 8] = (byte) random.nextInt();
        Signer.encode(out, raw, NONCE_BYTES, out, at + time + 1);
        int end = signer.signInPlace(PURPOSE_BYTES, out, at, at + value);
        System.arraycopy(after, 0, out, end, after.length);
        return out;
    }

    private static int base36Length(long millis) {
        int n = 1;
        for (long t = millis / 36; t > 0; t /= 36) n++;
        return n;
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
