package it.testata.mail;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the newsletter goes out (settings newsletter.mode, newsletter.digest_time, newsletter.digest_day): each article
 * when it is published (the default), or a daily or weekly digest of the new articles at a time of day (08:00) and, for
 * the weekly one, on a weekday (Monday), in the site's time zone.
 */
public record DigestRules(Mode mode, LocalTime at, DayOfWeek day) {

    public enum Mode {
        ARTICLE, DAILY, WEEKLY;

        public String db() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String MODE = "newsletter.mode", TIME = "newsletter.digest_time", DAY = "newsletter.digest_day";
    public static final List<String> NAMES = List.of(MODE, TIME, DAY);
    public static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);

    public static DigestRules fromRows(Map<String, String> rows) {
        Mode mode = switch (rows.getOrDefault(MODE, "article")) {
            case "daily" -> Mode.DAILY;
            case "weekly" -> Mode.WEEKLY;
            default -> Mode.ARTICLE;
        };
        String t = rows.getOrDefault(TIME, "");
        LocalTime at = !t.isEmpty() && check(TIME, t).isEmpty() ? LocalTime.parse(t) : DEFAULT_TIME;
        String d = rows.getOrDefault(DAY, "");
        DayOfWeek day = DAYS.contains(d) ? DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT)) : DayOfWeek.MONDAY;
        return new DigestRules(mode, at, day);
    }

    /** Why a value is refused, or empty; an empty value stands for the default. */
    public static Optional<String> check(String name, String value) {
        if (value.isEmpty()) return Optional.empty();
        return switch (name) {
            case MODE -> List.of("article", "daily", "weekly").contains(value) ? Optional.empty()
                    : Optional.of(name + " must be article, daily or weekly");
            case TIME -> value.matches("([01][0-9]|2[0-3]):[0-5][0-9]") ? Optional.empty()
                    : Optional.of(name + " must be a time like 08:00");
            case DAY -> DAYS.contains(value) ? Optional.empty()
                    : Optional.of(name + " must be a weekday in English, like monday");
            default -> Optional.empty();
        };
    }

    public void shown(Map<String, String> into) {
        into.put(MODE, mode.db());
        into.put(TIME, at.toString());
        into.put(DAY, day.name().toLowerCase(Locale.ROOT));
    }

    /** How far back a digest looks for new articles at most: its period and a day of slack. */
    public java.time.Duration reach() {
        return java.time.Duration.ofDays(mode == Mode.WEEKLY ? 8 : 2);
    }

    /** The latest time a digest was due at or before now (null in article mode). */
    public Instant lastSlot(Instant now, ZoneId zone) {
        if (mode == Mode.ARTICLE) return null;
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime slot = local.with(at).withSecond(0).withNano(0);
        if (mode == Mode.WEEKLY) slot = slot.with(TemporalAdjusters.previousOrSame(day));
        if (slot.isAfter(local)) slot = mode == Mode.WEEKLY ? slot.minusWeeks(1) : slot.minusDays(1);
        return slot.toInstant();
    }
}
