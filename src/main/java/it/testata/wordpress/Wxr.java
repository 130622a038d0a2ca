package it.testata.wordpress;

import java.util.List;

/**
 * What a WordPress export (WXR) holds, element by element, as the reader hands it over. Values are the
 * file's own strings (dates as WordPress writes them, "0000-00-00 00:00:00" for none); the importer decides
 * what they mean.
 */
public final class Wxr {
    private Wxr() {}

    /** The channel's description of the site. */
    public record Channel(String title, String link, String description, String language, String baseSiteUrl,
                          String wxrVersion) {}

    /** A WordPress user who wrote something. */
    public record Author(String login, String email, String displayName) {}

    /** A category (taxonomy "category") or a tag ("post_tag"); parent is the parent's slug or empty. */
    public record Term(String taxonomy, String slug, String name, String parent, String description, long termId) {
        public Term(String taxonomy, String slug, String name, String parent, String description) {
            this(taxonomy, slug, name, parent, description, 0);
        }
    }

    /** A category or tag an item is filed under ({@code <category domain="..." nicename="...">}). */
    public record ItemTerm(String domain, String slug, String name) {}

    /** One item: a post, a page, or anything else WordPress exports (attachments, menu items...). */
    public record Item(long id, String title, String link, String creator, String content, String excerpt,
                       String postDate, String postDateGmt, String modified, String modifiedGmt,
                       String commentStatus, String slug, String status, long parent, String type,
                       List<ItemTerm> terms, List<Comment> comments, int line, String password,
                       int menuOrder, java.util.Map<String, String> menuMeta) {

        /**
         * menuOrder is wp:menu_order; menuMeta the item's wp:postmeta whose keys start with _menu_item_ (a
         * nav_menu_item's type, object, object id, parent and URL; --- pages ---), empty for other items.
         */
        public Item(long id, String title, String link, String creator, String content, String excerpt,
                    String postDate, String postDateGmt, String modified, String modifiedGmt,
                    String commentStatus, String slug, String status, long parent, String type,
                    List<ItemTerm> terms, List<Comment> comments, int line, String password) {
            this(id, title, link, creator, content, excerpt, postDate, postDateGmt, modified, modifiedGmt, commentStatus,
                    slug, status, parent, type, terms, comments, line, password, 0, java.util.Map.of());
        }

        /** WordPress's post password, or null when the item has none. */
        public String protectedBy() {
            return password == null || password.isBlank() ? null : password;
        }
    }

    /** A comment, pingback or trackback on an item. */
    public record Comment(long id, String author, String email, String url, String ip, String date, String dateGmt,
                          String content, String approved, String type, long parent, int line) {}
}
