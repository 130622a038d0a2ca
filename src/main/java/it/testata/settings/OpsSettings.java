package it.testata.settings;

import it.testata.spam.Networks;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's settings: who may read /metrics (metrics.token, a Bearer token; metrics.allow, networks) and
 * scheduled backups (backup.schedule, backup.keep, backup.dir, backup.before_upgrade).
 */
public record OpsSettings(String metricsToken, List<Networks.Block> metricsAllow, Schedule backupSchedule,
                          int backupKeep, String backupDir, boolean backupBeforeUpgrade) {
    public static final Set<String> NAMES = Set.of("metrics.token", "metrics.allow", "backup.schedule", "backup.keep",
            "backup.dir", "backup.before_upgrade");
    private static final Pattern DAILY = Pattern.compile("daily (\\d{2}):(\\d{2})");
    private static final Pattern EVERY = Pattern.compile("every (\\d{1,4})([mh])");

    /** When backups run: every day at a local time, or at a fixed interval; null when off. */
    public record Schedule(LocalTime dailyAt, Duration every) {}

    public static OpsSettings fromRows(Map<String, String> rows) {
        String keep = rows.getOrDefault("backup.keep", "7");
        return new OpsSettings(rows.getOrDefault("metrics.token", ""),
                SpamSettings.list(rows.getOrDefault("metrics.allow", "")).stream()
                        .map(Networks::parse).flatMap(Optional::stream).toList(),
                schedule(rows.getOrDefault("backup.schedule", "")).orElse(null),
                keep.matches("[0-9]{1,4}") ? Math.max(1, Integer.parseInt(keep)) : 7,
                rows.getOrDefault("backup.dir", ""),
                "true".equals(rows.get("backup.before_upgrade")));
    }

    static Optional<Schedule> schedule(String value) {
        Matcher d = DAILY.matcher(value.strip());
        if (d.matches()) {
            int h = Integer.parseInt(d.group(1)), m = Integer.parseInt(d.group(2));
            return h < 24 && m < 60 ? Optional.of(new Schedule(LocalTime.of(h, m), null)) : Optional.empty();
        }
        Matcher e = EVERY.matcher(value.strip());
        if (e.matches()) {
            long n = Long.parseLong(e.group(1));
            Duration every = "h".equals(e.group(2)) ? Duration.ofHours(n) : Duration.ofMinutes(n);
            return every.compareTo(Duration.ofMinutes(5)) >= 0 ? Optional.of(new Schedule(null, every)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Why the value is refused, or empty when it is acceptable. */
    static Optional<String> check(String name, String value) {
        return switch (name) {
            case "metrics.token" -> value.isEmpty() || value.matches("[A-Za-z0-9._~+/=-]{16,200}") ? Optional.empty()
                    : Optional.of("metrics.token must be 16 to 200 letters, digits or ._~+/=- (or empty: no token)");
            case "metrics.allow" -> SpamSettings.list(value).stream().filter(x -> Networks.parse(x).isEmpty()).findFirst()
                    .map(x -> "metrics.allow: '" + x + "' is not an address or network like 10.0.0.0/8");
            case "backup.schedule" -> value.isEmpty() || schedule(value).isPresent() ? Optional.empty()
                    : Optional.of("backup.schedule must be like 'daily 03:30' or 'every 6h' / 'every 30m' (at least 5 minutes), or empty: off");
            case "backup.keep" -> value.matches("[0-9]{1,4}") && Integer.parseInt(value) >= 1 ? Optional.empty()
                    : Optional.of("backup.keep must be a whole number from 1");
            case "backup.dir" -> value.length() <= 1000 && !value.contains("\0") ? Optional.empty()
                    : Optional.of("backup.dir must be a folder path");
            case "backup.before_upgrade" -> Arrays.asList("true", "false").contains(value) ? Optional.empty()
                    : Optional.of("backup.before_upgrade must be true or false");
            default -> Optional.of("unknown setting " + name);
        };
    }
}
