package it.testata.search;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of a sanitized HTML body, for indexing: tags become spaces, character references become characters. */
final class PlainText {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Where a block ends (paragraph, heading, item, line break): a sentence ends there too. */
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|h[1-6]|li|blockquote|pre|td|th|dd|dt)>|<br\\s*/?>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private PlainText() {}

    static String of(String html) {
        if (html == null || html.isEmpty()) return "";
        String text = TAG.matcher(BLOCK_END.matcher(html).replaceAll("\n")).replaceAll(" ");
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1))));
        m.appendTail(out);
        return out.toString().replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ").replaceAll(" ?\n[\\s]*", "\n").strip();
    }

    private static String decode(String ref) {
        return switch (ref) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> {
                int cp = ref.startsWith("#x") || ref.startsWith("#X")
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
                yield Character.isValidCodePoint(cp) ? Character.toString(cp) : " ";
            }
        };
    }
}
