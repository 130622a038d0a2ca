package it.testata.menu;

/**
 * One stored menu entry. {@code kind} is {@code category} (target: its slug), {@code page} (target: its slug) or
 * {@code link} (target: an address); {@code parentId} is null for a top-level entry.
 */
public record MenuItem(long id, String menu, Long parentId, int position, String kind, String target, String label,
                       String pagePath) {
    public MenuItem(long id, String menu, Long parentId, int position, String kind, String target, String label) {
        this(id, menu, parentId, position, kind, target, label, null);
    }

    /** The entry with a page's address resolved (--- pages ---): a page nests under its parents, /chi-siamo/la-redazione/. */
    MenuItem withPagePaths(java.util.Map<String, String> bySlug) {
        if (!PAGE.equals(kind) || !bySlug.containsKey(target)) return this;
        return new MenuItem(id, menu, parentId, position, kind, target, label, bySlug.get(target));
    }

    public static final String CATEGORY = "category";
    public static final String PAGE = "page";
    public static final String LINK = "link";

    /** Where the entry leads, as the page writes it in its href. */
    public String href() {
        return switch (kind) {
            case CATEGORY -> "/category/" + target + "/";
            case PAGE -> pagePath != null ? pagePath : "/" + target + "/";
            default -> target;
        };
    }
}
