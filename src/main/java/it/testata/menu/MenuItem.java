package it.testata.menu;

/**
 * One stored menu entry. {@code kind} is {@code category} (target: its slug), {@code page} (target: its slug) or
 * {@code link} (target: an address); {@code parentId} is null for a top-level entry.
 */
public record MenuItem(long id, String menu, Long parentId, int position, String kind, String target, String label) {
    public static final String CATEGORY = "category";
    public static final String PAGE = "page";
    public static final String LINK = "link";

    /** Where the entry leads, as the page writes it in its href. */
    public String href() {
        return switch (kind) {
            case CATEGORY -> "/category/" + target + "/";
            case PAGE -> "/" + target + "/";
            default -> target;
        };
    }
}
