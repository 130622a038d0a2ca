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
    /** Items of other types (attachments, menu items of no menu...), not imported. */
    int skipped;
    /** WordPress menu items read (--- pages ---): the menus are written from them. */
    int menuItems;
    /** The site's settings taken from the export (site_name, tagline, base_url), unless the settings were kept. */
    final java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();

    public java.util.Map<String, String> settings() {
        return java.util.Collections.unmodifiableMap(settings);
    }

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
        return line(false);
    }

    /** The summary line; a dry run says what it would import. */
    public String line(boolean dryRun) {
        return (dryRun ? "would import" : "imported") + " posts=" + posts + " pages=" + pages + " comments=" + comments + " approved=" + approved
                + " pending=" + pending + " spam=" + spam + " trash=" + trash + " authors=" + authors
                + " categories=" + categories + " tags=" + tags + " redirects=" + redirects
                + (menuItems > 0 ? " menu_items=" + menuItems : ""); // --- pages ---
    }
}
