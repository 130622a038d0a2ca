package it.testata.mail;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mail settings (rows mail.*, contact.*, newsletter.* of the settings table): the sender's address, the SMTP
 * relay and how to reach it, the sending rate, where contact messages go, and the newsletter's default.
 * The password is write-only: pages and the CLI only ever say whether one is set.
 */
public record MailSettings(String from, String host, int port, Security security, String user, String password,
                           int ratePerMinute, String contactTo, boolean sendOnPublish,
                           DigestRules digest) { // --- staffmail --- (digest: per article, daily or weekly)

    public enum Security { NONE, STARTTLS, TLS }

    public static final String PASSWORD = "mail.smtp_password";

    /** The names this package owns, in the order the mail page shows them. */
    public static final java.util.List<String> NAMES = java.util.List.of("mail.from", "mail.smtp_host", "mail.smtp_port",
            "mail.smtp_security", "mail.smtp_user", PASSWORD, "mail.rate_per_minute", "contact.to",
            "newsletter.send_on_publish", DigestRules.MODE, DigestRules.TIME, DigestRules.DAY); // --- staffmail --- (the last three)

    public static MailSettings fromRows(Map<String, String> rows) {
        Security security = switch (rows.getOrDefault("mail.smtp_security", "none")) {
            case "starttls" -> Security.STARTTLS;
            case "tls" -> Security.TLS;
            default -> Security.NONE;
        };
        return new MailSettings(rows.getOrDefault("mail.from", ""), rows.getOrDefault("mail.smtp_host", ""),
                number(rows.get("mail.smtp_port"), security == Security.TLS ? 465 : 25), security,
                rows.getOrDefault("mail.smtp_user", ""), rows.getOrDefault(PASSWORD, ""),
                number(rows.get("mail.rate_per_minute"), 60), rows.getOrDefault("contact.to", ""),
                "true".equals(rows.getOrDefault("newsletter.send_on_publish", "false")),
                DigestRules.fromRows(rows)); // --- staffmail ---
    }

    /** True when there is a relay to send through and an address to send from. */
    public boolean configured() {
        return !host.isBlank() && !from.isBlank();
    }

    /** The values as the mail page and the CLI show them: the password only as "set" or empty. */
    public Map<String, String> shown() {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("mail.from", from);
        v.put("mail.smtp_host", host);
        v.put("mail.smtp_port", String.valueOf(port));
        v.put("mail.smtp_security", security.name().toLowerCase(java.util.Locale.ROOT));
        v.put("mail.smtp_user", user);
        v.put(PASSWORD, "");
        v.put("mail.rate_per_minute", String.valueOf(ratePerMinute));
        v.put("contact.to", contactTo);
        v.put("newsletter.send_on_publish", String.valueOf(sendOnPublish));
        digest.shown(v); // --- staffmail ---
        return v;
    }

    /** Why a value is refused, or empty; for names this package does not own, empty too (see {@link #owns}). */
    public static Optional<String> check(String name, String value) {
        return switch (name) {
            case "mail.from", "contact.to" -> value.isEmpty() || Addresses.valid(value) ? Optional.empty()
                    : Optional.of(name + " must be one e-mail address like redazione@example.it");
            case "mail.smtp_host" -> value.matches("[A-Za-z0-9.:\\-\\[\\]]{0,253}") ? Optional.empty()
                    : Optional.of(name + " must be a host name or address like smtp.example.it");
            case "mail.smtp_port" -> value.matches("[0-9]{1,5}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 65535
                    ? Optional.empty() : Optional.of(name + " must be a port between 1 and 65535");
            case "mail.smtp_security" -> Set.of("none", "starttls", "tls").contains(value) ? Optional.empty()
                    : Optional.of(name + " must be none, starttls or tls");
            case "mail.smtp_user", PASSWORD -> value.length() <= 500 && value.chars().noneMatch(c -> c < 0x20)
                    ? Optional.empty() : Optional.of(name + " must be one line of at most 500 characters");
            case "mail.rate_per_minute" -> value.matches("[0-9]{1,6}") ? Optional.empty()
                    : Optional.of(name + " must be a whole number (0: no limit)");
            case "newsletter.send_on_publish" -> Set.of("true", "false").contains(value) ? Optional.empty()
                    : Optional.of(name + " must be true or false");
            case DigestRules.MODE, DigestRules.TIME, DigestRules.DAY -> DigestRules.check(name, value); // --- staffmail ---
            default -> Optional.empty();
        };
    }

    public static boolean owns(String name) {
        return NAMES.contains(name);
    }

    private static int number(String v, int fallback) {
        try {
            return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
