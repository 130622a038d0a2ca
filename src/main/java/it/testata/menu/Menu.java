package it.testata.menu;

import java.util.List;

/** A menu as pages show it: top-level entries, each with its children (one level). */
public record Menu(String name, List<Entry> entries, boolean edited) {
    public static final String PRIMARY = "primary";
    public static final String FOOTER = "footer";
    public static final List<String> NAMES = List.of(PRIMARY, FOOTER);

    public record Entry(MenuItem item, List<MenuItem> children) {
        public String label() {
            return item.label();
        }

        public String href() {
            return item.href();
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The slugs of the categories the menu names, in order (children included): the front page's sections. */
    public List<String> categorySlugs() {
        return entries.stream()
                .flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e.item()), e.children().stream()))
                .filter(i -> MenuItem.CATEGORY.equals(i.kind())).map(MenuItem::target).distinct().toList();
    }
}
