package it.testata.admin;

import it.testata.account.Role;
import it.testata.account.User;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts page: list, add (typed or generated password), change role, disable and enable. */
class UsersPageTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
        site.site().accounts.add("ettore@example.org", "Ettore Sala", Role.EDITOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static User user(String email) {
        return site.site().accounts.user(email).orElseThrow();
    }

    @Test
    void anAdministratorAddsAUserWithAGeneratedPasswordShownOnceThatSignsIn() {
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        Document list = ada.page("/admin/users");
        assertThat(list.select("table.users tbody tr").eachText()).anySatisfy(t -> assertThat(t).contains("Ada Rossi", "ada@example.org"));

        HttpResponse<String> r = ada.postForm("/admin/users", Map.of("email", "Nina@Example.org", "name", "Nina Greco",
                "role", "moderator", "password", ""));
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        String generated = d.select("#generated-password").text();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(12);
        assertThat(d.select(".notice").text()).contains("Nina Greco", "nina@example.org");
        assertThat(user("nina@example.org").role()).isEqualTo(Role.MODERATOR);
        assertThat(ada.page("/admin/users").select("#generated-password")).isEmpty(); // shown once
        StaffClient nina = StaffClient.signedIn(site, "nina@example.org", generated);
        assertThat(nina.get("/admin/comments").statusCode()).isEqualTo(200);

        HttpResponse<String> typed = ada.postForm("/admin/users", Map.of("email", "piero@example.org", "name", "Piero Villa",
                "role", "author", "password", "una password lunga"));
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(typed.body()).select("#generated-password")).isEmpty();
        StaffClient.signedIn(site, "piero@example.org", "una password lunga");
    }

    @Test
    void aBadNewUserIsRefusedWith422AndTheValuesKept() {
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        HttpResponse<String> r = ada.postForm("/admin/users", Map.of("email", "ada@example.org", "name", "  ",
                "role", "capo", "password", "corta"));
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#new-email").val()).isEqualTo("ada@example.org");
        assertThat(d.select("#new-email-error").text()).isEqualTo("C'è già un utente con questa email.");
        assertThat(d.select("#new-name-error").text()).startsWith("Scrivi un nome");
        assertThat(d.select("#new-role-error").text()).isEqualTo("Scegli un ruolo.");
        assertThat(d.select("#new-password-error").text()).isEqualTo("La password deve avere almeno 8 caratteri.");
        HttpResponse<String> bad = ada.postForm("/admin/users", Map.of("email", "non-una-email", "name", "Qualcuno", "role", "author"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.body()).select("#new-name").val()).isEqualTo("Qualcuno");
        assertThat(site.site().accounts.users()).noneMatch(u -> u.name().equals("Qualcuno"));
    }

    @Test
    void changingARoleAndDisablingEndsTheSessionsAndRefusesSignInUntilEnabled() {
        site.site().accounts.add("gino@example.org", "Gino Bassi", Role.AUTHOR, PASSWORD.toCharArray());
        long gino = user("gino@example.org").id();
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        StaffClient ginoBrowser = StaffClient.signedIn(site, "gino@example.org", PASSWORD);
        assertThat(ginoBrowser.get("/admin/comments").statusCode()).isEqualTo(403);

        HttpResponse<String> role = ada.postForm("/admin/users/" + gino + "/role", Map.of("role", "moderator"));
        assertThat(role.statusCode()).isEqualTo(303);
        assertThat(role.headers().firstValue("Location")).hasValue("/admin/users?done=role");
        assertThat(user("gino@example.org").role()).isEqualTo(Role.MODERATOR);
        assertThat(ginoBrowser.get("/admin/comments").statusCode()).isEqualTo(200);

        HttpResponse<String> off = ada.postForm("/admin/users/" + gino + "/disabled", Map.of("disabled", "true"));
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(user("gino@example.org").disabled()).isTrue();
        assertThat(ada.page("/admin/users?done=disabled").select("#user-" + gino).text()).contains("disattivato");
        HttpResponse<String> stale = ginoBrowser.get("/admin/comments");
        assertThat(stale.statusCode()).isEqualTo(303);
        assertThat(stale.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login");
        assertThat(new StaffClient(site).login("gino@example.org", PASSWORD).statusCode()).isEqualTo(401);

        assertThat(ada.postForm("/admin/users/" + gino + "/disabled", Map.of("disabled", "false")).statusCode()).isEqualTo(303);
        assertThat(user("gino@example.org").disabled()).isFalse();
        StaffClient.signedIn(site, "gino@example.org", PASSWORD);
    }

    @Test
    void anAdministratorCannotDemoteOrDisableThemselvesAndOthersCannotReachThePage() {
        StaffClient ada = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        long me = user("ada@example.org").id();
        HttpResponse<String> demote = ada.postForm("/admin/users/" + me + "/role", Map.of("role", "editor"));
        assertThat(demote.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(demote.body()).select("[role=alert]").text()).contains("Non puoi");
        assertThat(ada.postForm("/admin/users/" + me + "/disabled", Map.of("disabled", "true")).statusCode()).isEqualTo(422);
        assertThat(user("ada@example.org").role()).isEqualTo(Role.ADMIN);
        assertThat(user("ada@example.org").disabled()).isFalse();
        assertThat(ada.postForm("/admin/users/424242/role", Map.of("role", "editor")).statusCode()).isEqualTo(404);

        StaffClient editor = StaffClient.signedIn(site, "ettore@example.org", PASSWORD);
        assertThat(editor.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(editor.postForm("/admin/users", Map.of("email", "x@example.org", "name", "X", "role", "admin")).statusCode()).isEqualTo(403);
        assertThat(editor.postForm("/admin/users/" + me + "/disabled", Map.of("disabled", "true")).statusCode()).isEqualTo(403);
        assertThat(user("ada@example.org").disabled()).isFalse();
        assertThat(ada.post("/admin/users", Map.of("email", "y@example.org", "name", "Y", "role", "admin")).statusCode()).isEqualTo(403);
        assertThat(site.site().accounts.user("y@example.org")).isEmpty();
    }
}
