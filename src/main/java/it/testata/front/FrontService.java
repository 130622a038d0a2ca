package it.testata.front;

import it.testata.article.Article;
import it.testata.article.ArticleQuery;
import it.testata.article.ArticleService;
import it.testata.article.ArticleStore;
import it.testata.article.Term;
import it.testata.menu.Menu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the newspaper front page and the article's "Leggi anche" show. */
public final class FrontService {
    public static final int SECTIONS = 6;
    public static final int PER_SECTION = 4;
    public static final int LATEST = 5;
    public static final int RELATED = 3;

    private final ArticleStore articles;
    private final ArticleService service;
    private final FrontStore store;

    public FrontService(ArticleStore articles, ArticleService service, FrontStore store) {
        this.articles = articles;
        this.service = service;
        this.store = store;
    }

    /** The front page's content; null when there is no public article at all. */
    public Content front(Menu primary) {
        Instant now = Instant.now();
        List<Article> newest = articles.listPublic(ArticleQuery.all(), now, 12, 0);
        if (newest.isEmpty()) return null;
        // the lead story: the newest with a picture among the latest few, else the newest
        Article lead = newest.stream().limit(4).filter(a -> a.image() != null).findFirst().orElse(newest.get(0));
        Set<Long> shown = new LinkedHashSet<>();
        shown.add(lead.id());
        List<Article> latest = newest.stream().filter(a -> !shown.contains(a.id())).limit(LATEST).toList();
        latest.forEach(a -> shown.add(a.id()));
        List<FrontPage.Section> sections = new ArrayList<>();
        for (String slug : primary.categorySlugs()) {
            if (sections.size() == SECTIONS) break;
            Term category = service.term("category", slug).orElse(null);
            if (category == null) continue;
            ArticleQuery q = new ArticleQuery(ArticleQuery.category(slug).where() + " AND a.id <> :lead",
                    Map.of("slug", slug, "lead", lead.id()));
            List<Article> items = articles.listPublic(q, now, PER_SECTION, 0);
            if (items.isEmpty()) continue;
            items.forEach(a -> shown.add(a.id()));
            sections.add(new FrontPage.Section(category, items));
        }
        Map<Long, Integer> minutes = store.words(shown).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ReadingTime.minutes(e.getValue())));
        return new Content(lead, latest, sections, minutes, newest.size() > 10);
    }

    public record Content(Article lead, List<Article> latest, List<FrontPage.Section> sections,
                          Map<Long, Integer> minutes, boolean more) {}

    /** "Leggi anche": articles sharing the most tags, then the newest of the same category. */
    public List<Article> related(Article a) {
        Instant now = Instant.now();
        Set<Long> ids = new LinkedHashSet<>(store.byTags(a.id(), now, RELATED));
        if (ids.size() < RELATED && a.category() != null) {
            for (Article c : articles.listPublic(ArticleQuery.category(a.category().slug()), now, RELATED + 1, 0)) {
                if (ids.size() == RELATED) break;
                if (c.id() != a.id()) ids.add(c.id());
            }
        }
        if (ids.isEmpty()) return List.of();
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<Article> found = articles.listPublic(new ArticleQuery("AND a.id IN (" + in + ")", Map.of()), now, RELATED, 0);
        List<Long> order = List.copyOf(ids);
        return found.stream().sorted(java.util.Comparator.comparingInt(x -> order.indexOf(x.id()))).toList();
    }

    /** Reading time of a full article, in minutes. */
    public static int minutes(Article a) {
        return ReadingTime.minutes(ReadingTime.words(a.bodyMd()));
    }
}
