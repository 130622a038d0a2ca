package it.testata.settings;

import it.testata.spam.Networks;

import java.net.URI;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Which settings exist and what values they take; an error is a sentence for the person who typed it. */
public final class SettingsRules {
    public static final Set<String> PLAIN = Set.of("site_name", "tagline");

    private SettingsRules() {}

    /** Returns why the value is refused, or empty when it is acceptable. */
    public static Optional<String> check(String name, String value) {
        if (PLAIN.contains(name)) {
            return value.length() > 200 ? Optional.of(name + " is longer than 200 characters") : Optional.empty();
        }
        // --- staff: 2FA, privacy and audit settings ---
        if (StaffSettings.NAMES.contains(name)) return StaffSettings.check(name, value);
        switch (name) {
            case "locale":
                return "it".equals(value) || "en".equals(value) ? Optional.empty() : Optional.of("locale must be it or en");
            case "timezone":
                try {
                    ZoneId.of(value);
                    return Optional.empty();
                } catch (RuntimeException e) {
                    return Optional.of("timezone '" + value + "' is not a time zone like Europe/Rome");
                }
            case "base_url":
                return value.isEmpty() || httpUrl(value) ? Optional.empty()
                        : Optional.of("base_url must be an http(s) address like https://www.example.it");
            case "comments.moderation":
                return Set.of("all", "first", "open").contains(value) ? Optional.empty()
                        : Optional.of("comments.moderation must be all (hold every comment), first (hold a commenter's first) or open");
            case "comments.close_after_days", "comments.thread_depth", "comments.max_name", "comments.max_email",
                 "comments.max_url", "comments.max_text", "comments.flood_seconds":
                if (!value.matches("[0-9]{1,6}")) return Optional.of(name + " must be a whole number");
                CommentSettings.Range r = CommentSettings.RANGES.get(name);
                return r.admits(Integer.parseInt(value)) ? Optional.empty()
                        : Optional.of(name + " must be between " + r.min() + " and " + r.max());
            case "spam.hold_at", "spam.spam_at", "spam.discard_at":
                return value.matches("(0(\\.[0-9]{1,4})?|1(\\.0{1,4})?)") ? Optional.empty()
                        : Optional.of(name + " must be a probability between 0 and 1, like 0.9");
            case "spam.max_links":
                return value.matches("[0-9]{1,3}") ? Optional.empty() : Optional.of(name + " must be a whole number");
            case "spam.disallowed_words", "spam.disallowed_domains", "spam.blocked_emails", "spam.blocked_email_domains":
                return value.length() > 20_000 ? Optional.of(name + " is longer than 20000 characters") : Optional.empty();
            case "spam.blocked_networks":
                for (String entry : SpamSettings.list(value)) {
                    if (Networks.parse(entry).isEmpty()) {
                        return Optional.of("spam.blocked_networks: '" + entry + "' is not an address or network like 203.0.113.0/24 or 2001:db8::/48");
                    }
                }
                return Optional.empty();
            case "server.trusted_proxies": // --- harden ---
                return it.testata.web.TrustedProxies.check(value);
            // --- design ---
            case "design.accent":
                return it.testata.design.Contrast.isHex(value) && it.testata.design.Contrast.check(value).passes()
                        ? Optional.empty()
                        : Optional.of("design.accent must be a #rrggbb colour with 4.5:1 contrast on the light and dark backgrounds");
            case "design.layout":
                return Set.of("newspaper", "list").contains(value) ? Optional.empty()
                        : Optional.of("design.layout must be newspaper or list");
            // --- end design ---
            default:
                // --- mail ---
                if (it.testata.mail.MailSettings.owns(name)) return it.testata.mail.MailSettings.check(name, value);
                // --- end mail ---
                // --- ops: metrics.* and backup.* ---
                if (OpsSettings.NAMES.contains(name)) return OpsSettings.check(name, value);
                if (name.startsWith("social.") && Arrays.asList(Settings.SOCIAL_KEYS).contains(name.substring(7))) {
                    return value.isEmpty() || httpUrl(value) ? Optional.empty()
                            : Optional.of(name + " must be an http(s) address");
                }
                return Optional.of("unknown setting '" + name + "' (known: site_name, tagline, locale, timezone, base_url, social."
                        + String.join(", social.", Settings.SOCIAL_KEYS) + ", comments.moderation, comments.close_after_days, "
                        + "comments.thread_depth, comments.max_name, comments.max_email, comments.max_url, comments.max_text, comments.flood_seconds, "
                        + "spam.hold_at, spam.spam_at, spam.discard_at, spam.max_links, spam.disallowed_words, spam.disallowed_domains, "
                        + "spam.blocked_emails, spam.blocked_email_domains, spam.blocked_networks, server.trusted_proxies"
                        + ", auth.require_2fa, privacy.ip_retention_days, audit.retention_days, " // --- staff ---
                        + String.join(", ", new java.util.TreeSet<>(OpsSettings.NAMES)) + ")"); // --- ops ---
        }
    }

    private static boolean httpUrl(String value) {
        try {
            URI u = URI.create(value);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
