package it.testata.article;

/**
 * Which articles the newsroom lists, in any status: each filter is optional (null). Author, category and tag
 * are matched by slug (a name works too: it is turned into its slug); text searches title, standfirst and body;
 * authorId restricts the list to one author's articles (an author sees only their own). kind ("post" or "page",
 * null for both) and trash (the trash alone, else everything outside it) are the newsroom's.
 */
public record StaffQuery(Status status, String author, String category, String tag, String text, Long authorId,
                         String kind, boolean trash) {
    public StaffQuery(Status status, String author, String category, String tag, String text, Long authorId) {
        this(status, author, category, tag, text, authorId, null, false);
    }

    public static StaffQuery all() {
        return new StaffQuery(null, null, null, null, null, null);
    }
}
