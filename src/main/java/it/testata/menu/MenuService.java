package it.testata.menu;

import it.testata.db.ChangeLog;
import org.jdbi.v3.core.Handle;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The primary and footer menus: what pages show, and the editor's operations (add, remove, up, down, nest under
 * the entry above, take out of its parent, move before another entry). A menu never edited shows its default: the
 * categories with articles (primary) or the public pages (footer); the first edit stores that default and edits it.
 * Every write records the change-log tag {@link #TAG}, which every cached public page carries.
 */
public final class MenuService {
    public static final String TAG = "menus";
    public static final int MAX_LABEL = 100;
    public static final int MAX_URL = 500;

    private final MenuStore store;
    private final ChangeLog changes;

    public MenuService(MenuStore store, ChangeLog changes) {
        this.store = store;
        this.changes = changes;
    }

    /** A refused entry: field name to message key, for the form's 422. */
    public static final class Invalid extends RuntimeException {
        private final Map<String, String> errors;

        public Invalid(Map<String, String> errors) {
            super(errors.toString(), null, false, false);
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /** An operation on one entry, by the editor's buttons (or the drag-and-drop script). */
    public enum Move { UP, DOWN, NEST, UNNEST, REMOVE }

    public Menu menu(String name) {
        java.util.Map<String, String> paths = store.pagePaths(); // --- pages: nested page addresses ---
        boolean edited = store.edited(name);
        List<MenuItem> items = (edited ? store.items(name) : defaults(name)).stream()
                .map(i -> i.withPagePaths(paths)).toList();
        return tree(name, items, edited);
    }

    public List<MenuStore.Target> categories() {
        return store.categories();
    }

    public List<MenuStore.Target> pages() {
        return store.pages(Instant.now());
    }

    /** Adds an entry at the end of a menu (or of a parent's children); returns its id. */
    public long add(String menu, String kind, String target, String label) {
        checkMenu(menu);
        String t = target == null ? "" : target.strip();
        String l = label == null ? "" : label.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        switch (kind == null ? "" : kind) {
            case MenuItem.CATEGORY -> {
                Optional<MenuStore.Target> c = store.categories().stream().filter(x -> x.slug().equals(t)).findFirst();
                if (c.isEmpty()) errors.put("category", "admin.menus.error.category");
                else if (l.isEmpty()) l = c.get().name();
            }
            case MenuItem.PAGE -> {
                Optional<MenuStore.Target> p = pages().stream().filter(x -> x.slug().equals(t)).findFirst();
                if (p.isEmpty()) errors.put("page", "admin.menus.error.page");
                else if (l.isEmpty()) l = p.get().name();
            }
            case MenuItem.LINK -> {
                if (!validAddress(t)) errors.put("url", "admin.menus.error.url");
                if (l.isEmpty()) errors.put("label", "admin.menus.error.label");
            }
            default -> errors.put("kind", "admin.menus.error.kind");
        }
        if (l.length() > MAX_LABEL) errors.put("label", "admin.menus.error.labelLong");
        if (!errors.isEmpty()) throw new Invalid(errors);
        String finalLabel = l;
        return changes.write((h, touched) -> {
            List<MenuItem> items = materialize(h, menu);
            int last = items.stream().mapToInt(MenuItem::position).max().orElse(0);
            touched.add(TAG);
            return MenuStore.insert(h, menu, null, last + 1, kind, t, finalLabel);
        });
    }

    /** Applies a button's move to one entry; false when the entry is not in that menu. */
    public boolean move(String menu, long id, Move move) {
        checkMenu(menu);
        return changes.write((h, touched) -> {
            List<Node> tree = nodes(materialize(h, menu));
            boolean done = apply(tree, id, move, h);
            if (done) {
                write(h, tree);
                touched.add(TAG);
            }
            return done;
        });
    }

    /** Drag and drop: puts an entry before another one (its sibling or a top-level entry), or last with beforeId 0. */
    public boolean moveBefore(String menu, long id, long beforeId) {
        checkMenu(menu);
        return changes.write((h, touched) -> {
            List<Node> tree = nodes(materialize(h, menu));
            Found moving = find(tree, id);
            if (moving == null || id == beforeId) return false;
            moving.list().remove(moving.index());
            Found before = beforeId == 0 ? null : find(tree, beforeId);
            if (beforeId != 0 && before == null) return false;
            boolean nested = before != null && before.parent() != null;
            if (nested && !moving.node().children.isEmpty()) return false; // one level of nesting only
            if (before == null) tree.add(moving.node());
            else before.list().add(before.index(), moving.node());
            write(h, tree);
            touched.add(TAG);
            return true;
        });
    }

    /** Replaces a menu as a whole (the WordPress importer), inside the caller's transaction. */
    public static void replace(Handle h, java.util.Set<String> touched, String menu, List<ImportedEntry> entries) {
        MenuStore.clear(h, menu);
        MenuStore.markEdited(h, menu, Instant.now());
        int pos = 0;
        for (ImportedEntry e : entries) {
            long id = MenuStore.insert(h, menu, null, ++pos, e.kind(), e.target(), e.label());
            for (ImportedEntry c : e.children()) MenuStore.insert(h, menu, id, ++pos, c.kind(), c.target(), c.label());
        }
        touched.add(TAG);
    }

    /** An entry to store with its children (one level), e.g. from a WordPress export. */
    public record ImportedEntry(String kind, String target, String label, List<ImportedEntry> children) {}

    /** True for an address a link entry may have: a site path, or an http(s) URL. */
    public static boolean validAddress(String t) {
        if (t.isEmpty() || t.length() > MAX_URL || t.chars().anyMatch(c -> c < 0x21)) return false;
        if (t.startsWith("/") && !t.startsWith("//")) return true;
        try {
            URI u = new URI(t);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static void checkMenu(String menu) {
        if (!Menu.NAMES.contains(menu)) throw new Invalid(Map.of("menu", "admin.menus.error.menu"));
    }

    private List<MenuItem> defaults(String menu) {
        List<MenuItem> out = new ArrayList<>();
        int pos = 0;
        long fakeId = -1;
        if (Menu.PRIMARY.equals(menu)) {
            for (MenuStore.Target c : store.categoriesWithArticles(Instant.now())) {
                out.add(new MenuItem(fakeId--, menu, null, ++pos, MenuItem.CATEGORY, c.slug(), c.name()));
            }
        } else {
            for (MenuStore.Target p : store.pages(Instant.now())) {
                out.add(new MenuItem(fakeId--, menu, null, ++pos, MenuItem.PAGE, p.slug(), p.name()));
            }
        }
        return out;
    }

    /** The menu's stored entries, storing its default first when it was never edited. */
    private List<MenuItem> materialize(Handle h, String menu) {
        boolean edited = h.createQuery("SELECT COUNT(*) FROM menus WHERE name = :n").bind("n", menu)
                .mapTo(Integer.class).one() > 0;
        if (!edited) {
            MenuStore.clear(h, menu);
            for (MenuItem d : defaults(menu)) {
                MenuStore.insert(h, menu, null, d.position(), d.kind(), d.target(), d.label());
            }
        }
        MenuStore.markEdited(h, menu, Instant.now());
        return MenuStore.items(h, menu);
    }

    private static Menu tree(String name, List<MenuItem> items, boolean edited) {
        List<Menu.Entry> entries = nodes(items).stream()
                .map(n -> new Menu.Entry(n.item, n.children.stream().map(c -> c.item).toList())).toList();
        return new Menu(name, entries, edited);
    }

    private static final class Node {
        final MenuItem item;
        final List<Node> children = new ArrayList<>();

        Node(MenuItem item) {
            this.item = item;
        }
    }

    private record Found(Node node, List<Node> list, int index, Node parent) {}

    private static List<Node> nodes(List<MenuItem> items) {
        Map<Long, Node> byId = new LinkedHashMap<>();
        for (MenuItem i : items) byId.put(i.id(), new Node(i));
        List<Node> top = new ArrayList<>();
        for (MenuItem i : items) {
            Node parent = i.parentId() == null ? null : byId.get(i.parentId());
            if (parent != null && parent.item.parentId() == null) parent.children.add(byId.get(i.id()));
            else top.add(byId.get(i.id()));
        }
        return top;
    }

    private static Found find(List<Node> tree, long id) {
        for (int i = 0; i < tree.size(); i++) {
            Node n = tree.get(i);
            if (n.item.id() == id) return new Found(n, tree, i, null);
            for (int j = 0; j < n.children.size(); j++) {
                if (n.children.get(j).item.id() == id) return new Found(n.children.get(j), n.children, j, n);
            }
        }
        return null;
    }

    private static boolean apply(List<Node> tree, long id, Move move, Handle h) {
        Found f = find(tree, id);
        if (f == null) return false;
        List<Node> list = f.list();
        int i = f.index();
        switch (move) {
            case UP -> {
                if (i == 0) return true;
                list.add(i - 1, list.remove(i));
            }
            case DOWN -> {
                if (i == list.size() - 1) return true;
                list.add(i + 1, list.remove(i));
            }
            case NEST -> {
                // under the entry above it, when it is top level, not the first, and has no children of its own
                if (f.parent() != null || i == 0 || !f.node().children.isEmpty()) return true;
                list.remove(i);
                list.get(i - 1).children.add(f.node());
            }
            case UNNEST -> {
                if (f.parent() == null) return true;
                list.remove(i);
                tree.add(tree.indexOf(f.parent()) + 1, f.node());
            }
            case REMOVE -> {
                list.remove(i);
                MenuStore.delete(h, id);
            }
        }
        return true;
    }

    private static void write(Handle h, List<Node> tree) {
        int pos = 0;
        for (Node n : tree) {
            MenuStore.place(h, n.item.id(), null, ++pos);
            for (Node c : n.children) MenuStore.place(h, c.item.id(), n.item.id(), ++pos);
        }
    }
}
