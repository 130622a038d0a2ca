package it.testata.api;

import com.fasterxml.jackson.databind.JsonNode;
import it.testata.account.Role;
import it.testata.article.Article;
import it.testata.article.ArticleDraft;
import it.testata.article.ArticleService;
import it.testata.article.Revision;
import it.testata.article.Status;
import it.testata.support.ApiClient;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every save keeps a revision (the last 20); the API lists them; the service restores one. */
class ApiRevisionsTest {
    static TestSite site;
    static ApiClient editor;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ed@example.org", "Elena Dini", Role.EDITOR, "correct horse battery".toCharArray());
        editor = new ApiClient(site, site.site().accounts.createToken("ed@example.org", "test"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everySaveKeepsARevisionNewestFirstAndOnlyTheLastTwenty() {
        JsonNode created = editor.post("/api/v1/articles", Map.of("title", "Versione 1", "body", "Uno.",
                "tags", List.of("a"), "category", "Cronaca")).json();
        long id = created.get("id").asLong();
        editor.patch("/api/v1/articles/" + id, Map.of("title", "Versione 2", "body", "Due."));

        JsonNode revs = editor.get("/api/v1/articles/" + id + "/revisions").json().get("items");
        assertThat(revs).hasSize(2);
        assertThat(revs.get(0).get("title").asText()).isEqualTo("Versione 2");
        assertThat(revs.get(0).get("body").asText()).isEqualTo("Due.");
        assertThat(revs.get(0).get("saved_by").asText()).isEqualTo("Elena Dini");
        assertThat(revs.get(0).get("article_id").asLong()).isEqualTo(id);
        assertThat(revs.get(1).get("title").asText()).isEqualTo("Versione 1");
        assertThat(revs.get(1).get("category").asText()).isEqualTo("Cronaca");
        assertThat(revs.get(1).get("tags").get(0).asText()).isEqualTo("a");
        assertThat(revs.get(1).get("status").asText()).isEqualTo("draft");
        assertThat(revs.get(1).has("saved_at")).isTrue();

        for (int i = 3; i <= 23; i++) {
            assertThat(editor.patch("/api/v1/articles/" + id, Map.of("title", "Versione " + i)).status()).isEqualTo(200);
        }
        List<Revision> kept = site.site().articles.revisions(id);
        assertThat(kept).hasSize(ArticleService.KEEP_REVISIONS);
        assertThat(kept.getFirst().title()).isEqualTo("Versione 23");
        assertThat(kept.getLast().title()).isEqualTo("Versione 4");
        assertThat(editor.get("/api/v1/articles/999999/revisions").status()).isEqualTo(404);
    }

    @Test
    void aRevisionCanBeRestoredAndTheRestoreIsItselfARevision() {
        long id = editor.post("/api/v1/articles", Map.of("title", "Prima stesura", "body", "Testo originale.",
                "tags", List.of("x", "y"))).json().get("id").asLong();
        editor.patch("/api/v1/articles/" + id, Map.of("title", "Seconda stesura", "body", "Testo rifatto.", "tags", List.of()));
        Revision first = site.site().articles.revisions(id).getLast();
        assertThat(first.title()).isEqualTo("Prima stesura");
        assertThat(site.site().articles.revision(first.id())).hasValue(first);

        Article restored = site.site().articles.restore(id, first.id(), null).orElseThrow();
        assertThat(restored.title()).isEqualTo("Prima stesura");
        assertThat(restored.bodyMd()).isEqualTo("Testo originale.");
        assertThat(restored.tags()).extracting(t -> t.name()).containsExactlyInAnyOrder("x", "y");
        assertThat(site.site().articles.revisions(id)).hasSize(3);
        assertThat(site.site().articles.revisions(id).getFirst().title()).isEqualTo("Prima stesura");
        assertThat(site.site().articles.restore(id + 1000, first.id(), null)).isEmpty(); // not this article's
    }

    @Test
    void importsAndOtherSavesBySlugKeepRevisionsToo() {
        ArticleDraft d = new ArticleDraft("importato", "Importato", "", "Testo.", Status.DRAFT, null, "Elena Dini", null, List.of());
        long id = site.site().articles.save(d, "");
        site.site().articles.save(new ArticleDraft("importato", "Importato di nuovo", "", "Testo.", Status.DRAFT, null,
                "Elena Dini", null, List.of()), "");
        assertThat(site.site().articles.revisions(id)).extracting(Revision::title)
                .containsExactly("Importato di nuovo", "Importato");
        assertThat(site.site().articles.revisions(id).getFirst().savedBy()).isNull();
    }
}
