package it.testata.twofactor;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Seals the TOTP secrets with AES-256-GCM, so that a copy of the database alone does not give them away. The key
 * is the environment variable {@value #ENV} (32 bytes in Base64) when set; otherwise the file {@value #FILE} in
 * the data folder, made on first use (readable by its owner only). Several servers on one PostgreSQL must share
 * the key: set the same {@value #ENV} on each (or copy the file to each data folder). A sealed value is
 * "v1:" + Base64(12-byte nonce + ciphertext with its tag); the user's id is bound in as associated data, so a
 * secret copied onto another account does not open.
 */
public final class SecretBox {
    public static final String ENV = "TESTATA_2FA_KEY";
    public static final String FILE = "2fa.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(byte[] key) {
        if (key.length != 32) throw new IllegalArgumentException("the 2FA key must be 32 bytes (Base64 of 32 random bytes)");
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key from the environment, else from the data folder (made there when missing). */
    public static SecretBox load(Path dataDir, Map<String, String> env) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            try {
                return new SecretBox(Base64.getDecoder().decode(fromEnv.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(ENV + " must be 32 random bytes in Base64 (openssl rand -base64 32)");
            }
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path tmp = Files.createTempFile(dataDir, ".2fa", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the folder's own permissions apply
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(tmp); // another process made it first: use theirs
                }
            }
            return new SecretBox(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the 2FA key " + file, e);
        }
    }

    public String seal(byte[] plain, long userId) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(userId));
            byte[] out = c.doFinal(plain);
            byte[] all = new byte[12 + out.length];
            System.arraycopy(nonce, 0, all, 0, 12);
            System.arraycopy(out, 0, all, 12, out.length);
            return "v1:" + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret, or an exception when the value was sealed with another key or for another user. */
    public byte[] open(String sealed, long userId) {
        if (sealed == null || !sealed.startsWith("v1:")) throw new IllegalStateException("not a sealed 2FA secret");
        byte[] all = Base64.getDecoder().decode(sealed.substring(3));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(aad(userId));
            return c.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the 2FA secret does not open with this key (is " + ENV
                    + " or DATA/" + FILE + " the same on every server?)", e);
        }
    }

    private static byte[] aad(long userId) {
        return ("testata-totp:" + userId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
