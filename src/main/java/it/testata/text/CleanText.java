package it.testata.text;

/**
 * The one cleaning every text that enters the site gets (forms, the editor, the API, settings, the importers), so
 * that both databases store the same thing: NUL and the other C0 and C1 control characters (and DEL) go, except
 * tab and newline; a CR, alone or before a newline, becomes a newline in multi-line text; unpaired surrogates (not
 * text, and not storable as UTF-8) go too. Fields that cannot hold such characters at all (a slug, an e-mail
 * address, a web address) are not cleaned but refused: {@link #hasControl} tells the validator.
 */
public final class CleanText {
    private CleanText() {}

    /** Multi-line text (a comment, an article's body): CR LF and lone CR become LF; tab and LF stay. */
    public static String text(String s) {
        if (s == null) return null;
        String t = s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
        return strip(t, true);
    }

    /** One line (a name, a title): as {@link #text}, and line breaks become spaces. */
    public static String line(String s) {
        if (s == null) return null;
        return strip(s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '), false);
    }

    /** True when the value holds a character {@link #text} would remove or change (CR included). */
    public static boolean hasControl(String s) {
        if (s == null) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && c != '\n' && removed(s, i)) return true;
            if (c == '\r') return true;
        }
        return false;
    }

    private static String strip(String s, boolean keepNewline) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop = c != '\t' && !(keepNewline && c == '\n') && removed(s, i);
            if (drop && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            else if (!drop && out != null) out.append(c);
        }
        return out == null ? s : out.toString();
    }

    /** A control character (C0, DEL, C1) or half of a surrogate pair without its other half. */
    private static boolean removed(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
