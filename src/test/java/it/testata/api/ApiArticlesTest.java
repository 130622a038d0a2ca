package it.testata.api;

import com.fasterxml.jackson.databind.JsonNode;
import it.testata.account.Role;
import it.testata.support.ApiClient;
import it.testata.support.ApiClient.Answer;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/articles with each role, on the demo publication (14 published articles and a draft). */
class ApiArticlesTest {
    static TestSite site;
    static final Map<Role, ApiClient> as = new EnumMap<>(Role.class);
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        for (Role r : Role.values()) {
            String email = r.db() + "@example.org";
            String name = r == Role.AUTHOR ? "Ada Rossi" : "Staff " + r.db();
            site.site().accounts.add(email, name, r, "correct horse battery".toCharArray());
            as.put(r, new ApiClient(site, site.site().accounts.createToken(email, "test")));
        }
        anonymous = new ApiClient(site, null);
        // --- cluster2: pages too, one dated among the articles (the list merges both kinds) ---
        pages.add(it.testata.page.Pages.published(site, "Chi siamo", "", null, "Staff editor"));
        pages.add(it.testata.page.Pages.published(site, "Contatti e orari", "", null, "Staff editor"));
        assertThat(as.get(Role.EDITOR).patch("/api/v1/articles/" + pages.getLast(),
                body("published_at", "2026-11-20T10:00:00+01:00")).status()).isEqualTo(200);
    }

    static final List<Long> pages = new ArrayList<>();

    /** Every article and page outside the trash in the list's order, read from the database. */
    static List<Long> listOrder() {
        return site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE trashed_at IS NULL"
                + " ORDER BY COALESCE(published_at, updated_at) DESC, id DESC").mapTo(Long.class).list());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void anEditorCreatesAPublishedArticleWithANewTagAndItIsPublicAtItsUrl() {
        Answer r = as.get(Role.EDITOR).post("/api/v1/articles", body(
                "title", "Il mercato torna in piazza", "standfirst", "Dal primo dicembre, ogni sabato.",
                "body", "Il **mercato** torna.", "status", "published", "published_at", "2026-11-20T10:00:00+01:00",
                "category", "cronaca", "tags", List.of("mercato di piazza", "Lavoro"), "author", "Giulia Bertolini"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        JsonNode a = r.json();
        long id = a.get("id").asLong();
        assertThat(r.raw().headers().firstValue("Location")).hasValue("/api/v1/articles/" + id);
        assertThat(a.get("slug").asText()).isEqualTo("il-mercato-torna-in-piazza");
        assertThat(a.get("status").asText()).isEqualTo("published");
        assertThat(OffsetDateTime.parse(a.get("published_at").asText()).toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-20T10:00:00+01:00").toInstant());
        assertThat(a.get("published_at").asText()).isEqualTo("2026-11-20T10:00:00+01:00"); // the site's zone, with its offset
        assertThat(a.get("category").asText()).isEqualTo("Cronaca"); // the existing category, not renamed
        assertThat(texts(a.get("tags"))).containsExactlyInAnyOrder("mercato di piazza", "lavoro");
        assertThat(a.get("author").asText()).isEqualTo("Giulia Bertolini");
        assertThat(a.get("body").asText()).isEqualTo("Il **mercato** torna.");
        assertThat(a.get("public").asBoolean()).isTrue();
        String url = a.get("url").asText();
        assertThat(url).isEqualTo(site.url("/2026/11/20/il-mercato-torna-in-piazza/"));
        assertThat(site.get("/2026/11/20/il-mercato-torna-in-piazza/").body()).contains("<strong>mercato</strong>");
        assertThat(site.get("/tag/mercato-di-piazza/").statusCode()).isEqualTo(200);
        JsonNode tags = as.get(Role.EDITOR).get("/api/v1/tags").json().get("items");
        assertThat(tags.findValuesAsText("slug")).contains("mercato-di-piazza");

        Answer again = as.get(Role.EDITOR).get("/api/v1/articles/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(a);
        assertThat(again.raw().headers().firstValue("Cache-Control")).hasValue("private, no-store");
    }

    @Test
    void theSlugIsDerivedAndMadeUniqueAndAGivenOneMustBeFree() {
        ApiClient admin = as.get(Role.ADMIN);
        Answer first = admin.post("/api/v1/articles", body("title", "Nota della redazione"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("draft");
        assertThat(first.json().get("author").asText()).isEqualTo("Staff admin"); // the caller's byline by default
        assertThat(first.json().get("public").asBoolean()).isFalse();
        Answer second = admin.post("/api/v1/articles", body("title", "Nota della redazione"));
        assertThat(second.json().get("slug").asText()).isEqualTo("nota-della-redazione-2");
        Answer taken = admin.post("/api/v1/articles", body("title", "Altro", "slug", "nota-della-redazione"));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().get("errors").get("slug").asText()).isEqualTo("Another article already has this slug.");
        Answer bad = admin.post("/api/v1/articles", body("title", "Altro", "slug", "Non Valido!"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").has("slug")).isTrue();
    }

    @Test
    void invalidInputIsRefusedWithAJsonMessageAndNothingIsStored() {
        ApiClient editor = as.get(Role.EDITOR);
        int before = site.site().articles.staffList(it.testata.article.StaffQuery.all(), 1, 1).total();
        Answer noTitle = editor.post("/api/v1/articles", body("body", "testo"));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.message()).contains("Write a title.");
        assertThat(noTitle.json().get("errors").get("title").asText()).isEqualTo("Write a title.");
        Answer unknown = editor.post("/api/v1/articles", body("title", "x", "colour", "red"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get("colour").asText()).isEqualTo("unknown field");
        Answer date = editor.post("/api/v1/articles", body("title", "x", "published_at", "2026-11-20 10:00"));
        assertThat(date.status()).isEqualTo(422);
        assertThat(date.json().get("errors").get("published_at").asText()).contains("ISO 8601");
        Answer noOffset = editor.post("/api/v1/articles", body("title", "x", "published_at", "2026-11-20T10:00:00"));
        assertThat(noOffset.status()).isEqualTo(422);
        Answer status = editor.post("/api/v1/articles", body("title", "x", "status", "live"));
        assertThat(status.status()).isEqualTo(422);
        assertThat(status.json().get("errors").get("status").asText()).contains("draft, published or scheduled");
        Answer scheduled = editor.post("/api/v1/articles", body("title", "x", "status", "scheduled"));
        assertThat(scheduled.status()).isEqualTo(422);
        assertThat(scheduled.json().get("errors").has("published_at")).isTrue();
        Answer tags = editor.post("/api/v1/articles", body("title", "x", "tags", "uno, due"));
        assertThat(tags.status()).isEqualTo(422);
        Answer types = editor.post("/api/v1/articles", body("title", 5));
        assertThat(types.status()).isEqualTo(422);
        Answer notJson = editor.send("POST", "/api/v1/articles", "title=x");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.message()).contains("JSON");
        Answer array = editor.send("POST", "/api/v1/articles", "[1]");
        assertThat(array.status()).isEqualTo(400);
        assertThat(site.site().articles.staffList(it.testata.article.StaffQuery.all(), 1, 1).total()).isEqualTo(before);
    }

    @Test
    void theListFiltersByStatusAuthorCategoryTagAndTextAndPages() {
        ApiClient editor = as.get(Role.EDITOR);
        JsonNode all = editor.get("/api/v1/articles?per_page=100").json();
        int total = all.get("total").asInt();
        assertThat(total).isGreaterThanOrEqualTo(15);
        assertThat(all.get("items")).hasSize(total);

        JsonNode drafts = editor.get("/api/v1/articles?status=draft&per_page=100").json();
        drafts.get("items").forEach(n -> assertThat(n.get("status").asText()).isEqualTo("draft"));
        assertThat(drafts.get("total").asInt()).isPositive();

        JsonNode byAuthor = editor.get("/api/v1/articles?author=davide-sanna&per_page=100").json();
        assertThat(byAuthor.get("items").findValuesAsText("author")).isNotEmpty().allMatch("Davide Sanna"::equals);
        assertThat(editor.get("/api/v1/articles?author=Davide%20Sanna&per_page=100").json().get("total"))
                .isEqualTo(byAuthor.get("total"));

        JsonNode sport = editor.get("/api/v1/articles?category=sport").json();
        assertThat(sport.get("items").findValuesAsText("category")).isNotEmpty().allMatch("Sport"::equals);

        JsonNode calcio = editor.get("/api/v1/articles?tag=calcio").json();
        calcio.get("items").forEach(n -> assertThat(texts(n.get("tags"))).contains("calcio"));
        assertThat(calcio.get("total").asInt()).isEqualTo(2);

        JsonNode text = editor.get("/api/v1/articles?q=SPORTELLO").json();
        assertThat(text.get("items").findValuesAsText("slug")).contains("l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito");

        JsonNode page2 = editor.get("/api/v1/articles?per_page=5&page=2").json();
        assertThat(page2.get("page").asInt()).isEqualTo(2);
        assertThat(page2.get("per_page").asInt()).isEqualTo(5);
        assertThat(page2.get("items")).hasSize(5);
        assertThat(page2.get("pages").asInt()).isEqualTo((total + 4) / 5);
        assertThat(page2.get("items").get(0).get("id")).isEqualTo(all.get("items").get(5).get("id"));
        assertThat(editor.get("/api/v1/articles?page=999").json().get("items")).isEmpty();

        assertThat(editor.get("/api/v1/articles?status=live").status()).isEqualTo(400);
        assertThat(editor.get("/api/v1/articles?page=0").status()).isEqualTo(400);
        assertThat(editor.get("/api/v1/articles?per_page=abc").status()).isEqualTo(400);
    }

    @Test
    void patchChangesOnlyTheFieldsGivenAndDeleteRemovesTheArticle() {
        ApiClient editor = as.get(Role.EDITOR);
        JsonNode created = editor.post("/api/v1/articles", body("title", "Da correggere", "body", "Testo.",
                "tags", List.of("uno"), "category", "Politica")).json();
        long id = created.get("id").asLong();
        Answer p = editor.patch("/api/v1/articles/" + id, body("title", "Corretto", "tags", List.of("uno", "due")));
        assertThat(p.status()).as(p.raw().body()).isEqualTo(200);
        assertThat(p.json().get("title").asText()).isEqualTo("Corretto");
        assertThat(p.json().get("slug").asText()).isEqualTo("da-correggere"); // kept: only what is given changes
        assertThat(p.json().get("body").asText()).isEqualTo("Testo.");
        assertThat(p.json().get("category").asText()).isEqualTo("Politica");
        assertThat(texts(p.json().get("tags"))).containsExactlyInAnyOrder("uno", "due");
        // a client may send back what it read
        Answer roundTrip = editor.patch("/api/v1/articles/" + id, p.json());
        assertThat(roundTrip.status()).isEqualTo(200);
        Answer cleared = editor.patch("/api/v1/articles/" + id, body("category", null, "status", "published"));
        assertThat(cleared.json().get("category").isNull()).isTrue();
        assertThat(cleared.json().get("published_at").isNull()).isFalse(); // publishing without a time means now
        assertThat(site.get(java.net.URI.create(cleared.json().get("url").asText()).getPath()).statusCode()).isEqualTo(200);

        assertThat(editor.patch("/api/v1/articles/999999", body("title", "x")).status()).isEqualTo(404);
        assertThat(editor.patch("/api/v1/articles/abc", body("title", "x")).status()).isEqualTo(404);
        Answer del = editor.delete("/api/v1/articles/" + id);
        assertThat(del.status()).isEqualTo(204);
        assertThat(editor.get("/api/v1/articles/" + id).status()).isEqualTo(404);
        assertThat(editor.get("/api/v1/articles/" + id).message()).isEqualTo("no article " + id);
        assertThat(editor.delete("/api/v1/articles/" + id).status()).isEqualTo(404);
    }

    @Test
    void anAuthorWritesAndPublishesOnlyTheirOwnArticles() {
        ApiClient author = as.get(Role.AUTHOR);
        ApiClient editor = as.get(Role.EDITOR);
        Answer mine = author.post("/api/v1/articles", body("title", "Il mio primo pezzo", "body", "Ciao."));
        assertThat(mine.status()).isEqualTo(201);
        assertThat(mine.json().get("author").asText()).isEqualTo("Ada Rossi");
        long id = mine.json().get("id").asLong();
        Answer published = author.patch("/api/v1/articles/" + id, body("status", "published"));
        assertThat(published.status()).isEqualTo(200);
        assertThat(site.get(java.net.URI.create(published.json().get("url").asText()).getPath()).statusCode()).isEqualTo(200);

        // the list shows only theirs
        JsonNode list = author.get("/api/v1/articles?per_page=100").json();
        assertThat(list.get("items").findValuesAsText("author")).isNotEmpty().allMatch("Ada Rossi"::equals);

        long someoneElses = editor.get("/api/v1/articles?author=giulia-bertolini").json().get("items").get(0).get("id").asLong();
        assertThat(author.get("/api/v1/articles/" + someoneElses).status()).isEqualTo(403);
        assertThat(author.patch("/api/v1/articles/" + someoneElses, body("title", "Mio!")).status()).isEqualTo(403);
        assertThat(author.delete("/api/v1/articles/" + someoneElses).status()).isEqualTo(403);
        assertThat(author.get("/api/v1/articles/" + someoneElses + "/revisions").status()).isEqualTo(403);
        Answer impersonate = author.post("/api/v1/articles", body("title", "Firma falsa", "author", "Giulia Bertolini"));
        assertThat(impersonate.status()).isEqualTo(403);
        assertThat(impersonate.message()).contains("own name");
        assertThat(author.patch("/api/v1/articles/" + id, body("author", "Davide Sanna")).status()).isEqualTo(403);
        assertThat(author.delete("/api/v1/articles/" + id).status()).isEqualTo(204);
        // an editor may change anyone's
        assertThat(editor.patch("/api/v1/articles/" + someoneElses, body("standfirst", "Aggiornato.")).status()).isEqualTo(200);
    }

    @Test
    void aModeratorAndACallerWithoutAValidTokenAreRefused() {
        Answer mod = as.get(Role.MODERATOR).get("/api/v1/articles");
        assertThat(mod.status()).isEqualTo(403);
        assertThat(mod.message()).contains("moderator");
        assertThat(as.get(Role.MODERATOR).post("/api/v1/articles", body("title", "x")).status()).isEqualTo(403);

        Answer none = anonymous.get("/api/v1/articles");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(none.message()).contains("API token");
        assertThat(new ApiClient(site, "tst_not-a-real-token").get("/api/v1/articles").status()).isEqualTo(401);
        assertThat(new ApiClient(site, "garbage").get("/api/v1/articles").status()).isEqualTo(401);
        Answer unknown = anonymous.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).isEqualTo("nothing at GET /api/v1/nothing-here");
    }

    @Test
    void aDisabledUsersTokenStopsWorking() {
        site.site().accounts.add("temp@example.org", "Temp Editor", Role.EDITOR, "correct horse battery".toCharArray());
        ApiClient temp = new ApiClient(site, site.site().accounts.createToken("temp@example.org", null));
        assertThat(temp.get("/api/v1/categories").status()).isEqualTo(200);
        long id = site.site().accounts.user("temp@example.org").orElseThrow().id();
        site.site().accounts.setDisabled(id, true);
        assertThat(temp.get("/api/v1/categories").status()).isEqualTo(401);
    }

    // --- cluster2 ---
    static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.get("items").forEach(n -> out.add(n.get("id").asLong()));
        return out;
    }

    /** The path and query of a next link (which is absolute, on the site's address). */
    static String local(JsonNode next) {
        assertThat(next.asText()).startsWith(site.url("/api/v1/articles?cursor="));
        return next.asText().substring(site.url("").length());
    }

    @Test
    void theListIsReadPageByPageThroughNextLinksThatKeepTheirPlaceWhileArticlesArrive() {
        ApiClient editor = as.get(Role.EDITOR);
        List<Long> all = listOrder();
        assertThat(all).containsAll(pages);
        assertThat(ids(editor.get("/api/v1/articles?per_page=100").json())).isEqualTo(all);

        // every next link, to the end: each article once, in the order of the whole list; cursor pages carry no number
        List<Long> walked = new ArrayList<>();
        JsonNode page = editor.get("/api/v1/articles?per_page=4").json();
        assertThat(page.get("page").asInt()).isEqualTo(1);
        int pages = 1;
        while (true) {
            walked.addAll(ids(page));
            if (page.get("next").isNull()) break;
            page = editor.get(local(page.get("next"))).json();
            assertThat(page.has("page")).isFalse();
            assertThat(page.get("per_page").asInt()).isEqualTo(4);
            pages++;
        }
        assertThat(walked).isEqualTo(all);
        assertThat(pages).isEqualTo((all.size() + 3) / 4);

        // a numbered page's next link goes on where it ends, and keeps the filters
        JsonNode second = editor.get("/api/v1/articles?per_page=3&page=2&status=published").json();
        JsonNode third = editor.get(local(second.get("next"))).json();
        assertThat(second.get("next").asText()).contains("status=published").contains("per_page=3").doesNotContain("page=2");
        assertThat(ids(third)).isEqualTo(ids(editor.get("/api/v1/articles?per_page=3&page=3&status=published").json()));

        // an article published between two pages: a numbered page 2 would repeat page 1's last, the cursor does not
        JsonNode first = editor.get("/api/v1/articles?per_page=3").json();
        ApiClient.Answer created = editor.post("/api/v1/articles", body("title", "Arrivato tra due pagine", "body", "x",
                "status", "published"));
        assertThat(created.status()).isEqualTo(201);
        try {
            List<Long> next = ids(editor.get(local(first.get("next"))).json());
            assertThat(next).isEqualTo(all.subList(3, 6));
            assertThat(ids(editor.get("/api/v1/articles?per_page=3&page=2").json()).getFirst()).isEqualTo(all.get(2));
        } finally {
            editor.delete("/api/v1/articles/" + created.json().get("id").asLong());
        }
    }

    @Test
    void theTotalIsCheapByDefaultExactOnRequestOrLeftOutAndABadCursorIsRefused() {
        ApiClient editor = as.get(Role.EDITOR);
        JsonNode plain = editor.get("/api/v1/articles").json();
        assertThat(plain.get("total_exact").asBoolean()).isTrue();
        assertThat(plain.get("total").asInt()).isEqualTo(listOrder().size());
        JsonNode tagged = editor.get("/api/v1/articles?tag=calcio").json();
        assertThat(tagged.get("total").asInt()).isEqualTo(2); // counted, far below the cap of 1,000
        assertThat(tagged.get("total_exact").asBoolean()).isTrue();
        assertThat(editor.get("/api/v1/articles?tag=calcio&total=exact").json().get("total").asInt()).isEqualTo(2);
        JsonNode none = editor.get("/api/v1/articles?total=none&per_page=2").json();
        assertThat(none.get("total").isNull()).isTrue();
        assertThat(none.get("pages").isNull()).isTrue();
        assertThat(none.get("items")).hasSize(2);
        assertThat(none.get("next").asText()).contains("total=none");

        for (String bad : List.of("cursor=abc", "cursor=" + java.util.Base64.getUrlEncoder().encodeToString("k1:x-1".getBytes()),
                "cursor=%25%25", "total=some")) {
            ApiClient.Answer a = editor.get("/api/v1/articles?" + bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.message()).as(bad).isNotBlank();
        }
        String cursor = local(editor.get("/api/v1/articles?per_page=2").json().get("next"));
        assertThat(editor.get(cursor + "&page=2").status()).isEqualTo(400);
    }
}
