package it.testata.settings;

import java.util.List;

/**
 * One setting as the settings page shows it: its name, its group (a heading), the kind of field (text, url, select,
 * number, decimal, list), and for a select the values it offers. Its label is the message admin.settings.f.NAME.
 */
public record SettingsField(String name, String group, String kind, List<String> options) {

    /** Every setting the back office edits, in page order. */
    public static final List<SettingsField> ALL = all();

    public String id() {
        return "f-" + name.replace('.', '-').replace('_', '-');
    }

    private static List<SettingsField> all() {
        List<SettingsField> out = new java.util.ArrayList<>(List.of(
                new SettingsField("site_name", "site", "text", List.of()),
                new SettingsField("tagline", "site", "text", List.of()),
                new SettingsField("locale", "site", "select", List.of("it", "en")),
                new SettingsField("timezone", "site", "zone", List.of()), // --- newsroom: a list of zones ---
                new SettingsField("base_url", "site", "url", List.of())));
        for (String k : Settings.SOCIAL_KEYS) out.add(new SettingsField("social." + k, "social", "url", List.of()));
        out.add(new SettingsField("comments.moderation", "comments", "select", List.of("first", "all", "open")));
        for (String k : List.of("close_after_days", "thread_depth", "max_name", "max_email", "max_url", "max_text", "flood_seconds")) {
            out.add(new SettingsField("comments." + k, "comments", "number", List.of()));
        }
        for (String k : List.of("hold_at", "spam_at", "discard_at")) out.add(new SettingsField("spam." + k, "spam", "decimal", List.of()));
        out.add(new SettingsField("spam.max_links", "spam", "number", List.of()));
        for (String k : List.of("disallowed_words", "disallowed_domains", "blocked_emails", "blocked_email_domains", "blocked_networks")) {
            out.add(new SettingsField("spam." + k, "spam", "list", List.of()));
        }
        // --- staff: 2FA, privacy and audit settings ---
        out.add(new SettingsField(StaffSettings.REQUIRE_2FA, "staff", "select", List.of("off", "on")));
        out.add(new SettingsField(StaffSettings.IP_RETENTION, "staff", "number", List.of()));
        out.add(new SettingsField(StaffSettings.AUDIT_RETENTION, "staff", "number", List.of()));
        return List.copyOf(out);
    }

    /** The values the site runs with now, as the form shows them: stored values as typed, else the defaults. */
    public static java.util.Map<String, String> current(Settings s, java.util.Map<String, String> stored) {
        java.util.Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put("site_name", s.siteName());
        v.put("tagline", s.tagline());
        v.put("locale", s.locale());
        v.put("timezone", s.zone().getId());
        v.put("base_url", s.baseUrl());
        for (String k : Settings.SOCIAL_KEYS) v.put("social." + k, s.social().getOrDefault(k, ""));
        CommentSettings c = s.comments();
        v.put("comments.moderation", c.moderation().name().toLowerCase(java.util.Locale.ROOT));
        v.put("comments.close_after_days", String.valueOf(c.closeAfterDays()));
        v.put("comments.thread_depth", String.valueOf(c.threadDepth()));
        v.put("comments.max_name", String.valueOf(c.maxName()));
        v.put("comments.max_email", String.valueOf(c.maxEmail()));
        v.put("comments.max_url", String.valueOf(c.maxUrl()));
        v.put("comments.max_text", String.valueOf(c.maxText()));
        v.put("comments.flood_seconds", String.valueOf(c.floodSeconds()));
        SpamSettings p = s.spam();
        v.put("spam.hold_at", String.valueOf(p.holdAt()));
        v.put("spam.spam_at", String.valueOf(p.spamAt()));
        v.put("spam.discard_at", String.valueOf(p.discardAt()));
        v.put("spam.max_links", String.valueOf(p.maxLinks()));
        v.put("spam.disallowed_words", String.join("\n", p.disallowedWords()));
        v.put("spam.disallowed_domains", String.join("\n", p.disallowedDomains()));
        v.put("spam.blocked_emails", String.join("\n", p.blockedEmails()));
        v.put("spam.blocked_email_domains", String.join("\n", p.blockedEmailDomains()));
        v.put("spam.blocked_networks", String.join("\n", p.blockedNetworks()));
        v.putAll(StaffSettings.fromRows(stored).formValues()); // --- staff ---
        for (SettingsField f : ALL) {
            String typed = stored.get(f.name());
            if (typed != null && !f.kind().equals("number") && !f.kind().equals("decimal")) v.put(f.name(), typed);
        }
        return v;
    }
}
