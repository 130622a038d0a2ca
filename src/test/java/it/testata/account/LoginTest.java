package it.testata.account;

import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out of /admin: the form, the session cookie, sessions kept in the database. */
class LoginTest {
    static final String PASSWORD = "correct horse battery";

    TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("Marta.Ferri@example.org", "Marta Ferri", Role.EDITOR, PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void theFormHasLabelledEmailAndPasswordFieldsAndIsNeverCached() {
        StaffClient c = new StaffClient(site);
        HttpResponse<String> r = c.get("/admin/login");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("form[method=post][action=/admin/login] input[name=email][type=email]#email")).hasSize(1);
        assertThat(d.select("form input[name=password][type=password]#password")).hasSize(1);
        assertThat(d.select("label[for=email]").text()).isEqualTo("Email");
        assertThat(d.select("label[for=password]").text()).isEqualTo("Password");
        assertThat(d.select("input[type=hidden][name=csrf]").val()).hasSizeGreaterThan(20);
        assertThat(d.select("meta[name=robots]").attr("content")).contains("noindex");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheDashboard() {
        StaffClient c = new StaffClient(site);
        assertThat(c.get("/admin/").statusCode()).isEqualTo(303);

        HttpResponse<String> wrong = c.login("marta.ferri@example.org", "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        Document d = Jsoup.parse(wrong.body());
        assertThat(d.select("[role=alert]").text()).isEqualTo("Email o password errate.");
        assertThat(d.select("input[name=email]").val()).isEqualTo("marta.ferri@example.org"); // kept
        assertThat(d.select("input[name=password]").val()).isEmpty(); // never sent back
        assertThat(c.cookie(Access.SESSION_COOKIE)).isEmpty();

        HttpResponse<String> ok = c.login("  MARTA.FERRI@example.org ", PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/admin/");
        String setCookie = ok.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith(Access.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Path=/admin").doesNotContainIgnoringCase("Secure");

        HttpResponse<String> dash = c.get("/admin/");
        assertThat(dash.statusCode()).isEqualTo(200);
        assertThat(dash.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        Document page = Jsoup.parse(dash.body());
        assertThat(page.select("h1").text()).isEqualTo("Bacheca");
        assertThat(page.select(".admin-user").text()).contains("Marta Ferri");
        assertThat(page.select("nav a[aria-current=page]").attr("href")).isEqualTo("/admin/");
        // a signed-in person on the sign-in page goes on to the dashboard
        assertThat(c.get("/admin/login").statusCode()).isEqualTo(303);
    }

    @Test
    void signingInWithoutASessionRedirectsBackToWhereTheReaderWasGoing() {
        StaffClient c = new StaffClient(site);
        HttpResponse<String> r = c.get("/admin/?tab=2");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/login?next=%2Fadmin%2F%3Ftab%3D2");
        assertThat(c.get("/admin").headers().firstValue("Location")).hasValue("/admin/login?next=%2Fadmin");

        HttpResponse<String> form = c.get("/admin/login?next=%2Fadmin%2F%3Ftab%3D2");
        Document d = Jsoup.parse(form.body());
        assertThat(d.select("input[name=next]").val()).isEqualTo("/admin/?tab=2");
        HttpResponse<String> ok = c.post("/admin/login", Map.of("csrf", d.select("input[name=csrf]").val(),
                "email", "marta.ferri@example.org", "password", PASSWORD, "next", "/admin/?tab=2"));
        assertThat(ok.headers().firstValue("Location")).hasValue("/admin/?tab=2");

        assertThat(LoginHandlers.next("//evil.example/admin/")).isEqualTo("/admin/");
        assertThat(LoginHandlers.next("https://evil.example/")).isEqualTo("/admin/");
        assertThat(LoginHandlers.next("/admin/\\evil")).isEqualTo("/admin/");
        assertThat(LoginHandlers.next("/admin//evil.example")).isEqualTo("/admin/");
    }

    @Test
    void theCookieIsSecureWhenATrustedProxySaysTheSiteIsServedOverHttps() {
        // the client speaks plain HTTP to the test server, so it would not send back a Secure cookie by itself
        site.trustLoopbackProxy();
        StaffClient c = new StaffClient(site);
        HttpResponse<String> form = c.get("/admin/login", "X-Forwarded-Proto", "https");
        String formCookie = form.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith(LoginHandlers.LOGIN_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(formCookie).containsIgnoringCase("Secure");
        String token = Jsoup.parse(form.body()).select("input[name=csrf]").val();
        HttpResponse<String> ok = c.post("/admin/login", Map.of("csrf", token, "email", "marta.ferri@example.org",
                "password", PASSWORD), "X-Forwarded-Proto", "https", "Cookie", LoginHandlers.LOGIN_COOKIE + "=" + token);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith(Access.SESSION_COOKIE + "=")).findFirst().orElseThrow())
                .containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void logoutEndsTheSessionInTheDatabase() {
        StaffClient c = StaffClient.signedIn(site, "marta.ferri@example.org", PASSWORD);
        String session = c.cookie(Access.SESSION_COOKIE).orElseThrow();
        HttpResponse<String> out = c.postForm("/admin/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/admin/login?out=1");
        assertThat(c.get("/admin/").statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(c.get("/admin/login?out=1").body()).select("[role=status]").text())
                .isEqualTo("Sei uscito dalla redazione.");
        // the old cookie value, replayed, is worth nothing: the session is gone from the database
        assertThat(site.site().accounts.session(session)).isEmpty();
    }

    @Test
    void aSessionSurvivesARestartAndWorksOnAnotherServerOfTheSameDatabase() {
        StaffClient c = StaffClient.signedIn(site, "marta.ferri@example.org", PASSWORD);
        String session = c.cookie(Access.SESSION_COOKIE).orElseThrow();
        site.stop();
        site.start(false);
        assertThat(c.get("/admin/").statusCode()).isEqualTo(200); // same cookie, new process

        try (TestSite other = TestSite.sharing(site).start(false)) {
            HttpResponse<String> r = new StaffClient(other).get("/admin/", "Cookie", Access.SESSION_COOKIE + "=" + session);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Marta Ferri");
        }
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionsEnd() {
        StaffClient c = StaffClient.signedIn(site, "marta.ferri@example.org", PASSWORD);
        long id = site.site().accounts.user("marta.ferri@example.org").orElseThrow().id();
        site.site().accounts.setDisabled(id, true);
        assertThat(c.get("/admin/").statusCode()).isEqualTo(303);
        assertThat(new StaffClient(site).login("marta.ferri@example.org", PASSWORD).statusCode()).isEqualTo(401);
        site.site().accounts.setDisabled(id, false);
        assertThat(new StaffClient(site).login("marta.ferri@example.org", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void passwordsAreStoredAsArgon2idHashes() {
        String stored = site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM users")
                .mapTo(String.class).one());
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(PASSWORD);
        assertThat(Passwords.verify(PASSWORD.toCharArray(), stored)).isTrue();
        assertThat(Passwords.verify("correct horse batterY".toCharArray(), stored)).isFalse();
        assertThat(Passwords.verify(PASSWORD.toCharArray(), "$argon2id$v=19$m=x$y$z")).isFalse();
        assertThat(Passwords.hash(PASSWORD.toCharArray())).isNotEqualTo(stored); // a fresh salt each time
    }
}
