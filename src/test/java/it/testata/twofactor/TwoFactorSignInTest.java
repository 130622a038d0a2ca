package it.testata.twofactor;

import it.testata.account.Access;
import it.testata.account.Role;
import it.testata.account.User;
import it.testata.audit.AuditEntry;
import it.testata.audit.AuditStore;
import it.testata.settings.StaffSettings;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import it.testata.support.TotpCodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in over real HTTP: TOTP set up on the profile page with codes computed by the test, the sign-in's
 * second step, recovery codes once each, wrong codes in the throttle, the pending state granting nothing and expiring,
 * the site-wide requirement, and the command-line reset.
 */
class TwoFactorSignInTest {
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

    static User user(String email) {
        return site.site().accounts.add(email, email.substring(0, email.indexOf('@')), Role.EDITOR, PASSWORD.toCharArray());
    }

    /** Sets TOTP up through the profile page; returns the Base32 key the page showed and the recovery codes. */
    static Map.Entry<String, List<String>> enrolOnPage(StaffClient c) {
        c.page("/admin/profile");
        assertThat(c.postForm("/admin/profile/totp/start", Map.of()).statusCode()).isEqualTo(303);
        Document page = c.page("/admin/profile");
        String key = page.selectFirst("#totp-secret").text();
        // the QR code is inline SVG: no script, no style attribute
        assertThat(page.select("svg.qr path").attr("d")).startsWith("M");
        assertThat(page.select("svg.qr [style], svg.qr script")).isEmpty();
        assertThat(c.postForm("/admin/profile/totp/confirm", Map.of("code", "000000".equals(TotpCodes.code(key, 0)) ? "111111" : "000000"))
                .statusCode()).isEqualTo(422);
        HttpResponse<String> ok = c.postForm("/admin/profile/totp/confirm", Map.of("code", TotpCodes.code(key, 0)));
        assertThat(ok.statusCode()).isEqualTo(200);
        List<String> codes = Jsoup.parse(ok.body()).select("#recovery-codes li code").eachText();
        return Map.entry(key, codes);
    }

    /** A fresh browser that typed the right password: it holds only the pending second step. */
    static StaffClient passwordOnly(String email) {
        StaffClient c = new StaffClient(site);
        HttpResponse<String> r = c.login(email, PASSWORD);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/login/2fa");
        assertThat(c.cookie(Access.SESSION_COOKIE)).isEmpty();
        return c;
    }

    static HttpResponse<String> second(StaffClient c, String code) {
        Document form = Jsoup.parse(c.get("/admin/login/2fa").body());
        String token = form.selectFirst("form[action=/admin/login/2fa] input[name=csrf]").val();
        return c.post("/admin/login/2fa", Map.of("csrf", token, "code", code));
    }

    @Test
    void totpSetUpOnTheProfileThenCodesAndRecoveryCodesEachWorkOnce() {
        User u = user("ada@example.org");
        var enrolled = enrolOnPage(StaffClient.signedIn(site, u.email(), PASSWORD));
        String key = enrolled.getKey();
        List<String> recovery = enrolled.getValue();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        // the key is stored sealed (AES-GCM), not as typed into the app
        String sealed = site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT sealed FROM totp_secrets WHERE user_id = :u")
                .bind("u", u.id()).mapTo(String.class).one());
        assertThat(sealed).startsWith("v1:").doesNotContain(key);

        // the password alone opens nothing
        StaffClient c = passwordOnly(u.email());
        assertThat(c.get("/admin/").statusCode()).isEqualTo(303);
        assertThat(c.get("/admin/").headers().firstValue("Location").orElse("")).startsWith("/admin/login?next=");
        HttpResponse<String> in = second(c, TotpCodes.code(key, 1));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/admin/");
        assertThat(c.get("/admin/").statusCode()).isEqualTo(200);

        // the same code again is refused
        StaffClient replay = passwordOnly(u.email());
        assertThat(second(replay, TotpCodes.code(key, 1)).statusCode()).isEqualTo(401);
        assertThat(replay.cookie(Access.SESSION_COOKIE)).isEmpty();

        // a recovery code works once
        StaffClient lost = passwordOnly(u.email());
        assertThat(second(lost, recovery.get(3).toUpperCase()).statusCode()).isEqualTo(303);
        assertThat(lost.get("/admin/").statusCode()).isEqualTo(200);
        StaffClient again = passwordOnly(u.email());
        assertThat(second(again, recovery.get(3)).statusCode()).isEqualTo(401);
        assertThat(site.site().twoFactor.recoveryCodesLeft(u.id())).isEqualTo(9);

