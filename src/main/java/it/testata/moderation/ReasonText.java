package it.testata.moderation;

import it.testata.web.Messages;

import java.util.List;

/**
 * One of the spam filter's stored reasons ("links 3 &gt; 2", "blocked-network 203.0.113.0/24"), as the moderation
 * queue shows it: a sentence in the site's language and the raw line it came from.
 */
public record ReasonText(String text, String raw) {

    /** The reasons of a comment, in the order the filter gave them. */
    public static List<ReasonText> of(List<String> lines, Messages msg) {
        return lines.stream().map(line -> of(line, msg)).toList();
    }

    static ReasonText of(String line, Messages msg) {
        int space = line.indexOf(' ');
        String code = space < 0 ? line : line.substring(0, space);
        String detail = space < 0 ? "" : line.substring(space + 1).strip();
        String text = switch (code) {
            case "links" -> {
                String[] parts = detail.split("\\s*>\\s*");
                yield parts.length == 2 ? msg.t("admin.reason.links", parts[0], parts[1]) : null;
            }
            case "only-link", "name-url", "name-email", "blocked-email" -> msg.t("admin.reason." + code);
            case "disallowed-word", "disallowed-domain", "blocked-email-domain", "blocked-network", "duplicate" ->
                    msg.t("admin.reason." + code, detail);
            case "classifier" -> {
                int paren = detail.indexOf(" (");
                String p = paren < 0 ? detail : detail.substring(0, paren);
                String leaning = paren < 0 ? "" : detail.substring(paren + 2, detail.length() - 1);
                yield leaning.isEmpty() ? msg.t("admin.reason.classifier", p)
                        : msg.t("admin.reason.classifierWords", p, leaning);
            }
            case "learning" -> {
                String[] parts = detail.split("/");
                yield parts.length == 2 ? msg.t("admin.reason.learning", parts[0], parts[1]) : null;
            }
            // --- spam generalisation ---
            case "signals" -> msg.t("admin.reason.signals", words(detail, "admin.signal.", msg));
            case "topic-only" -> msg.t("admin.reason.topic-only");
            // --- spam3 ---
            case "patterns" -> msg.t("admin.reason.patterns", words(detail, "admin.pattern.", msg));
            case "no-discard" -> msg.t("admin.reason.no-discard");
            case "no-evidence" -> {
                String[] parts = detail.split("/");
                yield parts.length == 2 ? msg.t("admin.reason.no-evidence", parts[0], parts[1]) : null;
            }
            case "history-ham", "history-spam" -> msg.t("admin.reason." + code, detail);
            // --- spam5 ---
            case "pitch" -> msg.t("admin.reason.pitch", detail);
            case "words-only" -> msg.t("admin.reason.words-only");
            case "moderation" -> "all".equals(detail) || "first".equals(detail) ? msg.t("admin.reason.moderation." + detail) : null;
            default -> null;
        };
        return new ReasonText(text == null ? line : text, line);
    }

    /** Comma-separated codes in words (the message prefix + code), a code without a message as it is. */
    private static String words(String codes, String prefix, Messages msg) {
        List<String> words = new java.util.ArrayList<>();
        for (String c : codes.split(",")) {
            try {
                words.add(msg.t(prefix + c.strip()));
            } catch (java.util.MissingResourceException unknown) {
                words.add(c.strip());
            }
        }
        return String.join(", ", words);
    }
}
