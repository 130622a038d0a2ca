package it.testata.twofactor;

import it.testata.account.AccountService;
import it.testata.db.ChangeLog;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rules of second factors. A TOTP secret is made sealed and unconfirmed; the first right code confirms it and
 * gives ten recovery codes (shown once, kept as SHA-256). A code is accepted once (its time step is remembered), a
 * recovery code once. Between a right password and the second factor there is only a pending sign-in (a cookie
 * whose hash is in pending_logins, {@link #PENDING_LIFETIME} long): it grants no staff access.
 */
public final class TwoFactorService {
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);
    public static final int RECOVERY_CODES = 10;
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwoFactorStore store;
    private final ChangeLog changes;
    private final java.util.function.Supplier<SecretBox> keyLoader;
    private volatile SecretBox box;

    /** The key is loaded (or made) the first time a secret is sealed or opened, not when a command opens the site. */
    public TwoFactorService(TwoFactorStore store, ChangeLog changes, java.util.function.Supplier<SecretBox> keyLoader) {
        this.store = store;
        this.changes = changes;
        this.keyLoader = keyLoader;
    }

    private SecretBox box() {
        SecretBox b = box;
        if (b == null) {
            synchronized (this) {
                if (box == null) box = keyLoader.get();
                b = box;
            }
        }
        return b;
    }

    public TwoFactorStore store() {
        return store;
    }

    /** A second factor the account has: a confirmed TOTP or a passkey. */
    public boolean enrolled(long userId) {
        return store.enrolled(userId);
    }

    public boolean hasTotp(long userId) {
        return store.totp(userId).map(TwoFactorStore.TotpRow::confirmed).orElse(false);
    }

    /** The unconfirmed secret being set up, if any. */
    public Optional<byte[]> pendingTotp(long userId) {
        return store.totp(userId).filter(t -> !t.confirmed()).map(t -> box().open(t.sealed(), userId));
    }

    /** Starts setting up TOTP (replacing an unconfirmed secret); refused while a confirmed one exists. */
    public byte[] startTotp(long userId) {
        if (hasTotp(userId)) throw new IllegalStateException("TOTP is already set up; disable it first");
        byte[] secret = Totp.newSecret();
        String sealed = box().seal(secret, userId);
        changes.write((h, touched) -> {
            TwoFactorStore.putTotp(h, userId, sealed, Instant.now());
            return null;
        });
        return secret;
    }

    /**
     * Confirms the secret being set up with a code from the app. Returns the new recovery codes (made when the
     * account has none left) or an empty list; empty optional when the code is wrong.
     */
    public Optional<List<String>> confirmTotp(long userId, String code) {
        Optional<byte[]> secret = pendingTotp(userId);
        if (secret.isEmpty()) return Optional.empty();
        OptionalLong step = Totp.matches(secret.get(), code, System.currentTimeMillis());
        if (step.isEmpty()) return Optional.empty();
        boolean needCodes = store.recoveryCodesLeft(userId) == 0;
        List<String> codes = needCodes ? newCodes() : List.of();
        boolean ok = changes.write((h, touched) -> {
            if (!TwoFactorStore.useStep(h, userId, step.getAsLong())) return false;
            if (needCodes) TwoFactorStore.replaceRecoveryCodes(h, userId, codes.stream().map(TwoFactorService::hash).toList());
            return true;
        });
        return ok ? Optional.of(codes) : Optional.empty();
    }

    /** Removes TOTP; the recovery codes go too unless a passkey remains. */
    public boolean disableTotp(long userId) {
        return changes.write((h, touched) -> {
            int n = TwoFactorStore.deleteTotp(h, userId);
            if (store.passkeys(userId).isEmpty()) TwoFactorStore.deleteRecoveryCodes(h, userId);
            return n > 0;
        });
    }

    /** Ten new recovery codes, replacing the old ones; shown once. */
    public List<String> regenerateRecoveryCodes(long userId) {
        List<String> codes = newCodes();
        changes.write((h, touched) -> {
            TwoFactorStore.replaceRecoveryCodes(h, userId, codes.stream().map(TwoFactorService::hash).toList());
            return null;
        });
        return codes;
    }

    public int recoveryCodesLeft(long userId) {
        return store.recoveryCodesLeft(userId);
    }

    /** Checks a second factor typed at sign-in: a TOTP code (each once) or a recovery code (each once). */
    public Optional<String> verify(long userId, String typed) {
        String t = typed == null ? "" : typed.strip();
        Optional<TwoFactorStore.TotpRow> totp = store.totp(userId).filter(TwoFactorStore.TotpRow::confirmed);
        if (totp.isPresent() && t.replaceAll("[\\s-]", "").matches("[0-9]{6}")) {
            OptionalLong step = Totp.matches(box().open(totp.get().sealed(), userId), t, System.currentTimeMillis());
            if (step.isPresent() && changes.write((h, touched) -> TwoFactorStore.useStep(h, userId, step.getAsLong()))) {
                return Optional.of("totp");
            }
            return Optional.empty();
        }
        String normalized = normalizeCode(t);
        if (normalized.length() != 10) return Optional.empty();
        boolean used = changes.write((h, touched) -> TwoFactorStore.useRecoveryCode(h, userId, hash(normalized), Instant.now()));
        return used ? Optional.of("recovery") : Optional.empty();
    }

    /** Removes every second factor of an account (TOTP, recovery codes, passkeys); returns what was removed. */
    public String reset(long userId) {
        return changes.write((h, touched) -> {
            int totp = TwoFactorStore.deleteTotp(h, userId);
            int codes = TwoFactorStore.deleteRecoveryCodes(h, userId);
            int keys = TwoFactorStore.deletePasskeys(h, userId);
            return "totp=" + totp + " recovery_codes=" + codes + " passkeys=" + keys;
        });
    }

    // ---- the pending sign-in ----

    /** Starts a pending sign-in; returns the cookie value. */
    public String beginPending(long userId, String next) {
        String cookie = AccountService.randomToken(32);
        changes.write((h, touched) -> {
            TwoFactorStore.insertPending(h, AccountService.sha256(cookie), userId, next, Instant.now().plus(PENDING_LIFETIME));
            return null;
        });
        return cookie;
    }

    public Optional<TwoFactorStore.Pending> pending(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) return Optional.empty();
        return store.pending(AccountService.sha256(cookie), Instant.now());
    }

    public void endPending(String cookie) {
        if (cookie == null || cookie.isBlank()) return;
        changes.write((h, touched) -> {
            TwoFactorStore.deletePending(h, AccountService.sha256(cookie));
            return null;
        });
    }

    private static List<String> newCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                if (j == 5) b.append('-');
                b.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
            }
            codes.add(b.toString());
        }
        return codes;
    }

    static String normalizeCode(String typed) {
        return typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String hash(String code) {
        return AccountService.sha256("recovery:" + normalizeCode(code));
    }
}
