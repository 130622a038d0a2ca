package it.testata.article;

import it.testata.db.ChangeLog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rules for articles: what is public, pages of lists, and saving drafts as articles. */
public final class ArticleService {
    public static final int PAGE_SIZE = 10;

    private final ArticleStore store;
    private final ChangeLog changes;

    public ArticleService(ArticleStore store, ChangeLog changes) {
        this.store = store;
        this.changes = changes;
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
            long id = ArticleStore.upsert(h, d, authorId, categoryId, Instant.now());
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

    /** True when the site has no article at all: a new site, ready for the demo content. */
    public boolean empty() {
        return store.countAll() == 0;
    }

    /** What a change to one article can alter: its page, every list, and the recent-articles widget. */
    public static List<String> tagsForArticle(long id) {
        return List.of("article:" + id, "lists", "sidebar:articles");
    }
}
