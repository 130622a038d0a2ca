package it.testata.wordpress;

import javax.xml.stream.XMLStreamException;
import java.util.List;
import java.util.Map;

/**
 * The export's menus (--- pages ---): the menus edited here (a menu never edited is the default, which an import
 * makes again), as WordPress writes them: a nav_menu term per menu named after its place (primary, footer) and a
 * nav_menu_item post per entry with its target in wp:postmeta. Ids are above every article's and term's, so none
 * collides.
 */
final class WxrMenuExport {
    private WxrMenuExport() {}

    private static final String WP = WxrExporter.WP;

    /** A nav_menu term per edited menu, before the items, as WordPress writes terms. */
    static void terms(WxrExporter.Writer w) throws XMLStreamException {
        long termBase = w.h.createQuery("SELECT COALESCE(MAX(id), 0) FROM (SELECT id FROM categories UNION ALL SELECT id FROM tags) t")
                .mapTo(Long.class).one();
        List<String> names = w.h.createQuery("SELECT DISTINCT i.menu FROM menu_items i JOIN menus m ON m.name = i.menu ORDER BY i.menu")
                .mapTo(String.class).list();
        for (int i = 0; i < names.size(); i++) {
            w.x.writeStartElement("wp", "term", WP);
            w.text(WP, "term_id", Long.toString(termBase + 1 + i));
            w.cdata(WP, "term_taxonomy", "nav_menu");
            w.cdata(WP, "term_slug", names.get(i));
            w.cdata(WP, "term_name", names.get(i).substring(0, 1).toUpperCase(java.util.Locale.ROOT) + names.get(i).substring(1));
            w.x.writeEndElement();
            w.nl("\t");
        }
    }

    /** A nav_menu_item post per entry of an edited menu, in its order, after the articles. */
    static void items(WxrExporter.Writer w) throws XMLStreamException {
        record Row(long id, String menu, Long parent, int position, String kind, String target, String label) {}
        List<Row> rows = w.h.createQuery("""
                        SELECT i.id, i.menu, i.parent_id, i.position, i.kind, i.target, i.label FROM menu_items i
                        JOIN menus m ON m.name = i.menu ORDER BY i.menu, i.position, i.id""")
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
        long postBase = w.h.createQuery("SELECT COALESCE(MAX(id), 0) FROM articles").mapTo(Long.class).one();
        Map<String, Long> categories = new java.util.HashMap<>();
        w.h.createQuery("SELECT slug, id FROM categories").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> categories.put(e.getKey(), e.getValue()));
        Map<String, Long> pageIds = new java.util.HashMap<>();
        w.h.createQuery("SELECT slug, id FROM articles WHERE kind = 'page'").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> pageIds.put(e.getKey(), e.getValue()));
        for (Row r : rows) {
            long postId = postBase + r.id();
            String type = "custom";
            String object = "custom";
            long objectId = postId;
            String url = r.target().startsWith("/") ? w.base + r.target() : r.target();
            if ("category".equals(r.kind()) && categories.containsKey(r.target())) {
                type = "taxonomy";
                object = "category";
                objectId = categories.get(r.target());
                url = "";
            } else if ("page".equals(r.kind()) && pageIds.containsKey(r.target())) {
                type = "post_type";
                object = "page";
                objectId = pageIds.get(r.target());
                url = "";
            }
            w.x.writeStartElement("item");
            w.nl("\t\t");
            w.cdata("", "title", r.label());
            w.text("", "link", w.base + "/?p=" + postId);
            w.text(WP, "post_id", Long.toString(postId));
            w.cdata(WP, "post_name", Long.toString(postId));
            w.cdata(WP, "status", "publish");
            w.text(WP, "post_parent", "0");
            w.text(WP, "menu_order", Integer.toString(r.position()));
            w.cdata(WP, "post_type", "nav_menu_item");
            w.x.writeStartElement("category");
            w.x.writeAttribute("domain", "nav_menu");
            w.x.writeAttribute("nicename", r.menu());
            w.x.writeCData(r.menu());
            w.x.writeEndElement();
            w.nl("\t\t");
            meta(w, "_menu_item_type", type);
            meta(w, "_menu_item_menu_item_parent", r.parent() == null ? "0" : Long.toString(postBase + r.parent()));
            meta(w, "_menu_item_object_id", Long.toString(objectId));
            meta(w, "_menu_item_object", object);
            meta(w, "_menu_item_url", url);
            w.x.writeEndElement();
            w.nl("\t");
        }
    }

    private static void meta(WxrExporter.Writer w, String key, String value) throws XMLStreamException {
        w.x.writeStartElement("wp", "postmeta", WP);
        w.cdata(WP, "meta_key", key);
        w.cdata(WP, "meta_value", value);
        w.x.writeEndElement();
        w.nl("\t\t");
    }
}
