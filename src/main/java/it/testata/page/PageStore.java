package it.testata.page;

import it.testata.redirect.RedirectStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Map;
import java.util.Set;

/** SQL for the page tree: every page's slug, title and parent; setting a parent; old addresses of moved pages. */
public final class PageStore {
    private final Jdbi jdbi;

    public PageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every page (any status: an address nests under a parent whether or not the parent is public). */
    public PageTree tree() {
        return tree(jdbi);
    }

    public static PageTree tree(Jdbi jdbi) {
        return jdbi.withHandle(PageStore::tree);
    }

    public static PageTree tree(Handle h) {
        return new PageTree(h.createQuery("SELECT id, slug, title, parent_id FROM articles WHERE kind = 'page' ORDER BY id")
                .map((rs, ctx) -> new PageTree.Node(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        rs.getObject("parent_id") == null ? null : rs.getLong("parent_id")))
                .list());
    }

    /** Puts a page under another (null: at the top level). */
    public static void setParent(Handle h, long id, Long parentId) {
        h.createUpdate("UPDATE articles SET parent_id = :parent WHERE id = :id AND kind = 'page'")
                .bind("parent", parentId).bind("id", id).execute();
    }

    /**
     * Keeps the tree within {@link PageTree#MAX_DEPTH} levels after an import (WordPress allows any depth): a page
     * deeper than that goes under its ancestor at level MAX_DEPTH - 1, so it sits at the last level; a page in a
     * loop of parents goes to the top level.
     */
    public static void flattenDeep(Handle h) {
        Map<Long, Long> parents = new java.util.HashMap<>();
        h.createQuery("SELECT id, parent_id FROM articles WHERE kind = 'page' AND parent_id IS NOT NULL")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2))).forEach(e -> parents.put(e.getKey(), e.getValue()));
        for (long id : parents.keySet()) {
            java.util.List<Long> chain = new java.util.ArrayList<>(); // ancestors, nearest first
            java.util.Set<Long> seen = new java.util.HashSet<>(Set.of(id));
            Long at = parents.get(id);
            boolean loop = false;
            while (at != null) {
                if (!seen.add(at)) {
                    loop = true;
                    break;
                }
                chain.add(at);
                at = parents.get(at);
            }
            if (loop) setParent(h, id, null);
            else if (chain.size() > PageTree.MAX_DEPTH - 1) setParent(h, id, chain.get(chain.size() - (PageTree.MAX_DEPTH - 1)));
        }
    }

    /**
     * Records, for every page whose address differs from the one it had in {@code before}, that the old address
     * leads to the page (the redirects table: its current address is computed when asked, so a later move needs no
     * update). Adds the moved pages' cache tags, and the menus' (their page entries show the addresses).
     */
    public static void recordMoves(Handle h, Set<String> touched, Map<Long, String> before) {
        Map<Long, String> after = tree(h).paths();
        for (Map.Entry<Long, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (old == null || old.equals(e.getValue())) continue;
            h.execute(RedirectStore.TO_ARTICLE, old, e.getKey());
            touched.add("article:" + e.getKey());
            touched.add("menus");
            touched.add("lists");
        }
    }
}
