package it.testata.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the spam filter judges comments. Stored as spam.* settings; these are the defaults. The thresholds apply to
 * the classifier's probability: at or above holdAt a comment waits for a moderator, at or above spamAt it goes to
 * the Spam tab, at or above discardAt it is not stored at all. The lists are written one entry a line or separated
 * by commas.
 */
public record SpamSettings(double holdAt, double spamAt, double discardAt, int maxLinks, List<String> disallowedWords,
                           List<String> disallowedDomains, List<String> blockedEmails,
                           List<String> blockedEmailDomains, List<String> blockedNetworks) {
    public static final double HOLD_AT = 0.5;
    public static final double SPAM_AT = 0.9;
    public static final double DISCARD_AT = 0.98;
    public static final int MAX_LINKS = 2;

    public SpamSettings {
        disallowedWords = List.copyOf(disallowedWords);
        disallowedDomains = List.copyOf(disallowedDomains);
        blockedEmails = List.copyOf(blockedEmails);
        blockedEmailDomains = List.copyOf(blockedEmailDomains);
        blockedNetworks = List.copyOf(blockedNetworks);
    }

    public static SpamSettings defaults() {
        return fromRows(Map.of());
    }

    public static SpamSettings fromRows(Map<String, String> rows) {
        double hold = probability(rows, "spam.hold_at", HOLD_AT);
        double spam = Math.max(hold, probability(rows, "spam.spam_at", SPAM_AT));
        double discard = Math.max(spam, probability(rows, "spam.discard_at", DISCARD_AT));
        int links;
        try {
            links = Math.max(0, Integer.parseInt(rows.getOrDefault("spam.max_links", "").strip()));
        } catch (NumberFormatException e) {
            links = MAX_LINKS;
        }
        return new SpamSettings(hold, spam, discard, links, list(rows.get("spam.disallowed_words")),
                list(rows.get("spam.disallowed_domains")), list(rows.get("spam.blocked_emails")),
                list(rows.get("spam.blocked_email_domains")),
                list(rows.get("spam.blocked_networks")));
    }

    /** Entries of a list setting: separated by commas or line breaks, trimmed, lower case, no empty ones. */
    public static List<String> list(String value) {
        if (value == null || value.isBlank()) return List.of();
        return Arrays.stream(value.split("[,\\r\\n]+")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static double probability(Map<String, String> rows, String key, double dflt) {
        try {
            double v = Double.parseDouble(rows.getOrDefault(key, "").strip());
            return v >= 0 && v <= 1 ? v : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
