package it.testata.api;

import com.fasterxml.jackson.databind.JsonNode;
import it.testata.account.Role;
import it.testata.article.Article;
import it.testata.comment.CommentStatus;
import it.testata.comment.CommentStore;
import it.testata.comment.CommentText;
import it.testata.comment.NewComment;
import it.testata.support.ApiClient;
import it.testata.support.ApiClient.Answer;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/v1/comments: the moderation queue through the API, for admins, editors and moderators only. */
class ApiCommentsTest {
    static final String SLUG = "l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito";
    TestSite site;
    final Map<Role, ApiClient> as = new EnumMap<>(Role.class);
    Article article;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo();
        for (Role r : Role.values()) {
            String email = r.db() + "@example.org";
            site.site().accounts.add(email, "Staff " + r.db(), r, "correct horse battery".toCharArray());
            as.put(r, new ApiClient(site, site.site().accounts.createToken(email, "test")));
        }
        article = site.site().articles.publicArticle(SLUG).orElseThrow();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    long comment(String author, String email, String text, CommentStatus status) {
        return site.site().changes.write((h, touched) -> CommentStore.insert(h, new NewComment(article.id(), null, status,
                author, email, "", text, CommentText.toSafeHtml(text), "10.1.2.0/24", "test"), Instant.now()));
    }

    @Test
    void staffListAndReadCommentsWithTheEmailAndFilterByStatusAndArticle() {
        long held = comment("Ada", "ada@example.org", "In attesa.", CommentStatus.PENDING);
        long ok = comment("Bruno", "bruno@example.org", "Approvato.", CommentStatus.APPROVED);
        for (Role r : new Role[] {Role.ADMIN, Role.EDITOR, Role.MODERATOR}) {
            Answer list = as.get(r).get("/api/v1/comments");
            assertThat(list.status()).as(r.name()).isEqualTo(200);
            assertThat(list.json().get("items").findValuesAsText("id")).contains(String.valueOf(held), String.valueOf(ok));
        }
        JsonNode pending = as.get(Role.MODERATOR).get("/api/v1/comments?status=pending").json();
        assertThat(pending.get("items").findValuesAsText("id")).containsExactly(String.valueOf(held));
        JsonNode c = pending.get("items").get(0);
        assertThat(c.get("email").asText()).isEqualTo("ada@example.org");
        assertThat(c.get("author").asText()).isEqualTo("Ada");
        assertThat(c.get("text").asText()).isEqualTo("In attesa.");
        assertThat(c.get("status").asText()).isEqualTo("pending");
        assertThat(c.get("article_id").asLong()).isEqualTo(article.id());
        assertThat(c.get("article_url").asText()).endsWith("/2026/10/23/" + SLUG + "/");
        assertThat(c.get("network").asText()).isEqualTo("10.1.2.0/24");

        assertThat(as.get(Role.EDITOR).get("/api/v1/comments?article=" + SLUG).json().get("total").asInt()).isEqualTo(2);
        assertThat(as.get(Role.EDITOR).get("/api/v1/comments?article=" + article.id()).json().get("total").asInt()).isEqualTo(2);
        assertThat(as.get(Role.EDITOR).get("/api/v1/comments?article=999999").status()).isEqualTo(404);
        assertThat(as.get(Role.EDITOR).get("/api/v1/comments?status=hidden").status()).isEqualTo(400);
        JsonNode page = as.get(Role.EDITOR).get("/api/v1/comments?per_page=1&page=2").json();
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(held); // newest first: ok, then held
        assertThat(page.get("total").asInt()).isEqualTo(2);

        Answer one = as.get(Role.MODERATOR).get("/api/v1/comments/" + ok);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("email").asText()).isEqualTo("bruno@example.org");
        assertThat(as.get(Role.MODERATOR).get("/api/v1/comments/999999").status()).isEqualTo(404);
    }

    @Test
    void approveSpamTrashAndDeleteGoThroughModerationAndShowOnThePublicPage() {
        long id = comment("Carla", "carla@example.org", "Un commento da approvare.", CommentStatus.PENDING);
        String path = article.path(site.site().settings.current().zone());
        assertThat(site.get(path).body()).doesNotContain("Un commento da approvare.");

        Answer approved = as.get(Role.MODERATOR).post("/api/v1/comments/" + id + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("approved");
        assertThat(approved.json().get("learned").asText()).isEqualTo("ham"); // moderation through the API teaches the filter
        assertThat(site.get(path).body()).contains("Un commento da approvare.").doesNotContain("carla@example.org");

        JsonNode spam = as.get(Role.EDITOR).post("/api/v1/comments/" + id + "/spam", null).json();
        assertThat(spam.get("status").asText()).isEqualTo("spam");
        assertThat(spam.get("learned").asText()).isEqualTo("spam");
        assertThat(site.get(path).body()).doesNotContain("Un commento da approvare.");
        assertThat(as.get(Role.ADMIN).post("/api/v1/comments/" + id + "/trash", null).json().get("status").asText()).isEqualTo("trash");
        assertThat(as.get(Role.MODERATOR).post("/api/v1/comments/999999/approve", null).status()).isEqualTo(404);

        assertThat(as.get(Role.MODERATOR).delete("/api/v1/comments/" + id).status()).isEqualTo(204);
        assertThat(as.get(Role.MODERATOR).get("/api/v1/comments/" + id).status()).isEqualTo(404);
        assertThat(as.get(Role.MODERATOR).delete("/api/v1/comments/" + id).status()).isEqualTo(404);
    }

    @Test
    void anAuthorAndACallerWithoutATokenCannotSeeComments() {
        long id = comment("Dario", "dario@example.org", "Privato.", CommentStatus.PENDING);
        ApiClient author = as.get(Role.AUTHOR);
        assertThat(author.get("/api/v1/comments").status()).isEqualTo(403);
        assertThat(author.get("/api/v1/comments/" + id).status()).isEqualTo(403);
        assertThat(author.post("/api/v1/comments/" + id + "/approve", null).status()).isEqualTo(403);
        assertThat(author.delete("/api/v1/comments/" + id).status()).isEqualTo(403);
        Answer none = new ApiClient(site, null).get("/api/v1/comments/" + id);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.raw().body()).doesNotContain("dario@example.org");
        assertThat(site.site().commentService.find(id).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
    }
}
