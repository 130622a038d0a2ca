package it.testata.page;

import it.testata.article.Article;
import it.testata.article.ArticleDraft;
import it.testata.article.Status;
import it.testata.editor.EditorStore;
import it.testata.editor.NewsroomService;
import it.testata.support.TestSite;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Pages made for tests as the editor makes them: a draft, made a page, put under its parent, then published. */
public final class Pages {
    private Pages() {}

    /**
     * A published page (under parentId when not null), signed by an author of that name; answers its id. An empty
     * slug is made from the title (with -2, -3... when taken).
     */
    public static long published(TestSite site, String title, String slug, Long parentId, String author) {
        var s = site.site();
        Article a = s.articles.create(new ArticleDraft(slug, title, "", "Il testo della pagina " + title + ".", Status.DRAFT,
                null, author, null, List.of()), null);
        new NewsroomService(s.articles, new EditorStore(s.db.jdbi()), s.changes, null).makePage(a.id());
        new PageService(new PageStore(s.db.jdbi()), s.changes).place(a.id(), parentId, Map.of());
        s.articles.update(a.id(), new ArticleDraft(a.slug(), title, "", "Il testo della pagina " + title + ".", Status.PUBLISHED,
                Instant.now().minus(1, ChronoUnit.MINUTES), author, null, List.of()), null).orElseThrow();
        return a.id();
    }
}