        List<AuditEntry> log = site.site().audit.store().find(new AuditStore.Filter(u.email(), "login", null, null), 0, 50).entries();
        assertThat(log).extracting(e -> e.action() + " " + e.detail())
                .contains("login.ok totp", "login.ok recovery", "login.failed second factor", "login.password_ok second factor asked");
        assertThat(log).allMatch(e -> e.ipNet().equals("127.0.0.0/24"));
    }

    @Test
    void wrongCodesCountInTheSignInThrottle() {
        User u = user("bruno@example.org");
        var enrolled = enrolOnPage(StaffClient.signedIn(site, u.email(), PASSWORD));
        StaffClient c = passwordOnly(u.email());
        String right = TotpCodes.code(enrolled.getKey(), 1);
        String wrong = right.equals("123456") ? "654321" : "123456";
        for (int i = 1; i < 5; i++) assertThat(second(c, wrong).statusCode()).as("wrong code " + i).isEqualTo(401);
        HttpResponse<String> fifth = second(c, wrong);
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        // locked: even the right code is refused now, and so is the password
        assertThat(second(c, right).statusCode()).isEqualTo(429);
        assertThat(c.cookie(Access.SESSION_COOKIE)).isEmpty();
        assertThat(new StaffClient(site).login(u.email(), PASSWORD).statusCode()).isEqualTo(429);
    }

    @Test
    void thePendingStepGrantsNoStaffAccessAndExpires() {
        User u = user("carla@example.org");
        var enrolled = enrolOnPage(StaffClient.signedIn(site, u.email(), PASSWORD));
        StaffClient c = passwordOnly(u.email());
        String pending = c.cookie(SecondFactorHandlers.PENDING_COOKIE).orElseThrow();
        // the pending cookie presented as a session, or beside a POST, is worth nothing
        HttpResponse<String> asSession = c.get("/admin/profile", "Cookie", Access.SESSION_COOKIE + "=" + pending);
        assertThat(asSession.statusCode()).isEqualTo(303);
        assertThat(c.postForm("/admin/profile/name", Map.of("name", "Intrusa")).statusCode()).isEqualTo(403);
        assertThat(site.site().accounts.user(u.id()).orElseThrow().name()).isEqualTo("carla");

        site.site().db.jdbi().useHandle(h -> h.createUpdate("UPDATE pending_logins SET expires_at = 1").execute());
        assertThat(c.get("/admin/login/2fa").headers().firstValue("Location")).hasValue("/admin/login?expired=1");
        HttpResponse<String> late = c.post("/admin/login/2fa", Map.of("csrf", "x", "code", TotpCodes.code(enrolled.getKey(), 1)));
        assertThat(late.statusCode()).isEqualTo(303);
        assertThat(late.headers().firstValue("Location")).hasValue("/admin/login?expired=1");
        assertThat(c.cookie(Access.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void whenTheSiteRequires2faAnAccountWithoutItMustEnrolFirst() {
        User u = user("dario@example.org");
        site.site().settings.update(Map.of(StaffSettings.REQUIRE_2FA, "on"));
        try {
            StaffClient c = new StaffClient(site);
            assertThat(c.login(u.email(), PASSWORD).statusCode()).isEqualTo(303);
            HttpResponse<String> home = c.get("/admin/");
            assertThat(home.statusCode()).isEqualTo(303);
            assertThat(home.headers().firstValue("Location")).hasValue("/admin/profile");
            Document profile = c.page("/admin/profile");
            assertThat(profile.select("[role=alert]").text()).contains("secondo fattore");
            assertThat(c.postForm("/admin/comments", Map.of("action", "approve", "id", "1")).statusCode()).isEqualTo(403);
            assertThat(c.get("/admin/comments").headers().firstValue("Location")).hasValue("/admin/profile");
            enrolOnPage(c);
            assertThat(c.get("/admin/").statusCode()).isEqualTo(200);
        } finally {
            site.site().settings.update(Map.of(StaffSettings.REQUIRE_2FA, "off"));
        }
    }

    @Test
    void theCommandLineResetsAnAccountsSecondFactors() {
        User u = user("elena@example.org");
        StaffClient c = StaffClient.signedIn(site, u.email(), PASSWORD);
        enrolOnPage(c);
        assertThat(site.site().twoFactor.enrolled(u.id())).isTrue();
        TestSite.Cli r = site.cli("user", "reset-2fa", "--email", "Elena@Example.org");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("elena@example.org");
        assertThat(site.site().twoFactor.enrolled(u.id())).isFalse();
        assertThat(site.site().twoFactor.recoveryCodesLeft(u.id())).isZero();
        assertThat(c.get("/admin/").statusCode()).as("its sessions ended").isEqualTo(303);
        assertThat(new StaffClient(site).login(u.email(), PASSWORD).headers().firstValue("Location")).hasValue("/admin/");
        assertThat(site.site().audit.store().find(new AuditStore.Filter("cli", "2fa.reset", null, null), 0, 5).entries())
                .extracting(AuditEntry::target).contains("elena@example.org");
        TestSite.Cli unknown = site.cli("user", "reset-2fa", "--email", "nobody@example.org");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no user");
    }
}
