package it.testata.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The site's pages as a tree: each page's address (its ancestors' slugs, then its own), its ancestors, its
 * descendants, and whether a page may be put under another. Pages nest at most {@link #MAX_DEPTH} levels
 * (/chi-siamo/redazione/roma/); a parent chain that would go deeper, or loop, is cut where it would.
 */
public final class PageTree {
    /** Levels of pages: a top-level page is level 1. */
    public static final int MAX_DEPTH = 3;

    /** One page: its id, slug, title and parent (null at the top level). */
    public record Node(long id, String slug, String title, Long parentId) {}

    /** A page in the tree's order with its level (1 at the top) and its ancestors' titles, top first. */
    public record Entry(Node node, int level, List<String> trail) {}

    private final Map<Long, Node> byId = new LinkedHashMap<>();

    public PageTree(List<Node> nodes) {
        for (Node n : nodes) byId.put(n.id(), n);
    }

    /** The page's parent as stored; null at the top level or for an id that is not a page. */
    public Long parentOf(long id) {
        Node n = byId.get(id);
        return n == null ? null : n.parentId();
    }

    public boolean contains(long id) {
        return byId.containsKey(id);
    }

    /** The ancestors of a page, nearest last (its parent is the last one); at most MAX_DEPTH - 1 of them. */
    public List<Node> ancestors(long id) {
        List<Node> up = new ArrayList<>();
        Set<Long> seen = new HashSet<>(Set.of(id));
        Node n = byId.get(id);
        while (n != null && n.parentId() != null && up.size() < MAX_DEPTH - 1) {
            Node p = byId.get(n.parentId());
            if (p == null || !seen.add(p.id())) break;
            up.addFirst(p);
            n = p;
        }
        return up;
    }

    /** The page's public address, /parent/child/; null for an id that is not a page. */
    public String path(long id) {
        Node n = byId.get(id);
        if (n == null) return null;
        StringBuilder b = new StringBuilder("/");
        for (Node a : ancestors(id)) b.append(a.slug()).append('/');
        return b.append(n.slug()).append('/').toString();
    }

    /** Every page's address, by id. */
    public Map<Long, String> paths() {
        Map<Long, String> out = new LinkedHashMap<>();
        for (long id : byId.keySet()) out.put(id, path(id));
        return out;
    }

    /** Every page's address, by slug. */
    public Map<String, String> pathsBySlug() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n : byId.values()) out.put(n.slug(), path(n.id()));
        return out;
    }

    /** The pages under a page, at any level. */
    public Set<Long> descendants(long id) {
        Set<Long> out = new HashSet<>();
        List<Long> pending = new ArrayList<>(List.of(id));
        while (!pending.isEmpty()) {
            long at = pending.removeLast();
            for (Node n : byId.values()) {
                if (n.parentId() != null && n.parentId() == at && n.id() != id && out.add(n.id())) pending.add(n.id());
            }
        }
        return out;
    }

    /** Levels from a page down to its deepest descendant: 1 for a page without children. */
    int height(long id) {
        int h = 1;
        for (Node n : byId.values()) {
            if (n.parentId() != null && n.parentId() == id && n.id() != id) h = Math.max(h, 1 + height(n.id()));
        }
        return h;
    }

    /**
     * True when the page (0 for a page not saved yet) may be put under parentId: the parent is a page, not the
     * page itself nor one of its descendants, and the page with its own children stays within MAX_DEPTH levels.
     */
    public boolean allowedParent(long id, long parentId) {
        if (!byId.containsKey(parentId) || parentId == id) return false;
        if (id != 0 && descendants(id).contains(parentId)) return false;
        int levels = ancestors(parentId).size() + 1 + (id != 0 && byId.containsKey(id) ? height(id) : 1);
        return levels <= MAX_DEPTH;
    }

    /** The pages a page may be put under, in the tree's order. */
    public List<Entry> parentChoices(long id) {
        return ordered().stream().filter(e -> allowedParent(id, e.node().id())).toList();
    }

    /** Every page, parents before their children, siblings by title: the admin list's and the editor's order. */
    public List<Entry> ordered() {
        List<Entry> out = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        List<Node> top = byId.values().stream()
                .filter(n -> ancestors(n.id()).isEmpty())
                .sorted(BY_TITLE).toList();
        for (Node n : top) walk(n, 1, List.of(), out, placed);
        // pages in a loop or past the depth limit (never written by this code): listed last, at the top level
        byId.values().stream().filter(n -> !placed.contains(n.id())).sorted(BY_TITLE)
                .forEach(n -> walk(n, 1, List.of(), out, placed));
        return out;
    }

    private static final Comparator<Node> BY_TITLE = Comparator.comparing((Node n) -> n.title().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Node::id);

    private void walk(Node n, int level, List<String> trail, List<Entry> out, Set<Long> placed) {
        if (!placed.add(n.id())) return;
        out.add(new Entry(n, level, trail));
        if (level >= MAX_DEPTH) return;
        List<String> next = new ArrayList<>(trail);
        next.add(n.title());
        byId.values().stream().filter(c -> c.parentId() != null && c.parentId() == n.id() && c.id() != n.id())
                .sorted(BY_TITLE).forEach(c -> walk(c, level + 1, List.copyOf(next), out, placed));
    }
}
