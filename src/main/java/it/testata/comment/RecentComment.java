package it.testata.comment;

/** One line of the "Commenti recenti" widget: "Autore su Titolo", linked to the comment's anchor. */
public record RecentComment(long id, String authorName, String articleTitle, String articlePath) {
    public String href() {
        return articlePath + "#comment-" + id;
    }
}
