package it.testata.profile;

import it.testata.account.Access;
import it.testata.account.Role;
import it.testata.account.User;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import it.testata.support.TotpCodes;
import it.testata.twofactor.Totp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile page over HTTP: own name, own password (other sessions end), sessions, 2FA management; valid HTML. */
class ProfilePageTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aModeratorChangesTheirNameAndARefusedNameKeepsWhatWasTyped() {
        User u = site.site().accounts.add("mara@example.org", "Mara", Role.MODERATOR, PASSWORD.toCharArray());
        StaffClient c = StaffClient.signedIn(site, u.email(), PASSWORD);
        c.page("/admin/profile");
        HttpResponse<String> bad = c.postForm("/admin/profile/name", Map.of("name", "  !!  "));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.body()).selectFirst("#name").val()).isEqualTo("  !!  ");
        assertThat(Jsoup.parse(bad.body()).select("#name-error").text()).isNotEmpty();
        HttpResponse<String> ok = c.postForm("/admin/profile/name", Map.of("name", "Mara Bellini"));
        assertThat(ok.headers().firstValue("Location")).hasValue("/admin/profile?done=name");
        assertThat(site.site().accounts.user(u.id()).orElseThrow().name()).isEqualTo("Mara Bellini");
        assertThat(c.page("/admin/profile").select(".admin-user").text()).contains("Mara Bellini");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutTheOtherSessions() {
        User u = site.site().accounts.add("nino@example.org", "Nino", Role.AUTHOR, PASSWORD.toCharArray());
        StaffClient phone = StaffClient.signedIn(site, u.email(), PASSWORD);
        StaffClient laptop = StaffClient.signedIn(site, u.email(), PASSWORD);
        Document page = laptop.page("/admin/profile");
        assertThat(page.select("table.sessions tbody tr")).hasSize(2);
        assertThat(page.select("table.sessions tbody tr").text()).contains("127.0.0.0/24").contains("Java-http-client");
        assertThat(page.select("table.sessions strong")).hasSize(1);

        assertThat(laptop.postForm("/admin/profile/password", Map.of("current", "wrong one!", "password", "nuova password 1",
                "password2", "nuova password 1")).statusCode()).isEqualTo(422);
        assertThat(laptop.postForm("/admin/profile/password", Map.of("current", PASSWORD, "password", "nuova password 1",
                "password2", "nuova password 2")).statusCode()).isEqualTo(422);
        assertThat(laptop.postForm("/admin/profile/password", Map.of("current", PASSWORD, "password", "corta",
                "password2", "corta")).statusCode()).isEqualTo(422);
        HttpResponse<String> ok = laptop.postForm("/admin/profile/password", Map.of("current", PASSWORD,
                "password", "nuova password 1", "password2", "nuova password 1"));
        assertThat(ok.headers().firstValue("Location")).hasValue("/admin/profile?done=password");
        assertThat(laptop.get("/admin/").statusCode()).as("this session stays").isEqualTo(200);
        assertThat(phone.get("/admin/").statusCode()).as("the other one ended").isEqualTo(303);
        assertThat(new StaffClient(site).login(u.email(), PASSWORD).statusCode()).isEqualTo(401);
        assertThat(new StaffClient(site).login(u.email(), "nuova password 1").statusCode()).isEqualTo(303);
    }

    @Test
    void signOutEverywhereElseKeepsOnlyThisSession() {
        User u = site.site().accounts.add("olga@example.org", "Olga", Role.EDITOR, PASSWORD.toCharArray());
        StaffClient a = StaffClient.signedIn(site, u.email(), PASSWORD);
        StaffClient b = StaffClient.signedIn(site, u.email(), PASSWORD);
        StaffClient other = StaffClient.signedIn(site, u.email(), PASSWORD);
        a.page("/admin/profile");
        assertThat(a.postForm("/admin/profile/sessions/others", Map.of()).statusCode()).isEqualTo(303);
        assertThat(a.get("/admin/").statusCode()).isEqualTo(200);
        assertThat(b.get("/admin/").statusCode()).isEqualTo(303);
        assertThat(other.get("/admin/").statusCode()).isEqualTo(303);
        assertThat(a.page("/admin/profile").select("table.sessions tbody tr")).hasSize(1);
        // the central audit log saw the POST, with its actor and network
        assertThat(site.site().audit.store().find(new it.testata.audit.AuditStore.Filter(u.email(),
                "POST /admin/profile/sessions/others", null, null), 0, 5).entries())
                .singleElement().satisfies(e -> {
                    assertThat(e.status()).isEqualTo(303);
                    assertThat(e.ipNet()).isEqualTo("127.0.0.0/24");
                });
    }

    @Test
    void turningTotpOffNeedsThePasswordAndNewRecoveryCodesReplaceTheOld() {
        User u = site.site().accounts.add("pia@example.org", "Pia", Role.ADMIN, PASSWORD.toCharArray());
        byte[] secret = site.site().twoFactor.startTotp(u.id());
        List<String> first = site.site().twoFactor.confirmTotp(u.id(), TotpCodes.code(Totp.base32(secret), 0)).orElseThrow();
        StaffClient c = new StaffClient(site);
        c.login(u.email(), PASSWORD);
        Document form = Jsoup.parse(c.get("/admin/login/2fa").body());
        c.post("/admin/login/2fa", Map.of("csrf", form.selectFirst("input[name=csrf]").val(), "code", first.get(0)));
        assertThat(c.page("/admin/profile").select("#totp form[action=/admin/profile/totp/disable]")).hasSize(1);

        HttpResponse<String> fresh = c.postForm("/admin/profile/recovery", Map.of());
        assertThat(fresh.statusCode()).isEqualTo(200);
        List<String> second = Jsoup.parse(fresh.body()).select("#recovery-codes code").eachText();
        assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
        assertThat(site.site().twoFactor.verify(u.id(), first.get(1))).isEmpty();
        assertThat(site.site().twoFactor.verify(u.id(), second.get(1))).hasValue("recovery");

        assertThat(c.postForm("/admin/profile/totp/disable", Map.of("current", "not it at all")).statusCode()).isEqualTo(422);
        assertThat(site.site().twoFactor.hasTotp(u.id())).isTrue();
        assertThat(c.postForm("/admin/profile/totp/disable", Map.of("current", PASSWORD)).statusCode()).isEqualTo(303);
        assertThat(site.site().twoFactor.hasTotp(u.id())).isFalse();
        assertThat(site.site().twoFactor.recoveryCodesLeft(u.id())).isZero();
    }

    @Test
    void theNewPagesPassTheNuHtmlChecker() throws Exception {
        User u = site.site().accounts.add("rita@example.org", "Rita", Role.ADMIN, PASSWORD.toCharArray());
        StaffClient c = StaffClient.signedIn(site, u.email(), PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        c.page("/admin/profile");
        c.postForm("/admin/profile/totp/start", Map.of());
        pages.put("profile with a QR code", c.get("/admin/profile").body());
        pages.put("profile with errors", c.postForm("/admin/profile/password", Map.of("current", "x", "password", "y")).body());
        pages.put("audit", c.get("/admin/audit?actor=rita%40example.org").body());
        pages.put("audit, bad date", c.get("/admin/audit?from=ieri").body());
        pages.put("privacy", c.get("/admin/privacy?email=lettore%40example.org").body());
        String key = c.page("/admin/profile").selectFirst("#totp-secret").text();
        HttpResponse<String> codes = c.postForm("/admin/profile/totp/confirm", Map.of("code", TotpCodes.code(key, 0)));
        pages.put("profile with recovery codes", codes.body());
        StaffClient next = new StaffClient(site);
        next.login(u.email(), PASSWORD);
        pages.put("second factor", next.get("/admin/login/2fa").body());
        pages.put("sign-in", new StaffClient(site).get("/admin/login").body());
        assertThat(it.testata.support.NuChecker.errors(pages)).as("Nu Html Checker errors").isEmpty();
        assertThat(c.cookie(Access.SESSION_COOKIE)).isPresent();
    }

    @Test
    void passkeysAreRenamedAndRemovedByTheirOwnerOnly() {
        User u = site.site().accounts.add("sandro@example.org", "Sandro", Role.AUTHOR, PASSWORD.toCharArray());
        User other = site.site().accounts.add("tina@example.org", "Tina", Role.AUTHOR, PASSWORD.toCharArray());
        StaffClient c = StaffClient.signedIn(site, u.email(), PASSWORD); // before it has a passkey: no second step
        long mine = site.site().db.jdbi().inTransaction(h -> it.testata.twofactor.TwoFactorStore.insertPasskey(h, u.id(),
                "cred-sandro", "Telefono", "unused", 0, java.time.Instant.now()));
        long theirs = site.site().db.jdbi().inTransaction(h -> it.testata.twofactor.TwoFactorStore.insertPasskey(h, other.id(),
                "cred-tina", "Chiave di Tina", "unused", 0, java.time.Instant.now()));
        assertThat(c.page("/admin/profile").select("#passkey-" + mine + " input[name=name]").val()).isEqualTo("Telefono");
        assertThat(c.postForm("/admin/profile/passkeys/" + mine + "/name", Map.of("name", "")).statusCode()).isEqualTo(422);
        assertThat(c.postForm("/admin/profile/passkeys/" + mine + "/name", Map.of("name", "Telefono di lavoro"))
                .headers().firstValue("Location")).hasValue("/admin/profile?done=renamed");
        assertThat(site.site().passkeys.list(u.id())).extracting(k -> k.name()).containsExactly("Telefono di lavoro");
        c.postForm("/admin/profile/passkeys/" + theirs + "/delete", Map.of());
        c.postForm("/admin/profile/passkeys/" + theirs + "/name", Map.of("name", "Presa"));
        assertThat(site.site().passkeys.list(other.id())).extracting(k -> k.name()).containsExactly("Chiave di Tina");
        assertThat(c.postForm("/admin/profile/passkeys/" + mine + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(site.site().passkeys.list(u.id())).isEmpty();
        assertThat(c.postForm("/admin/profile/passkeys/abc/delete", Map.of()).statusCode()).isEqualTo(404);
        // a passkey answer that is not even JSON is a client error, answered in JSON
        StaffClient anon = new StaffClient(site);
        String token = Jsoup.parse(anon.get("/admin/login").body()).selectFirst("input[name=csrf]").val();
        assertThat(anon.post("/admin/login/passkey", Map.of("not", "json"), "X-CSRF-Token", "wrong").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = anon.post("/admin/login/passkey", Map.of("not", "json"), "X-CSRF-Token", token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"message\"");
    }
}
