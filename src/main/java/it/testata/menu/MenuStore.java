package it.testata.menu;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/** SQL for menus and what they can name (categories with articles, public pages). */
public final class MenuStore {
    private static final String PUBLIC = "a.status = 'published' AND a.published_at <= :now";

    /** A category or page that a menu entry can point to. */
    public record Target(String slug, String name) {}

    private final Jdbi jdbi;

    public MenuStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<MenuItem> items(String menu) {
        return jdbi.withHandle(h -> items(h, menu));
    }

    static List<MenuItem> items(Handle h, String menu) {
        return h.createQuery("SELECT id, menu, parent_id, position, kind, target, label FROM menu_items "
                        + "WHERE menu = :menu ORDER BY position, id")
                .bind("menu", menu)
                .map((rs, ctx) -> new MenuItem(rs.getLong("id"), rs.getString("menu"),
                        rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"), rs.getInt("position"),
                        rs.getString("kind"), rs.getString("target"), rs.getString("label")))
                .list();
    }

    public boolean edited(String menu) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM menus WHERE name = :name")
                .bind("name", menu).mapTo(Integer.class).one() > 0);
    }

    /** Categories with at least one public article, the fullest first (the default primary menu). */
    public List<Target> categoriesWithArticles(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.slug, c.name, COUNT(*) AS n FROM categories c JOIN articles a ON a.category_id = c.id
                        WHERE a.kind = 'post' AND""" + " " + PUBLIC
                        + " GROUP BY c.slug, c.name ORDER BY n DESC, c.name")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Target(rs.getString("slug"), rs.getString("name"))).list());
    }

    /** Every category, by name (what the menu editor offers). */
    public List<Target> categories() {
        return jdbi.withHandle(h -> h.createQuery("SELECT slug, name FROM categories ORDER BY name")
                .map((rs, ctx) -> new Target(rs.getString("slug"), rs.getString("name"))).list());
    }

    /** Public pages, by title. */
    public List<Target> pages(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.slug, a.title FROM articles a WHERE a.kind = 'page' AND "
                        + PUBLIC + " ORDER BY a.title")
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Target(rs.getString("slug"), rs.getString("title"))).list());
    }

    /** Every page's address by its slug (--- pages ---): a page's address nests under its parents'. */
    public java.util.Map<String, String> pagePaths() {
        return it.testata.page.PageStore.tree(jdbi).pathsBySlug();
    }

    static void markEdited(Handle h, String menu, Instant now) {
        h.createUpdate("DELETE FROM menus WHERE name = :name").bind("name", menu).execute();
        h.createUpdate("INSERT INTO menus (name, edited_at) VALUES (:name, :at)")
                .bind("name", menu).bind("at", now.toEpochMilli()).execute();
    }

    static long insert(Handle h, String menu, Long parentId, int position, String kind, String target, String label) {
        return h.createQuery("INSERT INTO menu_items (menu, parent_id, position, kind, target, label) "
                        + "VALUES (:menu, :parent, :position, :kind, :target, :label) RETURNING id")
                .bind("menu", menu).bind("parent", parentId).bind("position", position).bind("kind", kind)
                .bind("target", target).bind("label", label)
                .mapTo(Long.class).one();
    }

    static void place(Handle h, long id, Long parentId, int position) {
        h.createUpdate("UPDATE menu_items SET parent_id = :parent, position = :position WHERE id = :id")
                .bind("parent", parentId).bind("position", position).bind("id", id).execute();
    }

    static void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM menu_items WHERE parent_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM menu_items WHERE id = :id").bind("id", id).execute();
    }

    /** Empties a menu (the importer replaces a menu as a whole). */
    static void clear(Handle h, String menu) {
        h.createUpdate("DELETE FROM menu_items WHERE menu = :menu AND parent_id IS NOT NULL").bind("menu", menu).execute();
        h.createUpdate("DELETE FROM menu_items WHERE menu = :menu").bind("menu", menu).execute();
    }
}
