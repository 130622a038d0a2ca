package it.testata.api;

import it.testata.account.Role;
import it.testata.support.ApiClient;
import it.testata.support.ApiClient.Answer;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the API accepts as an article's time, and how it cleans the texts it is sent (the same on both databases). */
class ApiInputTest {
    static TestSite site;
    static ApiClient editor;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("editor@example.org", "Eva Redattrice", Role.EDITOR, "correct horse battery".toCharArray());
        editor = new ApiClient(site, site.site().accounts.createToken("editor@example.org", "test"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void datesOutsideTheYears1900To9999AreRefused422WithTheFieldNamed() {
        for (String when : List.of("+999999999-12-31T23:59:59+01:00", "-0001-01-01T10:00:00+01:00", "1899-12-31T10:00:00+01:00",
                "+10000-01-01T10:00:00+01:00", "-999999999-01-01T00:00:00Z")) {
            Answer r = editor.post("/api/v1/articles", Map.of("title", "Fuori dal tempo", "status", "published", "published_at", when));
            assertThat(r.status()).as(when + ": " + r.raw().body()).isEqualTo(422);
            assertThat(r.json().get("errors").has("published_at")).as(when).isTrue();
        }
        Answer ok = editor.post("/api/v1/articles", Map.of("title", "Nel 1901", "status", "published",
                "published_at", "1901-03-01T10:00:00+01:00"));
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(201);
        assertThat(ok.json().get("url").asText()).contains("/1901/03/01/");
        assertThat(site.get("/-001/01/01/fuori-dal-tempo/").statusCode()).isEqualTo(404);
    }

    @Test
    void aScheduledArticleNeedsAFutureTime() {
        String past = OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(1).withNano(0).toString();
        Answer r = editor.post("/api/v1/articles", Map.of("title", "Programmato nel passato", "status", "scheduled", "published_at", past));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(422);
        assertThat(r.json().get("errors").get("published_at").asText()).isEqualTo("A scheduled article needs a time in the future.");

        String future = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(2).withNano(0).toString();
        Answer ok = editor.post("/api/v1/articles", Map.of("title", "Programmato davvero", "status", "scheduled", "published_at", future));
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(201);
        // changing something else keeps the stored time without asking again; moving it into the past is refused
        long id = ok.json().get("id").asLong();
        assertThat(editor.patch("/api/v1/articles/" + id, Map.of("standfirst", "Aggiornato")).status()).isEqualTo(200);
        assertThat(editor.patch("/api/v1/articles/" + id, Map.of("published_at", past)).status()).isEqualTo(422);
    }

    @Test
    void controlCharactersAreRemovedFromTextsAndRefusedInTheSlug() {
        Answer r = editor.post("/api/v1/articles", Map.of("title", "Nul\u0000lo\u0085 e\u0007 basta", "status", "published",
                "standfirst", "Riga uno\r\nriga due\u001b", "body", "Testo\u0000 con\ttab\rfine", "tags", List.of("ta\u0000g"),
                "category", "Cro\u009bnaca"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().get("title").asText()).isEqualTo("Nullo e basta");
        assertThat(r.json().get("standfirst").asText()).isEqualTo("Riga uno\nriga due");
        assertThat(r.json().get("body").asText()).isEqualTo("Testo con\ttab\nfine");
        assertThat(r.json().get("tags").get(0).asText()).isEqualTo("tag");
        assertThat(r.json().get("category").asText()).isEqualTo("Cronaca");

        Answer slug = editor.post("/api/v1/articles", Map.of("title", "Con uno slug sporco", "slug", "slug\u0000sporco"));
        assertThat(slug.status()).isEqualTo(422);
        assertThat(slug.json().get("errors").has("slug")).isTrue();
    }
}
