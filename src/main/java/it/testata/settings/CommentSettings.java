package it.testata.settings;

import java.util.Map;

/** How the site takes reader comments. Stored as comments.* settings; these are the defaults. */
public record CommentSettings(Moderation moderation, int closeAfterDays, int threadDepth, int maxName, int maxEmail,
                              int maxUrl, int maxText, int floodSeconds) {

    public enum Moderation {
        /** Every comment waits for a moderator. */
        ALL,
        /** A commenter's first comment waits; once one of that email's comments is approved, the email is trusted. */
        FIRST,
        /** Comments appear at once unless the spam check objects. */
        OPEN;

        public static Moderation parse(String s) {
            return switch (s == null ? "" : s) {
                case "all" -> ALL;
                case "open" -> OPEN;
                default -> FIRST;
            };
        }
    }

    public static CommentSettings fromRows(Map<String, String> rows) {
        return new CommentSettings(Moderation.parse(rows.get("comments.moderation")),
                number(rows, "comments.close_after_days", 0, 0, 36_500),
                number(rows, "comments.thread_depth", 5, 1, 10),
                number(rows, "comments.max_name", 245, 1, 1_000),
                number(rows, "comments.max_email", 100, 6, 320),
                number(rows, "comments.max_url", 200, 10, 2_000),
                number(rows, "comments.max_text", 5_000, 1, 100_000),
                number(rows, "comments.flood_seconds", 15, 0, 3_600));
    }

    private static int number(Map<String, String> rows, String key, int dflt, int min, int max) {
        try {
            int v = Integer.parseInt(rows.getOrDefault(key, "").strip());
            return v < min || v > max ? dflt : v;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
