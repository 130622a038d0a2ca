package it.testata.settings;

import it.testata.db.ChangeLog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of staff security and privacy: {@code auth.require_2fa} (off or on: every member of staff must have a
 * second factor), {@code privacy.ip_retention_days} (comments' networks are deleted after this many days) and
 * {@code audit.retention_days} (audit entries are deleted after this many days).
 */
public record StaffSettings(boolean require2fa, int ipRetentionDays, int auditRetentionDays) {
    public static final String REQUIRE_2FA = "auth.require_2fa";
    public static final String IP_RETENTION = "privacy.ip_retention_days";
    public static final String AUDIT_RETENTION = "audit.retention_days";
    public static final Map<String, CommentSettings.Range> RANGES = Map.of(
            IP_RETENTION, new CommentSettings.Range(60, 1, 3_650),
            AUDIT_RETENTION, new CommentSettings.Range(365, 1, 36_500));
    public static final Set<String> NAMES = Set.of(REQUIRE_2FA, IP_RETENTION, AUDIT_RETENTION);

    public static StaffSettings fromRows(Map<String, String> rows) {
        return new StaffSettings("on".equals(rows.get(REQUIRE_2FA)), number(rows, IP_RETENTION), number(rows, AUDIT_RETENTION));
    }

    /** Why a value is refused; empty when it is fine. Only for the names in {@link #NAMES}. */
    public static Optional<String> check(String name, String value) {
        if (name.equals(REQUIRE_2FA)) {
            return "on".equals(value) || "off".equals(value) ? Optional.empty() : Optional.of(name + " must be on or off");
        }
        if (!value.matches("[0-9]{1,6}")) return Optional.of(name + " must be a whole number");
        CommentSettings.Range r = RANGES.get(name);
        return r.admits(Integer.parseInt(value)) ? Optional.empty()
                : Optional.of(name + " must be between " + r.min() + " and " + r.max());
    }

    /** The values the settings form shows. */
    public Map<String, String> formValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put(REQUIRE_2FA, require2fa ? "on" : "off");
        v.put(IP_RETENTION, String.valueOf(ipRetentionDays));
        v.put(AUDIT_RETENTION, String.valueOf(auditRetentionDays));
        return v;
    }

    private static int number(Map<String, String> rows, String key) {
        CommentSettings.Range r = RANGES.get(key);
        try {
            int v = Integer.parseInt(rows.getOrDefault(key, "").strip());
            return r.admits(v) ? v : r.dflt();
        } catch (NumberFormatException e) {
            return r.dflt();
        }
    }

    /** The current values, read again whenever any server records a settings change. */
    public static final class Live {
        private final SettingsService settings;
        private volatile StaffSettings current;

        public Live(SettingsService settings, ChangeLog changes) {
            this.settings = settings;
            this.current = fromRows(settings.rows());
            changes.subscribe(this::onChange);
        }

        public StaffSettings current() {
            return current;
        }

        private synchronized void onChange(Set<String> tags) {
            if (tags.contains(SettingsService.TAG)) current = fromRows(settings.rows());
        }
    }
}
