package it.testata.comment;

import it.testata.web.Signer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment form's token made straight into bytes (as the page cache puts one into every answer) is the token
 * the String-based signer gives and the check accepts.
 */
class FormTokenTest {
    private static final byte[] KEY = "a key of thirty-two bytes, no less".getBytes(StandardCharsets.US_ASCII);

    @Test
    void signingInPlaceGivesTheSignatureSignGives() {
        Signer signer = new Signer(KEY);
        byte[] purpose = "comment-form".getBytes(StandardCharsets.US_ASCII);
        for (String value : new String[] {"x", "mirx1k2a-AbCdEfGhIjKl", "1-_-_"}) {
            byte[] buf = new byte[value.length() + Signer.SIGNED_EXTRA + 3];
            System.arraycopy(value.getBytes(StandardCharsets.US_ASCII), 0, buf, 2, value.length());
            int end = signer.signInPlace(purpose, buf, 2, 2 + value.length());
            assertThat(end).isEqualTo(2 + value.length() + Signer.SIGNED_EXTRA);
            assertThat(new String(buf, 2, end - 2, StandardCharsets.US_ASCII)).isEqualTo(signer.sign("comment-form", value));
        }
    }

    @Test
    void encodingAtAnOffsetIsTheJdksUrlSafeBase64() {
        Random random = new Random(7);
        for (int n = 0; n <= 30; n += 3) {
            byte[] src = new byte[n];
            random.nextBytes(src);
            byte[] padded = new byte[n + 2];
            System.arraycopy(src, 0, padded, 2, n);
            byte[] dst = new byte[n / 3 * 4 + 5];
            int end = Signer.encode(padded, 2, n, dst, 5);
            assertThat(new String(dst, 5, end - 5, StandardCharsets.US_ASCII))
                    .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(src));
        }
    }

    @Test
    void aTokenMadeInBytesSitsBetweenItsPartsAndPassesTheCheck() {
        FormToken tokens = new FormToken(new Signer(KEY));
        Instant issued = Instant.parse("2026-12-07T05:00:00.123Z");
        byte[] before = "<input value=\"".getBytes(StandardCharsets.US_ASCII);
        byte[] after = "\">".getBytes(StandardCharsets.US_ASCII);
        String html = new String(tokens.issue(issued.toEpochMilli(), before, after), StandardCharsets.US_ASCII);
        assertThat(html).startsWith("<input value=\"").endsWith("\">");
        String token = html.substring(before.length, html.length() - after.length);
        assertThat(token).matches("[0-9a-z]+-[A-Za-z0-9_-]{12}\\.[A-Za-z0-9_-]{24}");
        assertThat(Long.parseLong(token.substring(0, token.indexOf('-')), 36)).isEqualTo(issued.toEpochMilli());

        assertThat(tokens.check(token, issued.plusSeconds(10))).isEqualTo(FormToken.Check.OK);
        assertThat(tokens.check(token, issued.plusSeconds(1))).isEqualTo(FormToken.Check.TOO_FAST);
        assertThat(tokens.check(token, issued.plus(FormToken.MAX_AGE).plusSeconds(1))).isEqualTo(FormToken.Check.TOO_OLD);
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(tokens.check(forged, issued.plusSeconds(10))).isEqualTo(FormToken.Check.INVALID);
        assertThat(new FormToken(new Signer("another key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII)))
                .check(token, issued.plusSeconds(10))).isEqualTo(FormToken.Check.INVALID);
    }

    @Test
    void everyTokenIsNew() {
        FormToken tokens = new FormToken(new Signer(KEY));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) seen.add(tokens.issue(Instant.parse("2026-12-07T05:00:00Z")));
        assertThat(seen).hasSize(1_000);
    }
}
