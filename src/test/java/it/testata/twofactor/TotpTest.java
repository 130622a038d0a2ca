package it.testata.twofactor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The site's TOTP against RFC 6238's own test values (SHA-1 key "12345678901234567890", last six digits). */
class TotpTest {
    static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheRfcTestVectors() {
        // RFC 6238 appendix B, SHA1: 94287082 at 59 s, 07081804 at 1111111109 s, 14050471 at 1111111111 s
        assertThat(Totp.code(KEY, Totp.step(59_000))).isEqualTo("287082");
        assertThat(Totp.code(KEY, Totp.step(1_111_111_109_000L))).isEqualTo("081804");
        assertThat(Totp.code(KEY, Totp.step(1_111_111_111_000L))).isEqualTo("050471");
        assertThat(Totp.code(KEY, Totp.step(20_000_000_000_000L))).isEqualTo("353130");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        long t = 1_111_111_109_000L;
        assertThat(Totp.matches(KEY, "081804", t)).hasValue(Totp.step(t));
        assertThat(Totp.matches(KEY, "081 804", t + 30_000)).hasValue(Totp.step(t));
        assertThat(Totp.matches(KEY, "081804", t - 30_000)).hasValue(Totp.step(t));
        assertThat(Totp.matches(KEY, "081804", t + 61_000)).isEmpty();
        assertThat(Totp.matches(KEY, "12345", t)).isEmpty();
    }

    @Test
    void theAppAddressCarriesTheKeyInBase32() {
        assertThat(Totp.base32(KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.uri("Il Tessitore", "ada@example.org", KEY))
                .isEqualTo("otpauth://totp/Il%20Tessitore:ada%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Il%20Tessitore&algorithm=SHA1&digits=6&period=30");
    }
}
