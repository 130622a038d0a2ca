package it.testata.account;

import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every admin form carries a token tied to the session; a POST without it, or with another, is refused with 403. */
class CsrfTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
        site.site().accounts.add("bruno@example.org", "Bruno Neri", Role.MODERATOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everyFormOnAnAdminPageCarriesTheSessionsToken() {
        StaffClient c = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        var forms = c.page("/admin/").select("form[method=post]");
        assertThat(forms).isNotEmpty();
        forms.forEach(f -> assertThat(f.select("input[type=hidden][name=csrf]").val()).isEqualTo(c.csrf));
    }

    @Test
    void aPostWithoutTheTokenOrWithAnotherSessionsTokenIsRefusedAndDoesNothing() {
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        StaffClient bruno = StaffClient.signedIn(site, "bruno@example.org", PASSWORD);
        assertThat(ada.csrf).isNotEqualTo(bruno.csrf);

        HttpResponse<String> none = ada.post("/admin/logout", Map.of());
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(none.body()).select("main p").text()).contains("Il modulo era scaduto");
        assertThat(ada.post("/admin/logout", Map.of("csrf", "")).statusCode()).isEqualTo(403);
        assertThat(ada.post("/admin/logout", Map.of("csrf", bruno.csrf)).statusCode()).isEqualTo(403);
        assertThat(ada.post("/admin/logout", Map.of(), "X-CSRF-Token", "forged").statusCode()).isEqualTo(403);
        assertThat(ada.get("/admin/").statusCode()).isEqualTo(200); // still signed in: nothing happened

        assertThat(ada.post("/admin/logout", Map.of(), "X-CSRF-Token", ada.csrf).statusCode()).isEqualTo(303);
        assertThat(ada.get("/admin/").statusCode()).isEqualTo(303);
    }

    @Test
    void aPostWithoutASessionIsRefused() {
        assertThat(new StaffClient(site).post("/admin/logout", Map.of("csrf", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    void theSignInFormIsRefusedWithoutItsOwnToken() {
        StaffClient c = new StaffClient(site);
        c.get("/admin/login"); // the browser holds the form cookie
        HttpResponse<String> r = c.post("/admin/login", Map.of("email", "ada@example.org", "password", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(r.body()).select("input[name=email]").val()).isEqualTo("ada@example.org");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(v -> v.startsWith(Access.SESSION_COOKIE + "="));
        // a token without the cookie it belongs to (a form posted from another site) is refused as well
        StaffClient other = new StaffClient(site);
        String token = Jsoup.parse(c.get("/admin/login").body()).select("input[name=csrf]").val();
        assertThat(other.post("/admin/login", Map.of("csrf", token, "email", "ada@example.org", "password", PASSWORD))
                .statusCode()).isEqualTo(403);
    }
}
