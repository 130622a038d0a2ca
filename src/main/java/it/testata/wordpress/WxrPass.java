package it.testata.wordpress;

import it.testata.article.Article;
import it.testata.comment.CommentForm;
import it.testata.redirect.RedirectHandlers;
import it.testata.redirect.RedirectStore;
import it.testata.web.ClientAddress;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import static it.testata.wordpress.WxrValues.articleSlug;
import static it.testata.wordpress.WxrValues.authorSlug;
import static it.testata.wordpress.WxrValues.commentStatus;
import static it.testata.wordpress.WxrValues.decode;
import static it.testata.wordpress.WxrValues.linkPath;
import static it.testata.wordpress.WxrValues.termSlug;

/**
 * One pass over a WordPress export: maps what the reader hands over (channel, authors, terms, items with their
 * comments) to Testata's rows and, unless dry (no handle), writes them in the import's transaction as they come;
 * page parents and menus once every item is read ({@link #pagesAndMenus}). Counts everything in {@link #summary}.
 */
final class WxrPass implements WxrReader.Sink, ReadAhead.Target {
    /** First path segments that other routes own: a page cannot have them as its slug. */
    private static final Set<String> RESERVED = Set.of("privacy", "page", "category", "tag", "author", "static",
            "comments", "healthz", "admin", "api", "feed", "search", "login", "akismet", "wp-admin", "wp-content");

    final ImportSummary summary = new ImportSummary();
    private final Handle h;
    private final WxrStore.Batch db;
    private final LongSupplier bytesRead;
    private final WxrImporter.Progress progress;
    private final ZoneId zone;
    private final boolean keepSettings;
    private final Map<String, Long> authors = new HashMap<>();
    private final Map<String, Long> categories = new HashMap<>();
    private final Map<String, Long> tags = new HashMap<>();
    private final Map<Long, String> parents = new HashMap<>();
    private final Set<String> seenTerms = new HashSet<>();
    // --- pages: each imported page's WordPress parent, the addresses pages had before, the menus ---
    private final Map<Long, Long> pageParents = new java.util.LinkedHashMap<>();
    private final Map<Long, Long> pagesByWpId = new HashMap<>();
    private final Map<Long, String> pathsBefore;
    private final WxrMenus menus = new WxrMenus();
    private final long startedAt = System.currentTimeMillis();
    private long items;

    /**
     * @param h            the import's transaction, or null for a dry run (then db is null too)
     * @param bytesRead    how much of the file has been read, for the progress
     * @param keepSettings true to leave the site's name, tagline and address as they are
     */
    WxrPass(Handle h, WxrStore.Batch db, LongSupplier bytesRead, WxrImporter.Progress progress, ZoneId zone,
            boolean keepSettings) {
        this.h = h;
        this.db = db;
        this.bytesRead = bytesRead;
        this.progress = progress;
        this.zone = zone;
        this.keepSettings = keepSettings;
        this.pathsBefore = h == null ? Map.of() : it.testata.page.PageStore.tree(h).paths();
    }

