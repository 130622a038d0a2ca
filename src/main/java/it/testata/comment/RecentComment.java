package it.testata.comment;

/**
 * One line of the "Commenti recenti" widget: the author, the start of the comment (plain text), and the article,
 * linked to the comment's anchor.
 */
public record RecentComment(long id, String authorName, String articleTitle, String articlePath, String excerpt) {
    public static final int EXCERPT_WORDS = 16;

    public String href() {
        return articlePath + "#comment-" + id;
    }

    /** The first words of a comment's text (plain text, as typed, without Markdown's marks), with an ellipsis when cut. */
    public static String excerpt(String raw) {
        if (raw == null) return "";
        String plain = raw.replaceAll("[*_`]", "").replaceAll("\\s+", " ").strip();
        String[] words = plain.split(" ");
        if (words.length <= EXCERPT_WORDS) return plain;
        return String.join(" ", java.util.Arrays.copyOf(words, EXCERPT_WORDS)) + "…";
    }
}
