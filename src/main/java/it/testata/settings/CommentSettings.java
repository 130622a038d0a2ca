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

    /** A whole-number setting's default and the values it may take. */
    public record Range(int dflt, int min, int max) {
        public boolean admits(int v) {
            return v >= min && v <= max;
        }
    }

    /** The whole-number comments.* settings; a stored value outside its range counts as the default. */
    public static final Map<String, Range> RANGES = Map.of(
            "comments.close_after_days", new Range(0, 0, 36_500),
            "comments.thread_depth", new Range(5, 1, 10),
            "comments.max_name", new Range(245, 1, 1_000),
            "comments.max_email", new Range(100, 6, 320),
            "comments.max_url", new Range(200, 10, 2_000),
            "comments.max_text", new Range(5_000, 1, 100_000),
            "comments.flood_seconds", new Range(15, 0, 3_600));

    public static CommentSettings fromRows(Map<String, String> rows) {
        return new CommentSettings(Moderation.parse(rows.get("comments.moderation")),
                number(rows, "comments.close_after_days"),
                number(rows, "comments.thread_depth"),
                number(rows, "comments.max_name"),
                number(rows, "comments.max_email"),
                number(rows, "comments.max_url"),
                number(rows, "comments.max_text"),
                number(rows, "comments.flood_seconds"));
    }

    private static int number(Map<String, String> rows, String key) {
        Range r = RANGES.get(key);
        try {
            int v = Integer.parseInt(rows.getOrDefault(key, "").strip());
            return r.admits(v) ? v : r.dflt();
        } catch (NumberFormatException e) {
            return r.dflt();
        }
    }
}
