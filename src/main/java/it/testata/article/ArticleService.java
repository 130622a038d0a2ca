package it.testata.article;

import it.testata.db.ChangeLog;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules for articles: what is public, pages of lists, and saving drafts as articles. */
public final class ArticleService {
    public static final int PAGE_SIZE = 10;

    /** How many revisions of each article are kept. */
    public static final int KEEP_REVISIONS = 20;

    private final ArticleStore store;
    private final ChangeLog changes;
    private final EditorialStore editorial;
    private final StaffListStore staffLists;

    public ArticleService(ArticleStore store, ChangeLog changes) {
        this.store = store;
        this.changes = changes;
        this.editorial = new EditorialStore(store.jdbi());
        this.staffLists = new StaffListStore(store.jdbi());
    }

    public record ArticleList(List<Article> items, int page, int pages, int total) {}

    public Optional<Article> publicArticle(String slug) {
        return store.findPublic(slug, Instant.now());
    }

    /** A published page (kind page: an imported WordPress page), by its slug. */
    public Optional<Article> publicPage(String slug) {
        return store.findPublicPage(slug, Instant.now());
    }

    public Optional<Article> publicArticleById(long id) {
        return store.findPublicById(id, Instant.now());
    }

    // --- pages: parent pages ---
    /** The pages as a tree (their nested addresses). */
    public it.testata.page.PageTree pageTree() {
        return store.pageTree();
    }

    /** A page's public address, nested under its parents': /chi-siamo/la-redazione/. */
    public String pagePath(long id) {
        return store.pageTree().path(id);
    }
    // --- end pages ---

    /** A published page (kind page), by id. */
    public Optional<Article> publicPageById(long id) {
        return store.findPublicPageById(id, Instant.now());
    }

