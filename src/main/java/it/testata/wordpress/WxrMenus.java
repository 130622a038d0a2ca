package it.testata.wordpress;

import it.testata.article.Article;
import it.testata.menu.Menu;
import it.testata.menu.MenuItem;
import it.testata.menu.MenuService;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * WordPress's menus (nav_menu terms and their nav_menu_item posts) as the site's primary and footer menus. WXR
 * does not say which theme location showed a menu, so the rule is by name, then size: a menu whose slug or name
 * speaks of a footer ("footer", "piede", "pie-di-pagina", "fondo", "bottom") is the footer menu; one that speaks of
 * the main navigation ("primary", "main", "principale", "header", "top", "navigation", "navigazione") is the primary
 * menu; otherwise the menu with the most items is the primary one and the next the footer. Further menus are left
 * out. Entries keep WordPress's order (menu_order); our menus nest one level, so a deeper entry goes under its
 * top-level ancestor; an entry whose target is not public here (a draft, a deleted page, "#") is left out and
 * its children take its place.
 */
final class WxrMenus {
    private static final List<String> FOOTER = List.of("footer", "piede", "pie-di-pagina", "fondo", "bottom");
    private static final List<String> PRIMARY = List.of("primary", "main", "principale", "header", "top", "navigation",
            "navigazione");

    /** A WordPress menu item as read. */
    private record Item(long wpId, String menu, int order, String type, String object, long objectId, long parent,
                        String url, String title) {}

    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<Item> items = new ArrayList<>();
    /** Our slug of a category or tag by its WordPress term id ("category:12", "post_tag:7"). */
    private final Map<String, String> terms = new HashMap<>();

    private String site = "";

    /** The exported site's address: a custom link under it becomes a path here. */
    void site(String baseSiteUrl) {
        site = baseSiteUrl == null ? "" : baseSiteUrl.strip().replaceAll("/+$", "");
    }

    void menu(String slug, String name) {
        names.putIfAbsent(slug, name.isBlank() ? slug : name);
    }

    void term(String taxonomy, long termId, String ourSlug) {
        if (termId > 0) terms.put(taxonomy + ":" + termId, ourSlug);
    }

