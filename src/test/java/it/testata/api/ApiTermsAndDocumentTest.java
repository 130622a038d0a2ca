package it.testata.api;

import com.fasterxml.jackson.databind.JsonNode;
import it.testata.account.Role;
import it.testata.support.ApiClient;
import it.testata.support.TestSite;
import it.testata.web.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/categories, /api/v1/tags, and the OpenAPI document, which must describe every API route. */
class ApiTermsAndDocumentTest {
    static TestSite site;
    static ApiClient moderator;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        site.site().accounts.add("mod@example.org", "Mo Derato", Role.MODERATOR, "correct horse battery".toCharArray());
        moderator = new ApiClient(site, site.site().accounts.createToken("mod@example.org", "test"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void categoriesAndTagsAreListedByNameWithTheirArticleCountsForAnyStaff() {
        JsonNode cats = moderator.get("/api/v1/categories").json().get("items");
        assertThat(cats.findValuesAsText("name")).containsExactly("Cronaca", "Cultura", "Opinioni", "Politica", "Sport");
        JsonNode sport = cats.get(4);
        assertThat(sport.get("slug").asText()).isEqualTo("sport");
        assertThat(sport.get("articles").asInt()).isEqualTo(2);
        assertThat(sport.get("url").asText()).isEqualTo(site.url("/category/sport/"));
        JsonNode tags = moderator.get("/api/v1/tags").json().get("items");
        JsonNode calcio = null;
        for (JsonNode t : tags) if (t.get("slug").asText().equals("calcio")) calcio = t;
        assertThat(calcio).isNotNull();
        assertThat(calcio.get("articles").asInt()).isEqualTo(2);
        assertThat(calcio.get("url").asText()).isEqualTo(site.url("/tag/calcio/"));
        assertThat(new ApiClient(site, null).get("/api/v1/tags").status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesEveryApiRouteWithItsMethod() {
        ApiClient.Answer doc = moderator.get("/api/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode d = doc.json();
        assertThat(d.get("openapi").asText()).startsWith("3.");
        assertThat(d.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        int described = 0;
        for (Route r : site.site().routes()) {
            if (!r.path().startsWith("/api/")) continue;
            JsonNode op = d.get("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
            assertThat(op.isMissingNode()).as(r.method() + " " + r.path() + " in openapi.json").isFalse();
            assertThat(op.get("responses").size()).isPositive();
            described++;
        }
        assertThat(described).isEqualTo(15);
        // and every $ref points at a schema that exists
        for (String ref : d.findValuesAsText("$ref")) {
            assertThat(d.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }
}