    /** One page of public articles; empty when the page is past the last (page 1 always exists). */
    public Optional<ArticleList> list(ArticleQuery query, int page) {
        Instant now = Instant.now();
        int total = store.countPublic(query, now);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 1 || page > pages) return Optional.empty();
        return Optional.of(new ArticleList(store.listPublic(query, now, PAGE_SIZE, (page - 1) * PAGE_SIZE), page, pages, total));
    }

    public Optional<Author> author(String slug) {
        return store.author(slug);
    }

    public Optional<Term> term(String kind, String slug) {
        return store.term(kind, slug);
    }

    public long nextPublicationMillis() {
        return store.nextPublication(Instant.now()).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
    }

    /** Creates or updates (matched by slug) one article with its author, category and tags, in one transaction. */
    public long save(ArticleDraft d, String authorBio) {
        return changes.write((h, touched) -> {
            long authorId = ArticleStore.ensureAuthor(h, d.authorName().strip(), Slugs.of(d.authorName()), authorBio);
            Long categoryId = d.category() == null || d.category().isBlank() ? null
                    : ArticleStore.ensureTerm(h, "category", d.category());
            Instant now = Instant.now();
            long id = ArticleStore.upsert(h, d, authorId, categoryId, now);
            EditorialStore.keepRevision(h, id, null, now, KEEP_REVISIONS);
            touched.addAll(tagsForArticle(id));
            return id;
        });
    }

    /** Creates an author or updates the bio of the one with this name's slug. */
    public long saveAuthor(String name, String bio) {
        return changes.write((h, touched) -> {
            touched.add("lists");
            return ArticleStore.ensureAuthor(h, name.strip(), Slugs.of(name), bio);
        });
    }

    /** Opens or closes one article's comments. */
    public void setCommentsOpen(long id, boolean open) {
        changes.write((h, touched) -> {
            ArticleStore.setCommentsOpen(h, id, open);
            touched.add("article:" + id);
            return null;
        });
    }

    /** Sets (by its stored name) or clears (null) an article's featured image. */
    public void setImage(long id, String image) {
        changes.write((h, touched) -> {
            ArticleStore.setImage(h, id, image);
            touched.addAll(tagsForArticle(id));
            return null;
        });
    }

    /**
     * Sets or (null or blank) removes an article's password (see {@link ArticlePasswords}); like the featured image it
     * is not part of revisions. Its page, every list, feed and the sidebars change on every server.
     */
    public void setPassword(long id, String password) {
        String p = password == null || password.isBlank() ? null : password;
        changes.write((h, touched) -> {
            h.createUpdate("UPDATE articles SET password = :p WHERE id = :id").bind("p", p).bind("id", id).execute();
            touched.addAll(tagsForArticle(id));
            touched.add("comments:" + id);
            touched.add("sidebar:comments");
            return null;
        });
    }

    /** The media library's alt text of an image (by its stored name); empty for none. */
    public String imageAlt(String image) {
        return image == null ? "" : store.imageAlt(image);
    }

    /** True when the site has no article at all: a new site, ready for the demo content. */
    public boolean empty() {
        return store.countAll() == 0;
    }

    /** What a change to one article can alter: its page, every list, and the recent-articles widget. */
    public static List<String> tagsForArticle(long id) {
        return List.of("article:" + id, "lists", "sidebar:articles");
    }

    // ---- the newsroom: articles in any status, by id, with revisions ----

    /** An article that cannot be saved as given: field name (as the API names it) to message key. */
    public static final class Invalid extends RuntimeException {
        private final Map<String, String> errors;

        public Invalid(Map<String, String> errors) {
            super("invalid article: " + errors);
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /** An article in any status. */
    public Optional<Article> article(long id) {
        return editorial.findById(id);
    }

    /** One page of articles in any status for the newsroom; a page past the last is empty. */
    public ArticleList staffList(StaffQuery query, int page, int perPage) {
        int total = editorial.count(query);
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        List<Article> items = page < 1 ? List.of() : editorial.list(query, perPage, (page - 1) * perPage);
        return new ArticleList(items, page, pages, total);
    }

    /** One page of the newsroom's list and how many match, paged by place (see {@link it.testata.paging.Keyset}). */
    public record StaffPage(it.testata.paging.KeysetPage<Article> page, it.testata.paging.Count count) {}

    /** The page older than {@code before}, or newer than {@code after}, or the first (both null). */
    public StaffPage staffPage(StaffQuery query, it.testata.paging.Keyset before, it.testata.paging.Keyset after, int perPage) {
        return new StaffPage(it.testata.paging.KeysetPage.read(before, after, perPage,
                (cursor, older, n) -> staffLists.rows(query, cursor, older, n), StaffListStore::place),
                staffLists.count(query));
    }

    // --- cluster2: the API's list, paged by place (a cursor) or, for older clients, by number ---
    /**
     * Up to n articles older than the place (null: from the newest), newest first, without counting. Both kinds (the
     * API lists posts and pages together) are read kind by kind, each walking its own index from the place and
     * stopping after n rows, and merged: one walk over both would sort every article of the site for each page.
     */
    public List<Article> staffRows(StaffQuery query, it.testata.paging.Keyset before, int n) {
        if (query.kind() != null) return staffLists.rows(query, before, true, n);
        java.util.Comparator<Article> newestFirst = java.util.Comparator.comparing(StaffListStore::place,
                java.util.Comparator.comparingLong(it.testata.paging.Keyset::key).thenComparingLong(it.testata.paging.Keyset::id))
                .reversed();
        return java.util.stream.Stream.of("post", "page")
                .flatMap(kind -> staffLists.rows(new StaffQuery(query.status(), query.author(), query.category(), query.tag(),
                        query.text(), query.authorId(), kind, query.trash()), before, true, n).stream())
                .sorted(newestFirst).limit(n).toList();
    }

    /** Up to n articles from a position in the list (a page by number: OFFSET, as clients of the first API ask). */
    public List<Article> staffRowsAt(StaffQuery query, int offset, int n) {
        return editorial.list(query, n, offset);
    }

    /** How many match: exact when free (the counts table), else counted up to {@link StaffListStore#COUNT_CAP}. */
    public it.testata.paging.Count staffCount(StaffQuery query, boolean exact) {
        return exact ? it.testata.paging.Count.exactly(editorial.count(query)) : staffLists.count(query);
    }
    // --- end cluster2 ---

    /** Creates an article (the slug derived from the title when not given) and keeps its first revision. */
    public Article create(ArticleDraft draft, Long savedBy) {
        Instant now = Instant.now();
        long id = changes.write((h, touched) -> {
            ArticleDraft d = checked(h, draft, null, now);
            long newId = EditorialStore.insert(h, d, EditorialStore.byline(h, d.authorName()), categoryId(h, d.category()), now);
            EditorialStore.keepRevision(h, newId, savedBy, now, KEEP_REVISIONS);
            touched.addAll(tagsForArticle(newId));
            return newId;
        });
        return editorial.findById(id).orElseThrow();
    }

    /** Saves every field of an existing article and keeps the revision; empty when there is no such article. */
    public Optional<Article> update(long id, ArticleDraft draft, Long savedBy) {
        Instant now = Instant.now();
        boolean found = changes.write((h, touched) -> {
            if (EditorialStore.findById(h, id).isEmpty()) return false;
            ArticleDraft d = checked(h, draft, id, now);
            java.util.Map<Long, String> pages = it.testata.page.PageStore.tree(h).paths(); // --- pages ---
            EditorialStore.update(h, id, d, EditorialStore.byline(h, d.authorName()), categoryId(h, d.category()), now);
            // a page's new slug moves it and its subpages (from the editor, the API, a restored revision): old addresses redirect
            it.testata.page.PageStore.recordMoves(h, touched, pages);
            EditorialStore.keepRevision(h, id, savedBy, now, KEEP_REVISIONS);
            touched.addAll(tagsForArticle(id));
            return true;
        });
        return found ? editorial.findById(id) : Optional.empty();
    }

    /** Deletes an article with its comments and revisions; false when there is none. */
    public boolean delete(long id) {
        return changes.write((h, touched) -> {
            java.util.Map<Long, String> pages = it.testata.page.PageStore.tree(h).paths(); // --- pages ---
            if (!EditorialStore.delete(h, id)) return false;
            it.testata.page.PageStore.recordMoves(h, touched, pages); // its subpages move up: their old addresses redirect
            touched.addAll(tagsForArticle(id));
            touched.add("sidebar:comments");
            return true;
        });
    }

    /** An article's revisions, newest first (at most {@link #KEEP_REVISIONS}). */
    public List<Revision> revisions(long articleId) {
        return editorial.revisions(articleId);
    }

    public Optional<Revision> revision(long id) {
        return editorial.revision(id);
    }

    /** Saves a revision's content as the article's current state (itself a new revision); empty when either is missing. */
    public Optional<Article> restore(long articleId, long revisionId, Long savedBy) {
        Optional<Revision> r = editorial.revision(revisionId).filter(x -> x.articleId() == articleId);
        return r.isEmpty() ? Optional.empty() : update(articleId, r.get().draft(), savedBy);
    }

    /** Categories ("category") or tags ("tag") with their article counts. */
    public List<TermCount> terms(String kind) {
        return editorial.terms(kind);
    }

    /**
     * Publishes the scheduled articles whose time has come, each at most once even when several servers try
     * at the same moment; returns the ids this call published.
     */
    public List<Long> publishDue(Instant now) {
        return changes.write((h, touched) -> {
            List<Long> published = new java.util.ArrayList<>();
            for (long id : EditorialStore.due(h, now)) {
                if (EditorialStore.publishScheduled(h, id, now)) {
                    published.add(id);
                    touched.addAll(tagsForArticle(id));
                }
            }
            return published;
        });
    }

    /**
     * The draft as it will be stored, or {@link Invalid}: a title; a valid slug no other article has (derived
     * from the title, made unique, when blank); a time for a scheduled article (now for a published one
     * without); an author; tags without blanks or repeats.
     */
    private static ArticleDraft checked(Handle h, ArticleDraft d, Long id, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = d.title() == null ? "" : d.title().strip();
        if (title.isEmpty() || Slugs.of(title).isEmpty()) errors.put("title", "article.error.titleRequired");
        else if (title.length() > 300) errors.put("title", "article.error.titleLong");
        String slug = d.slug() == null ? "" : d.slug().strip();
        if (slug.isEmpty() && !errors.containsKey("title")) {
            String base = Slugs.of(title);
            slug = base;
            for (int n = 2; EditorialStore.slugTaken(h, slug, id); n++) slug = base + "-" + n;
        } else if (!slug.isEmpty() && !Slugs.valid(slug)) {
            errors.put("slug", "article.error.slugInvalid");
        } else if (!slug.isEmpty() && EditorialStore.slugTaken(h, slug, id)) {
            errors.put("slug", "article.error.slugTaken");
        }
        Status status = d.status() == null ? Status.DRAFT : d.status();
        Instant publishedAt = d.publishedAt();
        if (status == Status.SCHEDULED && publishedAt == null) errors.put("published_at", "article.error.scheduleNeedsTime");
        else if (publishedAt != null && !Dates.inRange(publishedAt)) errors.put("published_at", "article.error.dateRange");
        else if (status == Status.SCHEDULED && !publishedAt.isAfter(now) && !keepsSchedule(h, id, d))
            errors.put("published_at", "article.error.schedulePast");
        if (status == Status.PUBLISHED && publishedAt == null) publishedAt = now;
        String author = d.authorName() == null ? "" : d.authorName().strip();
        if (author.isEmpty() || Slugs.of(author).isEmpty()) errors.put("author", "article.error.authorRequired");
        String category = d.category() == null || d.category().isBlank() ? null : d.category().strip();
        if (category != null && Slugs.of(category).isEmpty()) errors.put("category", "article.error.categoryInvalid");
        else if (category != null) category = existingName(h, "categories", category);
        Map<String, String> tags = new LinkedHashMap<>();
        for (String t : d.tags() == null ? List.<String>of() : d.tags()) {
            String name = t == null ? "" : t.strip();
            if (name.length() > 100) errors.put("tags", "article.error.tagLong");
            else if (!Slugs.of(name).isEmpty()) tags.putIfAbsent(Slugs.of(name), existingName(h, "tags", name));
        }
        if (!errors.isEmpty()) throw new Invalid(errors);
        return new ArticleDraft(slug, title, d.standfirst() == null ? "" : d.standfirst().strip(),
                d.bodyMd() == null ? "" : d.bodyMd(), status, publishedAt, author, category, List.copyOf(tags.values()));
    }

    /**
     * True when the draft leaves a stored scheduled time as it was (an article saved again while it waits for the
     * scheduler's next turn, a second or two late): only a new or changed time must be in the future.
     */
    private static boolean keepsSchedule(Handle h, Long id, ArticleDraft d) {
        if (id == null) return false;
        return EditorialStore.findById(h, id).map(a -> a.status() == Status.SCHEDULED
                && d.publishedAt().equals(a.publishedAt())).orElse(false);
    }

    /** The name a category or tag with this name's slug already has (so that saving never renames one), else the name. */
    private static String existingName(Handle h, String table, String name) {
        return h.createQuery("SELECT name FROM " + table + " WHERE slug = :slug").bind("slug", Slugs.of(name))
                .mapTo(String.class).findOne().orElse(name);
    }

    private static Long categoryId(Handle h, String name) {
        return name == null ? null : ArticleStore.ensureTerm(h, "category", name);
    }
}
