package it.testata.settings;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.LinkedHashMap;
import java.util.Map;

/** SQL for the settings table. */
public final class SettingsStore {
    private final Jdbi jdbi;

    public SettingsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Map<String, String> all() {
        return jdbi.withHandle(h -> {
            Map<String, String> rows = new LinkedHashMap<>();
            h.createQuery("SELECT name, value FROM settings")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> rows.put(e.getKey(), e.getValue()));
            return rows;
        });
    }

    public void putIfAbsent(String name, String value) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .bind("name", name).bind("value", value).execute());
    }

    public static void put(Handle h, String name, String value) {
        h.createUpdate("""
                INSERT INTO settings (name, value) VALUES (:name, :value)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value""")
                .bind("name", name).bind("value", value).execute();
    }
}