    /**
     * Puts the imported pages under their WordPress parents (a parent not in this file may be from an earlier
     * import), keeps the tree within its depth, records the old address of every page that moved (a site imported
     * flat before: /la-redazione/ now leads to /chi-siamo/la-redazione/), then writes the menus.
     */
    void pagesAndMenus(Set<String> touched) {
        for (Map.Entry<Long, Long> p : pageParents.entrySet()) {
            Long parent = null;
            long wpParent = p.getValue();
            if (wpParent != 0) {
                parent = pagesByWpId.get(wpParent);
                if (parent == null) {
                    parent = db.articleByWpId(wpParent).filter(e -> "page".equals(e.kind()))
                            .map(WxrStore.Existing::id).orElse(null);
                }
            }
            if (parent != null && parent.equals(p.getKey())) parent = null;
            it.testata.page.PageStore.setParent(h, p.getKey(), parent);
        }
        it.testata.page.PageStore.flattenDeep(h);
        it.testata.page.PageStore.recordMoves(h, touched, pathsBefore);
        menus.write(h, touched, zone);
    }
    @Override
    public void channel(Wxr.Channel channel) {
        menus.site(channel.baseSiteUrl()); // --- pages: custom menu links to the site itself become paths ---
        if (keepSettings) return; // the site's own name and address stay as the operator set them
        Map<String, String> wanted = new java.util.LinkedHashMap<>();
        wanted.put("site_name", it.testata.text.CleanText.line(decode(channel.title())).strip());
        wanted.put("tagline", it.testata.text.CleanText.line(decode(channel.description())).strip());
        wanted.put("base_url", channel.baseSiteUrl().strip().replaceAll("/+$", ""));
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            // an empty or unacceptable value (a title of 300 characters, an address that is not http(s)) is left out
            if (e.getValue().isEmpty() || it.testata.settings.SettingsRules.check(e.getKey(), e.getValue()).isPresent()) continue;
            summary.settings.put(e.getKey(), e.getValue());
            if (h != null) it.testata.settings.SettingsStore.put(h, e.getKey(), e.getValue());
        }
    }

    @Override
    public void author(Wxr.Author a) {
        if (authors.containsKey(a.login())) return;
        summary.authors++;
        String slug = authorSlug(a.login());
        authors.put(a.login(), h == null ? 0L : WxrStore.author(h, slug, decode(a.displayName()), a.email()));
    }

    @Override
    public void term(Wxr.Term t) {
        boolean category = "category".equals(t.taxonomy());
        if ("nav_menu".equals(t.taxonomy())) menus.menu(t.slug(), decode(t.name()).strip()); // --- pages ---
        if (!category && !"post_tag".equals(t.taxonomy())) return; // menus, link categories, formats...
        if (!seenTerms.add(t.taxonomy() + " " + t.slug())) return; // WXR 1.2 lists every term twice
        String name = decode(t.name()).strip();
        ensureTerm(category, t.slug(), name.isEmpty() ? t.slug() : name, decode(t.description()));
        menus.term(t.taxonomy(), t.termId(), termSlug(t.slug(), name.isEmpty() ? t.slug() : name, category ? "category" : "tag"));
        if (category && !t.parent().isBlank() && h != null) parents.put(categories.get(t.slug()), t.parent());
    }

    private long ensureTerm(boolean category, String wpSlug, String name, String description) {
        Map<String, Long> known = category ? categories : tags;
        Long id = known.get(wpSlug);
        if (id != null) return id;
        String base = category ? "category" : "tag";
        String slug = termSlug(wpSlug, name, base);
        String old = RedirectHandlers.normalize(wpSlug);
        if (category) summary.categories++;
        else summary.tags++;
        if (!slug.equals(old) && old != null && !old.isBlank()) {
            summary.redirects++;
            if (h != null) RedirectStore.toPath(h, "/" + base + "/" + old + "/", "/" + base + "/" + slug + "/");
        }
        id = h == null ? 0L : category ? WxrStore.category(h, slug, name, description) : WxrStore.tag(h, slug, name);
        known.put(wpSlug, id);
        return id;
    }

    @Override
    public void item(Wxr.Item it) {
        handle(it, null);
    }

    @Override
    public void cleaned(ReadAhead.Cleaned c) {
        handle(c.item(), c);
    }

    /** An item; its cleaned content when it is to be written (a dry run only counts). */
    private void handle(Wxr.Item it, ReadAhead.Cleaned cleaned) {
        items++;
        if (!parents.isEmpty()) finish();
        switch (it.type()) {
            case "post", "page" -> article(it, cleaned);
            case "nav_menu_item" -> { // --- pages: written with the menus once every item is read ---
                if (menus.item(it)) summary.menuItems++;
                else summary.skipped++;
            }
            default -> summary.skipped++;
        }
        progress.advance(bytesRead.getAsLong(), items, summary.comments);
    }

    /** Category parents, once the categories they name have been read. */
    void finish() {
        for (Map.Entry<Long, String> p : parents.entrySet()) {
            WxrStore.categoryParent(h, p.getKey(), categories.get(p.getValue()));
        }
        parents.clear();
    }

    private void article(Wxr.Item it, ReadAhead.Cleaned cleaned) {
        boolean page = "page".equals(it.type());
        if (page) summary.pages++;
        else summary.posts++;
        String status = switch (it.status()) {
            case "publish" -> "published";
            case "future" -> "scheduled";
            default -> "draft"; // draft, pending, private, trash: kept, not shown
        };
        Instant published = date(it.postDateGmt(), it.postDate(), it.line());
        if (published == null) published = Instant.now();
        Instant modified = date(it.modifiedGmt(), it.modified(), it.line());
        if (modified == null || modified.isBefore(published)) modified = published;
        String title = WordPressHtml.plainText(it.title());
        String wanted = articleSlug(it, title, page);

        long authorId = author(it.creator());
        Long categoryId = null;
        List<Long> tagIds = new ArrayList<>();
        for (Wxr.ItemTerm t : it.terms()) {
            String name = decode(t.name()).strip();
            if ("category".equals(t.domain()) && categoryId == null && !t.slug().isBlank()) {
                categoryId = ensureTerm(true, t.slug(), name.isEmpty() ? t.slug() : name, "");
            } else if ("post_tag".equals(t.domain()) && !t.slug().isBlank()) {
                tagIds.add(ensureTerm(false, t.slug(), name.isEmpty() ? t.slug() : name, ""));
            }
        }

        List<String> oldPaths = new ArrayList<>();
        oldPaths.add("/?p=" + it.id());
        if (page) oldPaths.add("/?page_id=" + it.id());
        String permalink = linkPath(it.link());
        if (permalink != null && !permalink.equals(path(page, wanted, published))) oldPaths.add(permalink);
        summary.redirects += oldPaths.size();
        countComments(it.comments());
        if (h == null) return;

        Optional<WxrStore.Existing> existing = db.articleByWpId(it.id());
        String slug = freeSlug(wanted, existing.map(WxrStore.Existing::id).orElse(null), page);
        long id = db.article(new WxrStore.ArticleRow(it.id(), page ? "page" : "post", slug, title,
                WordPressHtml.plainText(it.excerpt()), cleaned.body(), status,
                published.toEpochMilli(), published.toEpochMilli(), modified.toEpochMilli(), authorId, categoryId,
                "open".equals(it.commentStatus()), it.protectedBy()));
        db.tags(id, tagIds);
        if (page) { // --- pages ---
            pageParents.put(id, it.parent());
            pagesByWpId.put(it.id(), id);
        }
        String now = path(page, slug, published);
        if (!slug.equals(wanted)) {
            oldPaths.add(path(page, wanted, published));
            summary.redirects++;
        }
        existing.ifPresent(e -> {
            // the address it had before this import (a changed slug or date) keeps leading to it
            String before = path("page".equals(e.kind()), e.slug(), e.publishedAt() == null ? null : Instant.ofEpochMilli(e.publishedAt()));
            if (before != null && !before.equals(now)) oldPaths.add(before);
        });
        for (String old : oldPaths) {
            if (!old.equals(now)) db.redirect(old, id);
        }
        comments(id, it.comments(), cleaned.comments());
    }

    private void countComments(List<Wxr.Comment> list) {
        for (Wxr.Comment c : list) {
            summary.comments++;
            switch (commentStatus(c)) {
                case "approved" -> summary.approved++;
                case "pending" -> summary.pending++;
                case "spam" -> summary.spam++;
                default -> summary.trash++;
            }
        }
    }

    private void comments(long articleId, List<Wxr.Comment> list, List<String> html) {
        Map<Long, Long> ids = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Wxr.Comment c = list.get(i);
            Long parent = null;
            if (c.parent() != 0) {
                parent = ids.get(c.parent());
                if (parent == null) parent = db.commentByWpId(c.parent()).orElse(null);
            }
            Instant at = date(c.dateGmt(), c.date(), c.line());
            String kind = switch (c.type()) {
                case "pingback", "trackback" -> c.type();
                default -> "comment";
            };
            long id = db.comment(new WxrStore.CommentRow(c.id(), articleId, parent, kind, commentStatus(c),
                    decode(c.author()).strip(), c.email(), // as given: comparisons ignore case
                    // a website that is not http(s) (javascript:...) is never linked to
                    CommentForm.httpUrl(c.url()) ? c.url() : "", c.content(),
                    html.get(i), (at == null ? Instant.now() : at).toEpochMilli(),
                    ClientAddress.truncate(c.ip()), startedAt));
            ids.put(c.id(), id);
        }
    }

    private long author(String login) {
        Long id = authors.get(login);
        if (id != null) return id;
        // written by a user the export does not list: an author by that name
        summary.authors++;
        String name = login.isBlank() ? "WordPress" : login;
        id = h == null ? 0L : WxrStore.author(h, authorSlug(name), name, "");
        authors.put(login, id);
        return id;
    }

    /** The slug, or the same with -2, -3... when another article or page (or a route) has it. */
    private String freeSlug(String wanted, Long self, boolean page) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? wanted : wanted + "-" + n;
            if (page && RESERVED.contains(candidate)) continue;
            Optional<Long> owner = db.slugOwner(candidate);
            if (owner.isEmpty() || owner.get().equals(self)) return candidate;
        }
    }

    private Instant date(String gmt, String local, int line) {
        return WxrValues.date(gmt, local, zone, line);
    }

    private String path(boolean page, String slug, Instant published) {
        if (page) return "/" + slug + "/";
        return published == null ? null : Article.path(slug, published, zone);
    }
}
