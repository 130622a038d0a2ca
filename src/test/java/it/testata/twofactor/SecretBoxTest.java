package it.testata.twofactor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the 2FA key comes from (the environment first, else a file made once in the data folder) and what it seals. */
class SecretBoxTest {
    static final byte[] SECRET = "a totp secret!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theKeyFileIsMadeOnceReadableByItsOwnerAndReused(@TempDir Path data) throws Exception {
        SecretBox first = SecretBox.load(data, Map.of());
        Path file = data.resolve(SecretBox.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String sealed = first.seal(SECRET, 7);
        assertThat(SecretBox.load(data, Map.of()).open(sealed, 7)).isEqualTo(SECRET);
        // bound to its account: the same sealed value does not open for another user
        assertThatThrownBy(() -> first.open(sealed, 8)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEnvironmentKeyWinsAndServersWithDifferentKeysCannotReadEachOther(@TempDir Path a, @TempDir Path b) {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox fromEnv = SecretBox.load(a, Map.of(SecretBox.ENV, key));
        assertThat(Files.exists(a.resolve(SecretBox.FILE))).isFalse();
        String sealed = fromEnv.seal(SECRET, 1);
        assertThat(SecretBox.load(b, Map.of(SecretBox.ENV, key)).open(sealed, 1)).isEqualTo(SECRET);
        assertThatThrownBy(() -> SecretBox.load(b, Map.of()).open(sealed, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(SecretBox.ENV);
        assertThatThrownBy(() -> SecretBox.load(a, Map.of(SecretBox.ENV, "short")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 random bytes");
    }
}
