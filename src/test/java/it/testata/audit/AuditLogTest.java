package it.testata.audit;

import it.testata.account.Role;
import it.testata.article.Status;
import it.testata.settings.StaffSettings;
import it.testata.support.ApiClient;
import it.testata.support.Content;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import it.testata.web.Route;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log: every admitted staff request but GET and HEAD recorded centrally (form and API alike, with the
 * route, its parameters, actor, network and status), sign-ins and command-line actions recorded on their own, the
 * admin page's filters and pages, no way to change an entry, and pruning after audit.retention_days.
 */
class AuditLogTest {
    static final String PASSWORD = "correct horse battery";
    static final String SLUG = "consiglio-comunale";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        Content.article(site, SLUG, "Consiglio comunale", "Testo.", Status.PUBLISHED, Instant.now().minusSeconds(3600),
                "Redazione", "Politica", List.of());
        site.site().accounts.add("admin@example.org", "Ada", Role.ADMIN, PASSWORD.toCharArray());
        site.site().accounts.add("mod@example.org", "Moreno", Role.MODERATOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static List<AuditEntry> find(String actor, String action) {
        return site.site().audit.store().find(new AuditStore.Filter(actor, action, null, null), 0, 100).entries();
    }

    @Test
    void staffChangesAreRecordedWithActorNetworkRouteAndOutcome() {
        long id = Content.pendingComment(site, SLUG, "Lia", "lia@example.org", "Un commento da approvare.");
        StaffClient mod = StaffClient.signedIn(site, "mod@example.org", PASSWORD);
        mod.page("/admin/comments");
        assertThat(mod.postForm("/admin/comments", Map.of("action", "approve", "id", String.valueOf(id), "status", "pending"))
                .statusCode()).isEqualTo(303);
        assertThat(find("mod@example.org", "POST /admin/comments")).singleElement().satisfies(e -> {
            assertThat(e.detail()).contains("action=approve").contains("id=" + id);
            assertThat(e.ipNet()).isEqualTo("127.0.0.0/24");
            assertThat(e.status()).isEqualTo(303);
            assertThat(e.actorId()).isNotNull();
        });
        // a request refused by the guard (no CSRF token) changed nothing and is not an action
        mod.post("/admin/comments/" + id + "/edit", Map.of("author", "X"));
        assertThat(find("mod@example.org", "POST /admin/comments/{id}/edit")).isEmpty();
        // reading is not recorded
        assertThat(find("mod@example.org", "GET")).isEmpty();
        // the API too, with the path parameters as the target
        String token = site.site().accounts.createToken("mod@example.org", "script");
        long other = Content.pendingComment(site, SLUG, "Ugo", "ugo@example.org", "Un altro commento.");
        assertThat(new ApiClient(site, token).post("/api/v1/comments/" + other + "/spam", Map.of()).status()).isEqualTo(200);
        assertThat(find("mod@example.org", "POST /api/v1/comments/{id}/spam")).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("id=" + other));
    }

    @Test
    void signInsFailedSignInsAndCommandLineActionsHaveTheirOwnEntries() {
        StaffClient c = new StaffClient(site);
        assertThat(c.login("Mod@Example.org", "wrong password").statusCode()).isEqualTo(401);
        assertThat(c.login("mod@example.org", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(find("Mod@Example.org", "login.failed")).isNotEmpty();
        assertThat(find("mod@example.org", "login.ok")).isNotEmpty();
        long id = Content.pendingComment(site, SLUG, "Eva", "eva@example.org", "Da cestinare.");
        TestSite.Cli r = site.cli("comments", "trash", String.valueOf(id));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(find("cli", "comments.trash")).extracting(AuditEntry::target).contains("id=" + id);
    }

    @Test
    void administratorsListAndFilterTheLogWhichNoRouteCanChange() {
        AuditStore store = site.site().audit.store();
        Instant old = Instant.now().minus(Duration.ofDays(3));
        for (int i = 0; i < 60; i++) store.insert(old, null, "script@example.org", "settings", "", "n=" + i, "192.0.2.0/24", 303);
        StaffClient admin = StaffClient.signedIn(site, "admin@example.org", PASSWORD);
        Document page = admin.page("/admin/audit?actor=script%40example.org&action=sett");
        assertThat(page.select("table.audit tbody tr")).hasSize(50);
        assertThat(page.select("table.audit tbody tr").first().text()).contains("script@example.org", "settings", "192.0.2.0/24");
        Document second = admin.page(page.selectFirst("a[rel=next]").attr("href"));
        assertThat(second.select("table.audit tbody tr")).hasSize(10);
        String today = LocalDate.now(ZoneId.of("Europe/Rome")).toString();
        assertThat(admin.page("/admin/audit?actor=script%40example.org&from=" + today).select("table.audit tbody tr")).isEmpty();
        assertThat(admin.get("/admin/audit?from=ieri").statusCode()).isEqualTo(422);
        // moderators may not read it; nothing under /admin/audit accepts a change
        StaffClient mod = StaffClient.signedIn(site, "mod@example.org", PASSWORD);
        assertThat(mod.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(site.site().routes()).filteredOn(r -> r.path().startsWith("/admin/audit")).extracting(Route::method)
                .containsOnly("GET");
    }

    @Test
    void entriesArePrunedAfterTheRetention() {
        AuditStore store = site.site().audit.store();
        store.insert(Instant.now().minus(Duration.ofDays(400)), null, "prune@example.org", "old", "", "", "", 0);
        store.insert(Instant.now().minus(Duration.ofDays(10)), null, "prune@example.org", "recent", "", "", "", 0);
        site.site().staffHousekeeping();
        assertThat(find("prune@example.org", "")).extracting(AuditEntry::action).containsExactly("recent");
        site.site().settings.update(Map.of(StaffSettings.AUDIT_RETENTION, "5"));
        try {
            site.site().staffHousekeeping();
            assertThat(find("prune@example.org", "")).isEmpty();
        } finally {
            site.site().settings.update(Map.of(StaffSettings.AUDIT_RETENTION, "365"));
        }
    }
}
