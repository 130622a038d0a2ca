package it.testata.design;

import java.util.Locale;

/**
 * WCAG 2 contrast for the accent colour. The accent is used as text and links on the light background, as the
 * background of white text (buttons, the header's rule), and, lightened, as links on the dark background
 * ({@link #onDark}); each use must reach AA for normal text, 4.5:1.
 */
public final class Contrast {
    public static final double AA = 4.5;
    /** The page backgrounds in site.css: light, and dark for prefers-color-scheme: dark. */
    public static final String LIGHT_BACKGROUND = "#fdfcf8";
    public static final String DARK_BACKGROUND = "#16181d";

    private Contrast() {}

    public static boolean isHex(String s) {
        return s != null && s.matches("#[0-9a-fA-F]{6}");
    }

    /** The contrast ratio of two #rrggbb colours, from 1 to 21. */
    public static double ratio(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The accent as dark pages use it: mixed halfway with white. */
    public static String onDark(String accent) {
        int[] c = rgb(accent);
        return String.format(Locale.ROOT, "#%02x%02x%02x", (c[0] + 255) / 2, (c[1] + 255) / 2, (c[2] + 255) / 2);
    }

    /** The accent's uses and their ratios; every one must reach {@link #AA}. */
    public record Check(double onLight, double whiteOnAccent, double onDark) {
        public boolean passes() {
            return onLight >= AA && whiteOnAccent >= AA && onDark >= AA;
        }

        /** The lowest ratio, to one decimal, for the message. */
        public String lowest() {
            return String.format(Locale.ROOT, "%.1f", Math.min(onLight, Math.min(whiteOnAccent, onDark)));
        }
    }

    public static Check check(String accent) {
        return new Check(ratio(accent, LIGHT_BACKGROUND), ratio("#ffffff", accent),
                ratio(onDark(accent), DARK_BACKGROUND));
    }

    private static double luminance(String hex) {
        int[] c = rgb(hex);
        return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static int[] rgb(String hex) {
        if (!isHex(hex)) throw new IllegalArgumentException("not a #rrggbb colour: " + hex);
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[]{(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }
}
