package it.testata.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The settings page in words (newsroom): the spam filter's strictness as three named levels, each a set of the
 * classifier's thresholds (hold, spam, discard; the raw numbers stay editable as "custom"), and the time zones
 * as a list grouped by region.
 */
public enum Strictness {
    /** Lets more through to the queue: throws away only what is almost certainly spam. */
    PRUDENTE(0.6, 0.95, 0.99),
    /** The defaults. */
    EQUILIBRATA(0.5, 0.9, 0.98),
    /** Holds and blocks sooner. */
    SEVERA(0.35, 0.75, 0.9);

    public static final String FIELD = "spam.strictness";
    public static final String CUSTOM = "custom";

    public final double holdAt;
    public final double spamAt;
    public final double discardAt;

    Strictness(double holdAt, double spamAt, double discardAt) {
        this.holdAt = holdAt;
        this.spamAt = spamAt;
        this.discardAt = discardAt;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The choices of the form's select, in order: the levels, then "custom". */
    public static List<String> choices() {
        return List.of(PRUDENTE.id(), EQUILIBRATA.id(), SEVERA.id(), CUSTOM);
    }

    public static Optional<Strictness> of(String id) {
        for (Strictness s : values()) if (s.id().equals(id)) return Optional.of(s);
        return Optional.empty();
    }

    /** The level these thresholds (as the form holds them) are, or "custom". */
    public static String current(Map<String, String> values) {
        for (Strictness s : values()) {
            if (same(values.get("spam.hold_at"), s.holdAt) && same(values.get("spam.spam_at"), s.spamAt)
                    && same(values.get("spam.discard_at"), s.discardAt)) return s.id();
        }
        return CUSTOM;
    }

    /** A level chosen in the form overrides the three thresholds; "custom" leaves them as typed. */
    public static void apply(String chosen, Map<String, String> values) {
        of(chosen).ifPresent(s -> {
            values.put("spam.hold_at", String.valueOf(s.holdAt));
            values.put("spam.spam_at", String.valueOf(s.spamAt));
            values.put("spam.discard_at", String.valueOf(s.discardAt));
        });
    }

    private static boolean same(String typed, double level) {
        try {
            return typed != null && Math.abs(Double.parseDouble(typed) - level) < 1e-9;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The time zones as Region/City ids, grouped by region (Africa, America, ..., Europe, Pacific), sorted. */
    public static Map<String, List<String>> zones() {
        return ZONES;
    }

    private static final Map<String, List<String>> ZONES = groupZones();

    private static Map<String, List<String>> groupZones() {
        Map<String, TreeSet<String>> grouped = new TreeMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.indexOf('/');
            if (slash <= 0) continue;
            String region = id.substring(0, slash);
            if (!List.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe",
                    "Indian", "Pacific").contains(region)) continue;
            grouped.computeIfAbsent(region, r -> new TreeSet<>()).add(id);
        }
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        grouped.forEach((region, ids) -> out.put(region, List.copyOf(ids)));
        out.put("Etc", List.of("UTC"));
        return java.util.Collections.unmodifiableMap(out);
    }
}
