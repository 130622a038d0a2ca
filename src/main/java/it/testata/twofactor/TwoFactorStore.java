package it.testata.twofactor;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQL for second factors: TOTP secrets (sealed), recovery codes (SHA-256 of each), passkeys, the half-signed-in
 * state between password and second factor, and single-use WebAuthn challenges.
 */
public final class TwoFactorStore {
    private final Jdbi jdbi;

    public TwoFactorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record TotpRow(String sealed, boolean confirmed, long lastStep) {}

    /** A passkey as stored: the credential (webauthn4j's attested credential data) in Base64. */
    public record PasskeyRow(long id, long userId, String credentialId, String name, String credential, long signCount,
                             Instant createdAt, Instant lastUsedAt) {}

    /** Password accepted, second factor pending. */
    public record Pending(long userId, String next) {}

    public Optional<TotpRow> totp(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT sealed, confirmed, last_step FROM totp_secrets WHERE user_id = :u")
                .bind("u", userId)
                .map((rs, ctx) -> new TotpRow(rs.getString(1), rs.getInt(2) != 0, rs.getLong(3))).findOne());
    }

    /** True when the account has a confirmed TOTP or at least one passkey. */
    public boolean enrolled(long userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM totp_secrets WHERE user_id = :u AND confirmed = 1)
                             + (SELECT COUNT(*) FROM passkeys WHERE user_id = :u)""")
                .bind("u", userId).mapTo(Integer.class).one() > 0);
    }

    public int recoveryCodesLeft(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM recovery_codes WHERE user_id = :u AND used_at IS NULL")
                .bind("u", userId).mapTo(Integer.class).one());
    }

    public List<PasskeyRow> passkeys(long userId) {
        return jdbi.withHandle(h -> h.createQuery(PASSKEY_SELECT + " WHERE user_id = :u ORDER BY id").bind("u", userId)
                .map((rs, ctx) -> passkey(rs)).list());
    }

    public Optional<PasskeyRow> passkey(String credentialId) {
        return jdbi.withHandle(h -> h.createQuery(PASSKEY_SELECT + " WHERE credential_id = :c").bind("c", credentialId)
                .map((rs, ctx) -> passkey(rs)).findOne());
    }

    public Optional<Pending> pending(String idHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT p.user_id, p.next_path FROM pending_logins p JOIN users u ON u.id = p.user_id
                        WHERE p.id_hash = :id AND p.expires_at > :now AND u.disabled = 0""")
                .bind("id", idHash).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Pending(rs.getLong(1), rs.getString(2))).findOne());
    }

    // ---- writes, inside the caller's transaction ----

    public static void putTotp(Handle h, long userId, String sealed, Instant at) {
        h.createUpdate("DELETE FROM totp_secrets WHERE user_id = :u").bind("u", userId).execute();
        h.createUpdate("INSERT INTO totp_secrets (user_id, sealed, confirmed, last_step, created_at) VALUES (:u, :s, 0, 0, :at)")
                .bind("u", userId).bind("s", sealed).bind("at", at.toEpochMilli()).execute();
    }

    /**
     * Marks this step used (and the secret confirmed); false when this or a later step was already used, which
     * is how a code works only once.
     */
    public static boolean useStep(Handle h, long userId, long step) {
        return h.createUpdate("UPDATE totp_secrets SET last_step = :s, confirmed = 1 WHERE user_id = :u AND last_step < :s")
                .bind("s", step).bind("u", userId).execute() == 1;
    }

    public static int deleteTotp(Handle h, long userId) {
        return h.createUpdate("DELETE FROM totp_secrets WHERE user_id = :u").bind("u", userId).execute();
    }

    public static void replaceRecoveryCodes(Handle h, long userId, List<String> hashes) {
        deleteRecoveryCodes(h, userId);
        for (String hash : hashes) {
            h.createUpdate("INSERT INTO recovery_codes (user_id, code_hash) VALUES (:u, :h)").bind("u", userId).bind("h", hash).execute();
        }
    }

    public static int deleteRecoveryCodes(Handle h, long userId) {
        return h.createUpdate("DELETE FROM recovery_codes WHERE user_id = :u").bind("u", userId).execute();
    }

    /** Uses a recovery code: true once per code. */
    public static boolean useRecoveryCode(Handle h, long userId, String hash, Instant at) {
        return h.createUpdate("UPDATE recovery_codes SET used_at = :at WHERE user_id = :u AND code_hash = :h AND used_at IS NULL")
                .bind("at", at.toEpochMilli()).bind("u", userId).bind("h", hash).execute() == 1;
    }

    public static long insertPasskey(Handle h, long userId, String credentialId, String name, String credential,
                                     long signCount, Instant at) {
        return h.createQuery("""
                        INSERT INTO passkeys (user_id, credential_id, name, credential, sign_count, created_at)
                        VALUES (:u, :c, :n, :cred, :count, :at) RETURNING id""")
                .bind("u", userId).bind("c", credentialId).bind("n", name).bind("cred", credential)
                .bind("count", signCount).bind("at", at.toEpochMilli()).mapTo(Long.class).one();
    }

    public static void passkeyUsed(Handle h, long id, long signCount, Instant at) {
        h.createUpdate("UPDATE passkeys SET sign_count = :count, last_used_at = :at WHERE id = :id")
                .bind("count", signCount).bind("at", at.toEpochMilli()).bind("id", id).execute();
    }

    public static boolean renamePasskey(Handle h, long userId, long id, String name) {
        return h.createUpdate("UPDATE passkeys SET name = :n WHERE id = :id AND user_id = :u")
                .bind("n", name).bind("id", id).bind("u", userId).execute() == 1;
    }

    public static boolean deletePasskey(Handle h, long userId, long id) {
        return h.createUpdate("DELETE FROM passkeys WHERE id = :id AND user_id = :u").bind("id", id).bind("u", userId).execute() == 1;
    }

    public static int deletePasskeys(Handle h, long userId) {
        return h.createUpdate("DELETE FROM passkeys WHERE user_id = :u").bind("u", userId).execute();
    }

    public static void insertPending(Handle h, String idHash, long userId, String next, Instant expires) {
        h.createUpdate("DELETE FROM pending_logins WHERE expires_at <= :now").bind("now", System.currentTimeMillis()).execute();
        h.createUpdate("INSERT INTO pending_logins (id_hash, user_id, next_path, expires_at) VALUES (:id, :u, :next, :exp)")
                .bind("id", idHash).bind("u", userId).bind("next", next).bind("exp", expires.toEpochMilli()).execute();
    }

    public static void deletePending(Handle h, String idHash) {
        h.createUpdate("DELETE FROM pending_logins WHERE id_hash = :id").bind("id", idHash).execute();
    }

    public static void insertChallenge(Handle h, String challenge, String purpose, Long userId, Instant expires) {
        h.createUpdate("DELETE FROM webauthn_challenges WHERE expires_at <= :now").bind("now", System.currentTimeMillis()).execute();
        h.createUpdate("INSERT INTO webauthn_challenges (challenge, purpose, user_id, expires_at) VALUES (:c, :p, :u, :exp)")
                .bind("c", challenge).bind("p", purpose).bind("u", userId).bind("exp", expires.toEpochMilli()).execute();
    }

    /** Takes a challenge (it is deleted): true when it existed for this purpose and user and had not expired. */
    public static boolean takeChallenge(Handle h, String challenge, String purpose, Long userId, Instant now) {
        Optional<Long> owner = h.createQuery("""
                        SELECT COALESCE(user_id, -1) FROM webauthn_challenges
                        WHERE challenge = :c AND purpose = :p AND expires_at > :now""")
                .bind("c", challenge).bind("p", purpose).bind("now", now.toEpochMilli()).mapTo(Long.class).findOne();
        int gone = h.createUpdate("DELETE FROM webauthn_challenges WHERE challenge = :c").bind("c", challenge).execute();
        return gone == 1 && owner.isPresent() && owner.get() == (userId == null ? -1 : userId);
    }

    private static final String PASSKEY_SELECT =
            "SELECT id, user_id, credential_id, name, credential, sign_count, created_at, last_used_at FROM passkeys";

    private static PasskeyRow passkey(java.sql.ResultSet rs) throws java.sql.SQLException {
        long used = rs.getLong("last_used_at");
        Instant lastUsed = rs.wasNull() ? null : Instant.ofEpochMilli(used);
        return new PasskeyRow(rs.getLong("id"), rs.getLong("user_id"), rs.getString("credential_id"), rs.getString("name"),
                rs.getString("credential"), rs.getLong("sign_count"), Instant.ofEpochMilli(rs.getLong("created_at")), lastUsed);
    }
}
