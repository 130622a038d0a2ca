package it.testata.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.article.Article;
import it.testata.article.ArticleQuery;
import it.testata.support.TestSite;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static it.testata.comment.CommentPoster.within;
import static org.assertj.core.api.Assertions.assertThat;

/** ./testata comments list|approve|spam|trash|delete, run as a separate process on a serving site's data. */
class CommentCliTest {
    TestSite site;
    CommentPoster poster;
    long demoId;
    Article newest;
    String newestPath;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo(); // moderation "first": new commenters are held
        poster = new CommentPoster(site);
        demoId = CommentPoster.articleId(site, DEMO_SLUG);
        newest = site.site().articles.list(ArticleQuery.all(), 1).orElseThrow().items().getFirst();
        newestPath = newest.path(site.site().settings.current().zone());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void listShowsEveryFieldAsJsonAndFiltersByStatusAndArticle() throws Exception {
        long first = post(demoId, "Ada Lovelace", "ada@example.org", "https://ada.example/", "Prima riga\nseconda riga", 0, "10.13.1.1");
        site.site().commentService.moderate(first, CommentService.Action.APPROVE);
        long reply = post(demoId, "Bruno", "bruno@example.org", "", "Risposta.", first, "10.13.2.1");
        long other = post(newest.id(), "Carla", "carla@example.org", "", "Altro articolo.", 0, "10.13.3.1");

        List<JsonNode> all = list("comments", "list", "--json");
        assertThat(all).extracting(n -> n.get("id").asLong()).containsExactly(other, reply, first); // newest first
        JsonNode a = all.stream().filter(n -> n.get("id").asLong() == first).findFirst().orElseThrow();
        assertThat(a.get("status").asText()).isEqualTo("approved");
        assertThat(a.get("article").asText()).isEqualTo(DEMO_PATH);
        assertThat(a.get("parent").isNull()).isTrue();
        assertThat(a.get("author").asText()).isEqualTo("Ada Lovelace");
        assertThat(a.get("email").asText()).isEqualTo("ada@example.org");
        assertThat(a.get("url").asText()).isEqualTo("https://ada.example/");
        assertThat(a.get("text").asText()).isEqualTo("Prima riga\nseconda riga");
        CommentRecord stored = site.site().commentService.list(null, null).stream()
                .filter(c -> c.id() == first).findFirst().orElseThrow();
        assertThat(OffsetDateTime.parse(a.get("created_at").asText()).toInstant().truncatedTo(ChronoUnit.MILLIS))
                .isEqualTo(stored.createdAt());
        JsonNode b = all.stream().filter(n -> n.get("id").asLong() == reply).findFirst().orElseThrow();
        assertThat(b.get("status").asText()).isEqualTo("pending");
        assertThat(b.get("parent").asLong()).isEqualTo(first);
        assertThat(b.get("url").asText()).isEmpty();
        JsonNode c = all.stream().filter(n -> n.get("id").asLong() == other).findFirst().orElseThrow();
        assertThat(c.get("article").asText()).isEqualTo(newestPath);
        for (JsonNode n : all) {
            assertThat(fieldNames(n)).contains("id", "status", "article", "parent", "author", "email", "url",
                    "created_at", "text");
        }

        assertThat(list("comments", "list", "--json", "--status", "pending")).extracting(n -> n.get("id").asLong())
                .containsExactly(other, reply);
        assertThat(list("comments", "list", "--json", "--status", "approved")).extracting(n -> n.get("id").asLong())
                .containsExactly(first);
        assertThat(list("comments", "list", "--json", "--status", "spam")).isEmpty();
        assertThat(list("comments", "list", "--json", "--article", DEMO_SLUG)).extracting(n -> n.get("id").asLong())
                .containsExactly(reply, first);
        assertThat(list("comments", "list", "--json", "--article", newest.slug(), "--status", "pending"))
                .extracting(n -> n.get("id").asLong()).containsExactly(other);
        assertThat(list("comments", "list", "--json", "--article", "nessun-articolo")).isEmpty();

        TestSite.Cli text = site.cli("comments", "list");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().lines().toList()).hasSize(3);
        assertThat(text.out()).contains("ada@example.org").contains(DEMO_PATH);
    }

    @Test
    void approveSpamTrashAndDeleteShowOnTheRunningSiteWithinASecond() throws Exception {
        long id = post(demoId, "Dario", "dario@example.org", "", "Da moderare.", 0, "10.14.1.1");
        assertThat(poster.page(DEMO_PATH).getElementById("comment-" + id)).isNull(); // held; page cached
        poster.page("/");

        TestSite.Cli approve = site.cli("comments", "approve", String.valueOf(id));
        assertThat(approve.exit()).as(approve.err()).isZero();
        within(1_000, "approved comment on the page", () -> poster.page(DEMO_PATH).getElementById("comment-" + id) != null);
        within(1_000, "count and widget on the home page", () -> {
            Document home = poster.page("/");
            return CommentPublishingTest.card(home).select("a[href$=#comments]").text().equals("1 commento")
                    && home.select(".recent-comments").text().contains("Dario");
        });
        assertThat(status(id)).isEqualTo("approved");

        TestSite.Cli spam = site.cli("comments", "spam", String.valueOf(id));
        assertThat(spam.exit()).as(spam.err()).isZero();
        within(1_000, "spam gone from the page", () -> poster.page(DEMO_PATH).getElementById("comment-" + id) == null);
        within(1_000, "spam gone from the home page", () -> {
            Document home = poster.page("/");
            return CommentPublishingTest.card(home).select("a[href$=#comments]").isEmpty()
                    && !home.select(".sidebar").text().contains("Dario");
        });
        assertThat(status(id)).isEqualTo("spam");

        assertThat(site.cli("comments", "approve", String.valueOf(id)).exit()).isZero();
        within(1_000, "approved again", () -> poster.page(DEMO_PATH).getElementById("comment-" + id) != null);
        TestSite.Cli trash = site.cli("comments", "trash", String.valueOf(id));
        assertThat(trash.exit()).as(trash.err()).isZero();
        within(1_000, "trashed", () -> poster.page(DEMO_PATH).getElementById("comment-" + id) == null);
        assertThat(status(id)).isEqualTo("trash");

        assertThat(site.cli("comments", "approve", String.valueOf(id)).exit()).isZero();
        within(1_000, "approved once more", () -> poster.page(DEMO_PATH).getElementById("comment-" + id) != null);
        TestSite.Cli delete = site.cli("comments", "delete", String.valueOf(id));
        assertThat(delete.exit()).as(delete.err()).isZero();
        within(1_000, "deleted", () -> poster.page(DEMO_PATH).getElementById("comment-" + id) == null);
        within(1_000, "deleted from the count", () -> poster.page(DEMO_PATH).select("#comments-title").text()
                .equals("Nessun commento"));
        assertThat(list("comments", "list", "--json")).isEmpty();
    }

    @Test
    void aHeldCommentApprovedFromTheCommandLineShowsOnASecondServerToo() throws Exception {
        try (TestSite second = TestSite.sharing(site).start(false)) {
            CommentPoster other = new CommentPoster(second);
            long id = post(demoId, "Elsa", "elsa@example.org", "", "Due server.", 0, "10.15.1.1");
            assertThat(other.page(DEMO_PATH).getElementById("comment-" + id)).isNull(); // cached there
            assertThat(site.cli("comments", "approve", String.valueOf(id)).exit()).isZero();
            within(1_000, "on the first server", () -> poster.page(DEMO_PATH).getElementById("comment-" + id) != null);
            within(1_000, "on the second server", () -> other.page(DEMO_PATH).getElementById("comment-" + id) != null);
        }
    }

    @Test
    void anUnknownIdOrABadStatusExitsWithTwo() throws Exception {
        long id = post(demoId, "Franco", "franco@example.org", "", "Resto in attesa.", 0, "10.16.1.1");
        for (String action : List.of("approve", "spam", "trash", "delete")) {
            TestSite.Cli r = site.cli("comments", action, "987654");
            assertThat(r.exit()).as(action).isEqualTo(2);
            assertThat(r.err()).contains("987654");
        }
        TestSite.Cli bad = site.cli("comments", "list", "--status", "published");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("pending").contains("approved").contains("spam").contains("trash");
        assertThat(bad.out()).isEmpty();
        // nothing changed
        assertThat(status(id)).isEqualTo("pending");
        assertThat(site.site().commentService.list(null, null)).hasSize(1);
    }

    long post(long article, String name, String email, String url, String text, long parent, String network) {
        var form = poster.form(article).author(name).email(email).url(url).text(text).from(network);
        if (parent > 0) form.parent(parent);
        HttpResponse<String> r = form.post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return site.site().commentService.list(null, null).getFirst().id();
    }

    String status(long id) throws Exception {
        return list("comments", "list", "--json").stream().filter(n -> n.get("id").asLong() == id)
                .map(n -> n.get("status").asText()).findFirst().orElse(null);
    }

    List<JsonNode> list(String... args) throws Exception {
        TestSite.Cli r = site.cli(args);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertThat(arr.isArray()).as(r.out()).isTrue();
        List<JsonNode> out = new ArrayList<>();
        arr.forEach(out::add);
        return out;
    }

    static List<String> fieldNames(JsonNode n) {
        return StreamSupport.stream(((Iterable<String>) n::fieldNames).spliterator(), false).toList();
    }
}
