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

    /** Every stored setting as name and value. */
    public Map<String, String> rows() {
        return store.all();
    }

    public Settings current() {
        return current;
    }

    private void onChange(Set<String> tags) {
        if (tags.contains(TAG)) current = Settings.fromRows(store.all());
    }

    /** Saves several settings in one transaction and records the change. */
    public void update(Map<String, String> values) {
        changes.write((h, touched) -> {
            values.forEach((k, v) -> SettingsStore.put(h, k, v));
            touched.add(TAG);
            return null;
        });
    }
}
