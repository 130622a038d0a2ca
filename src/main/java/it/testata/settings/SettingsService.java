package it.testata.settings;

import it.testata.db.ChangeLog;
import org.jdbi.v3.core.Jdbi;

import java.util.Map;
import java.util.Set;

/** The current settings, read once and read again whenever any server records a settings change. */
public final class SettingsService {
    public static final String TAG = "settings";

    private final ChangeLog changes;
    private final SettingsStore store;
    private volatile Settings current;

    public SettingsService(Jdbi jdbi, ChangeLog changes) {
        this.changes = changes;
        this.store = new SettingsStore(jdbi);
        this.current = Settings.fromRows(store.all());
        changes.subscribe(this::onChange);
    }

    /** Every stored setting as name and value, secrets left out. */
    public Map<String, String> rows() {
        Map<String, String> rows = new java.util.LinkedHashMap<>(store.all());
        rows.keySet().removeIf(k -> k.startsWith("secret."));
        rows.computeIfPresent("mail.smtp_password", (k, v) -> v.isEmpty() ? "" : "(set)"); // --- mail --- write-only
        return rows;
    }

    /**
     * The site's signing key (form tokens, the pending-comment cookie), made once and kept in the database so
     * every server shares it.
     */
    public byte[] signingKey() {
        String key = store.all().get("secret.signing");
        if (key == null) {
            byte[] fresh = new byte[32];
            new java.security.SecureRandom().nextBytes(fresh);
            store.putIfAbsent("secret.signing", java.util.HexFormat.of().formatHex(fresh));
            key = store.all().get("secret.signing");
        }
        return java.util.HexFormat.of().parseHex(key);
    }

    /** A secret setting (never listed by {@link #rows}), read from the database. */
    public java.util.Optional<String> secret(String name) {
        return java.util.Optional.ofNullable(store.all().get(name)).filter(v -> !v.isEmpty());
    }

    /** Stores or, with an empty value, clears a secret setting. */
    public void putSecret(String name, String value) {
        if (!name.startsWith("secret.")) throw new IllegalArgumentException(name + " is not a secret setting");
        update(java.util.Map.of(name, value));
    }

    public Settings current() {
        return current;
    }

    /**
     * Reads the settings again. Synchronized so that reads finish in the order they start: the change
     * follower's read that began before a commit cannot overwrite the writer's read made after it.
     */
    private synchronized void onChange(Set<String> tags) {
        if (tags.contains(TAG)) current = Settings.fromRows(store.all());
    }

    /** Saves several settings in one transaction and records the change. */
    public void update(Map<String, String> values) {
        changes.write((h, touched) -> {
            values.forEach((k, v) -> SettingsStore.put(h, k, it.testata.text.CleanText.text(v)));
            touched.add(TAG);
            return null;
        });
    }
}