    /** A nav_menu_item; false when it names no menu (then it is not one of ours). */
    boolean item(Wxr.Item it) {
        String menu = it.terms().stream().filter(t -> "nav_menu".equals(t.domain())).map(Wxr.ItemTerm::slug)
                .findFirst().orElse(null);
        if (menu == null) return false;
        names.putIfAbsent(menu, menu);
        Map<String, String> m = it.menuMeta();
        items.add(new Item(it.id(), menu, it.menuOrder(), m.getOrDefault("_menu_item_type", ""),
                m.getOrDefault("_menu_item_object", ""), number(m.get("_menu_item_object_id")),
                number(m.get("_menu_item_menu_item_parent")), m.getOrDefault("_menu_item_url", ""),
                WordPressHtml.plainText(it.title()).strip()));
        return true;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Which WordPress menu becomes which of ours (primary, footer), by the rule above. */
    Map<String, String> placement() {
        Map<String, Long> sizes = new HashMap<>();
        for (Item i : items) sizes.merge(i.menu(), 1L, Long::sum);
        List<String> menus = new ArrayList<>(names.keySet().stream().filter(sizes::containsKey).toList());
        menus.sort(Comparator.comparing((String s) -> -sizes.get(s)));
        Map<String, String> out = new LinkedHashMap<>();
        String footer = menus.stream().filter(s -> speaks(s, FOOTER)).findFirst().orElse(null);
        String primary = menus.stream().filter(s -> !s.equals(footer) && speaks(s, PRIMARY)).findFirst()
                .orElse(menus.stream().filter(s -> !s.equals(footer)).findFirst().orElse(null));
        if (primary != null) out.put(Menu.PRIMARY, primary);
        String lastFooter = footer != null ? footer
                : menus.stream().filter(s -> !s.equals(primary)).findFirst().orElse(null);
        if (lastFooter != null) out.put(Menu.FOOTER, lastFooter);
        return out;
    }

    private boolean speaks(String slug, List<String> words) {
        String text = (slug + " " + names.getOrDefault(slug, "")).toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(text::contains);
    }

    /**
     * Replaces our menus that a WordPress menu maps to, inside the import's transaction. Targets are looked up
     * now that every item and term has been read: pages and posts by their WordPress id.
     */
    void write(Handle h, Set<String> touched, ZoneId zone) {
        Instant now = Instant.now();
        for (Map.Entry<String, String> place : placement().entrySet()) {
            List<Item> menu = items.stream().filter(i -> i.menu().equals(place.getValue()))
                    .sorted(Comparator.comparingInt(Item::order).thenComparingLong(Item::wpId)).toList();
            Map<Long, Item> byId = new HashMap<>();
            for (Item i : menu) byId.put(i.wpId(), i);
            Map<Long, MenuService.ImportedEntry> kept = new LinkedHashMap<>();
            Map<Long, List<MenuService.ImportedEntry>> children = new HashMap<>();
            List<Long> top = new ArrayList<>();
            for (Item i : menu) {
                Optional<MenuService.ImportedEntry> entry = entry(h, i, now, zone);
                if (entry.isEmpty()) continue;
                Long anchor = keptAncestor(i, byId, kept.keySet());
                if (anchor == null) {
                    kept.put(i.wpId(), entry.get());
                    top.add(i.wpId());
                    children.put(i.wpId(), new ArrayList<>());
                } else {
                    children.get(anchor).add(entry.get());
                }
            }
            List<MenuService.ImportedEntry> entries = top.stream().map(id -> {
                MenuService.ImportedEntry e = kept.get(id);
                return new MenuService.ImportedEntry(e.kind(), e.target(), e.label(), List.copyOf(children.get(id)));
            }).toList();
            MenuService.replace(h, touched, place.getKey(), entries);
        }
    }

    /** The top-level entry an item goes under: its highest ancestor that was kept; null to be top-level itself. */
    private static Long keptAncestor(Item i, Map<Long, Item> byId, Set<Long> topLevel) {
        Long found = null;
        Item at = i;
        for (int guard = 0; guard < 100 && at.parent() != 0; guard++) {
            Item parent = byId.get(at.parent());
            if (parent == null) break;
            if (topLevel.contains(parent.wpId())) found = parent.wpId();
            at = parent;
        }
        return found;
    }

    /** Our entry for a WordPress menu item, when its target is public here. */
    private Optional<MenuService.ImportedEntry> entry(Handle h, Item i, Instant now, ZoneId zone) {
        String kind;
        String target;
        String label = i.title();
        switch (i.type()) {
            case "taxonomy" -> {
                String slug = terms.get(i.object() + ":" + i.objectId());
                if (slug == null) return Optional.empty();
                if ("category".equals(i.object())) {
                    kind = MenuItem.CATEGORY;
                    target = slug;
                    if (label.isEmpty()) label = name(h, "SELECT name FROM categories WHERE slug = :s", slug);
                } else if ("post_tag".equals(i.object())) {
                    kind = MenuItem.LINK;
                    target = "/tag/" + slug + "/";
                    if (label.isEmpty()) label = name(h, "SELECT name FROM tags WHERE slug = :s", slug);
                } else {
                    return Optional.empty();
                }
            }
            case "post_type" -> {
                record Target(String slug, String kind, String title, long published) {}
                Optional<Target> t = h.createQuery("""
                                SELECT slug, kind, title, published_at FROM articles
                                WHERE wp_id = :wp AND status = 'published' AND published_at <= :now AND trashed_at IS NULL""")
                        .bind("wp", i.objectId()).bind("now", now.toEpochMilli())
                        .map((rs, ctx) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                        .findOne();
                if (t.isEmpty()) return Optional.empty();
                boolean page = "page".equals(t.get().kind());
                kind = page ? MenuItem.PAGE : MenuItem.LINK;
                target = page ? t.get().slug() : Article.path(t.get().slug(), Instant.ofEpochMilli(t.get().published()), zone);
                if (label.isEmpty()) label = t.get().title();
            }
            case "custom" -> {
                kind = MenuItem.LINK;
                target = i.url();
                if (!site.isEmpty() && target.startsWith(site + "/")) target = target.substring(site.length());
                if (!MenuService.validAddress(target) || label.isEmpty()) return Optional.empty();
            }
            default -> {
                return Optional.empty(); // post type archives and other kinds have no page here
            }
        }
        if (label.isEmpty()) return Optional.empty();
        if (label.length() > MenuService.MAX_LABEL) label = label.substring(0, MenuService.MAX_LABEL).strip();
        return Optional.of(new MenuService.ImportedEntry(kind, target, label, List.of()));
    }

    private static String name(Handle h, String sql, String slug) {
        return h.createQuery(sql).bind("s", slug).mapTo(String.class).findOne().orElse("");
    }

    private static long number(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
