package it.testata.wordpress;

/** What an import brought over (or, with --dry-run, would bring over), counted as it goes. */
public final class ImportSummary {
    int posts;
    int pages;
    int comments;
    int approved;
    int pending;
    int spam;
    int trash;
    int authors;
    int categories;
    int tags;
    int redirects;
    /** Items of other types (attachments, menu items...), not imported. */
    int skipped;

    public int posts() {
        return posts;
    }

    public int pages() {
        return pages;
    }

    public int comments() {
        return comments;
    }

    public int skipped() {
        return skipped;
    }

    /** The one line the import command ends with. */
    public String line() {
        return "imported posts=" + posts + " pages=" + pages + " comments=" + comments + " approved=" + approved
                + " pending=" + pending + " spam=" + spam + " trash=" + trash + " authors=" + authors
                + " categories=" + categories + " tags=" + tags + " redirects=" + redirects;
    }
}
