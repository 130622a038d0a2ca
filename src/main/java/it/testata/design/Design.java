package it.testata.design;

import java.util.Map;

/**
 * The site's look, from the {@code design.*} settings: the accent colour (#rrggbb), the front page's layout
 * ({@code newspaper} or {@code list}), and the logo with the icons made from it (stored image names, empty when
 * there is no logo: the site name is written instead).
 */
public record Design(String accent, String layout, String logo, int logoWidth, int logoHeight, String icon,
                     String touchIcon) {
    public static final String DEFAULT_ACCENT = "#8a1c1c";
    public static final String NEWSPAPER = "newspaper";
    public static final String LIST = "list";

    public static Design fromRows(Map<String, String> rows) {
        String accent = rows.getOrDefault("design.accent", DEFAULT_ACCENT);
        if (!Contrast.isHex(accent)) accent = DEFAULT_ACCENT;
        String layout = LIST.equals(rows.get("design.layout")) ? LIST : NEWSPAPER;
        return new Design(accent.toLowerCase(java.util.Locale.ROOT), layout, rows.getOrDefault("design.logo", ""),
                number(rows.get("design.logo_width")), number(rows.get("design.logo_height")),
                rows.getOrDefault("design.icon", ""), rows.getOrDefault("design.touch_icon", ""));
    }

    public boolean newspaper() {
        return NEWSPAPER.equals(layout);
    }

    public boolean hasLogo() {
        return !logo.isEmpty();
    }

    /** The stylesheet that sets the accent: its address names the colour, so it never changes. */
    public String accentCss() {
        return "/design/accent-" + accent.substring(1) + ".css";
    }

    /** The logo at header size: 600 px wide at most (a variant), shown at most 60 px high. */
    public String logoUrl() {
        return it.testata.media.ImageService.url(logo, logoWidth > it.testata.media.ImageService.NARROW
                ? it.testata.media.ImageService.NARROW : 0);
    }

    /** The logo's width when shown 60 px high, so the header never moves while it loads. */
    public int logoShownWidth() {
        return logoHeight <= 0 ? 60 : Math.max(1, Math.round(logoWidth * 60f / logoHeight));
    }

    private static int number(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
