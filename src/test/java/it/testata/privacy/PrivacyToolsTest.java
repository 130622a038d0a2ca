package it.testata.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.account.Role;
import it.testata.article.Article;
import it.testata.article.Status;
import it.testata.audit.AuditEntry;
import it.testata.audit.AuditStore;
import it.testata.comment.CommentCookies;
import it.testata.comment.CommentForm;
import it.testata.comment.CommentService;
import it.testata.settings.CommentSettings;
import it.testata.settings.SpamSettings;
import it.testata.settings.StaffSettings;
import it.testata.support.Content;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import it.testata.web.Signer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy tools: export and erasure by e-mail address (ignoring case) from the admin page and the command line,
 * what erasure removes (name, e-mail, website, network; the text kept or deleted; the "first" trust; the pending
 * cookie's effect), both in the audit log; networks deleted after privacy.ip_retention_days; /privacy/ says so.
 */
class PrivacyToolsTest {
    static final String PASSWORD = "correct horse battery";
    static final String SLUG = "la-festa-del-paese";
    static TestSite site;
    static String articlePath;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        Content.article(site, SLUG, "La festa del paese", "Testo.", Status.PUBLISHED, Instant.now().minusSeconds(7200),
                "Redazione", "Cronaca", List.of());
        site.site().accounts.add("admin@example.org", "Ada", Role.ADMIN, PASSWORD.toCharArray());
        Article a = site.site().articles.publicArticle(SLUG).orElseThrow();
        articlePath = a.path(site.site().settings.current().zone());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static CommentService.Outcome submit(String name, String email, String text, CommentSettings.Moderation mode) {
        Article a = site.site().articles.publicArticle(SLUG).orElseThrow();
        CommentSettings rules = new CommentSettings(mode, 0, 5, 245, 100, 200, 5000, 0);
        return site.site().commentService.submit(a, new CommentForm(a.id(), null, name, email, "https://lia.example/", text, false, "", ""),
                rules, SpamSettings.defaults(), "198.51.100.0/24", "Firefox");
    }

    static void setEmail(long id, String email) {
        site.site().db.jdbi().useHandle(h -> h.createUpdate("UPDATE comments SET author_email = :e WHERE id = :id")
                .bind("e", email).bind("id", id).execute());
    }

    static List<AuditEntry> audit(String actor, String action) {
        return site.site().audit.store().find(new AuditStore.Filter(actor, action, null, null), 0, 50).entries();
    }

    @Test
    void exportAndErasureFromThePageKeepTheTextAndEndTrustAndCookies() throws Exception {
        long approved = Content.approvedComment(site, SLUG, "Lia Rossi", "lia@example.org", "Bella festa, complimenti.");
        // trusted under "first": her next comment appears at once
        var second = submit("Lia Rossi", "lia@example.org", "Torno a dire: bella festa.", CommentSettings.Moderation.FIRST);
        assertThat(second).isInstanceOf(CommentService.Outcome.Published.class);
        // an address kept as typed (a WordPress import does): matched ignoring case
        setEmail(((CommentService.Outcome.Published) second).id(), "Lia@Example.ORG");
        long pending = Content.pendingComment(site, SLUG, "Lia Rossi", "lia@example.org", "Questo attende la moderazione.");
        long other = Content.approvedComment(site, SLUG, "Piero Sarti", "piero@example.org", "Io c'ero anche.");
        String cookie = CommentCookies.PENDING + "=" + new Signer(site.site().settings.signingKey()).sign("pending-comments", String.valueOf(pending));
        assertThat(site.get(articlePath, "Cookie", cookie).body()).contains("Questo attende la moderazione.");

        StaffClient admin = StaffClient.signedIn(site, "admin@example.org", PASSWORD);
        var found = admin.page("/admin/privacy?email=LIA%40example.org");
        assertThat(found.select("section li").eachText())
                .containsExactly("Commenti: 3", "Iscrizione alla newsletter: 0", "Messaggi inviati alla redazione: 0",
                        "Avvisi di risposta: 0"); // --- notify ---
        HttpResponse<String> export = admin.postForm("/admin/privacy/export", Map.of("email", "lia@EXAMPLE.org"));
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        JsonNode json = new ObjectMapper().readTree(export.body());
        assertThat(json.path("comments")).hasSize(3);
        assertThat(json.path("comments").findValuesAsText("email")).contains("Lia@Example.ORG", "lia@example.org");
        assertThat(json.path("comments").findValuesAsText("network")).contains("10.0.0.0/24");
        assertThat(json.path("comments").findValuesAsText("text")).contains("Bella festa, complimenti.");

        // erasing needs the confirmation box
        assertThat(admin.postForm("/admin/privacy/erase", Map.of("email", "lia@example.org")).statusCode()).isEqualTo(422);
        HttpResponse<String> erased = admin.postForm("/admin/privacy/erase", Map.of("email", "lia@example.org", "confirm", "yes"));
        assertThat(erased.headers().firstValue("Location")).hasValue("/admin/privacy?erased=3");

        var row = site.site().commentService.find(approved).orElseThrow();
        assertThat(row.authorName()).isEqualTo("Anonimo");
        assertThat(row.authorEmail()).isEmpty();
        assertThat(row.authorUrl()).isEmpty();
        assertThat(row.ipNet()).isEmpty();
        assertThat(row.bodyRaw()).isEqualTo("Bella festa, complimenti.");
        assertThat(site.site().commentService.find(other).orElseThrow().authorEmail()).isEqualTo("piero@example.org");
        String page = site.get(articlePath).body();
        assertThat(page).contains("Anonimo").contains("Bella festa, complimenti.").doesNotContain("Lia Rossi");
        // the pending cookie no longer shows her held comment; her address is no longer trusted
        assertThat(site.get(articlePath, "Cookie", cookie).body()).doesNotContain("Questo attende la moderazione.");
        assertThat(submit("Lia Rossi", "lia@example.org", "Sono di nuovo io.", CommentSettings.Moderation.FIRST))
                .isInstanceOf(CommentService.Outcome.Held.class);

        assertThat(audit("admin@example.org", "privacy.")).extracting(AuditEntry::action).contains("privacy.export", "privacy.erase");
        assertThat(audit("admin@example.org", "privacy.erase")).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("lia@example.org"));
    }

    @Test
    void theCommandLineExportsToAFileAndErasesWithTheText() throws Exception {
        long parent = Content.approvedComment(site, SLUG, "Gino Neri", "GINO@example.org", "Un commento con risposte.");
        long reply = ((CommentService.Written.Saved) site.site().commentService.reply(parent, "Redazione", "redazione@example.org",
                "", "Grazie Gino.", site.site().settings.current().comments())).id();
        Path out = Files.createTempFile("privacy-", ".json");
        TestSite.Cli export = site.cli("privacy", "export", "--email", "Gino@Example.org", "--out", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertThat(json.path("email").asText()).isEqualTo("gino@example.org");
        assertThat(json.path("comments").findValuesAsText("text")).containsExactly("Un commento con risposte.");

        TestSite.Cli erase = site.cli("privacy", "erase", "--email", "gino@example.org", "--delete-text");
        assertThat(erase.exit()).as(erase.err()).isZero();
        assertThat(erase.out()).contains("comments: 1 deleted");
        assertThat(site.site().commentService.find(parent)).isEmpty();
        assertThat(site.site().commentService.find(reply)).isPresent();
        assertThat(audit("cli", "privacy.")).extracting(AuditEntry::target).contains("gino@example.org");
        assertThat(site.cli("privacy", "erase", "--email", "non-un-indirizzo").exit()).isEqualTo(2);
        Files.deleteIfExists(out);
    }

    @Test
    void networksGoAfterTheRetentionAndThePrivacyPageSaysWhen() {
        long old = Content.approvedComment(site, SLUG, "Vecchio", "vecchio@example.org", "Un commento di due mesi fa.");
        long recent = Content.approvedComment(site, SLUG, "Nuovo", "nuovo@example.org", "Un commento di oggi.");
        site.site().db.jdbi().useHandle(h -> h.createUpdate("UPDATE comments SET created_at = :t WHERE id = :id")
                .bind("t", Instant.now().minus(Duration.ofDays(61)).toEpochMilli()).bind("id", old).execute());
        site.site().settings.update(Map.of(StaffSettings.IP_RETENTION, "90"));
        site.site().staffHousekeeping();
        assertThat(site.site().commentService.find(old).orElseThrow().ipNet()).isEqualTo("10.0.0.0/24");
        assertThat(Jsoup.parse(site.get("/privacy/").body()).text()).contains("dopo 90 giorni");

        site.site().settings.update(Map.of(StaffSettings.IP_RETENTION, "60"));
        site.site().staffHousekeeping();
        assertThat(site.site().commentService.find(old).orElseThrow().ipNet()).isEmpty();
        assertThat(site.site().commentService.find(recent).orElseThrow().ipNet()).isEqualTo("10.0.0.0/24");
        assertThat(Jsoup.parse(site.get("/privacy/").body()).text()).contains("dopo 60 giorni").contains("Cancellazione");
    }
}
