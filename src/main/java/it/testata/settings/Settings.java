package it.testata.settings;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The site's settings as the pages use them. Stored as name/value rows in the settings table. */
public record Settings(String siteName, String tagline, String locale, ZoneId zone, String baseUrl,
                       Map<String, String> social, CommentSettings comments, SpamSettings spam,
                       it.testata.web.TrustedProxies trustedProxies, it.testata.design.Design design) {

    /** The social networks the sidebar knows, in the order it shows them. */
    public static final String[] SOCIAL_KEYS = {"facebook", "x", "telegram", "youtube", "instagram", "mastodon"};

    public static Settings fromRows(Map<String, String> rows) {
        Map<String, String> social = new LinkedHashMap<>();
        for (String k : SOCIAL_KEYS) {
            String v = rows.get("social." + k);
            if (v != null && !v.isBlank()) social.put(k, v);
        }
        String locale = "en".equals(rows.get("locale")) ? "en" : "it";
        ZoneId zone;
        try {
            zone = ZoneId.of(rows.getOrDefault("timezone", "Europe/Rome"));
        } catch (RuntimeException e) {
            zone = ZoneId.of("Europe/Rome");
        }
        return new Settings(rows.getOrDefault("site_name", "Testata"), rows.getOrDefault("tagline", ""),
                locale, zone, rows.getOrDefault("base_url", ""), Map.copyOf(social), CommentSettings.fromRows(rows),
                SpamSettings.fromRows(rows),
                it.testata.web.TrustedProxies.parse(rows.get("server.trusted_proxies")), it.testata.design.Design.fromRows(rows));
    }

    public Locale javaLocale() {
        return "en".equals(locale) ? Locale.ENGLISH : Locale.ITALIAN;
    }
}
