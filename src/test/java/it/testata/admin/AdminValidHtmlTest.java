package it.testata.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.account.Role;
import it.testata.browser.AdminAccessibilityTest;
import it.testata.support.Content;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every back-office page (the same list the axe-core check walks), and the media library's and the editor's
 * refused forms, pass the Nu Html Checker with no error. The checker comes from npm through
 * scripts/fetch-validators.sh into .cache/validators; without it the test is skipped and says so.
 */
class AdminValidHtmlTest {
    static final Path VNU = Path.of(".cache", "validators", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everyAdminPagePassesTheNuHtmlChecker() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(VNU),
                "Nu Html Checker skipped: no " + VNU + " (run scripts/fetch-validators.sh; it needs npm and the registry)");
        long comment = Content.pendingComment(site, "il-fiume-non-e-un-nemico", "Piero Sarti", "piero@example.org",
                "Un commento in attesa.");
        StaffClient admin = StaffClient.signedIn(site, "ada@example.org", PASSWORD);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("login", site.get("/admin/login").body());
        for (var page : AdminAccessibilityTest.pages(site, comment).entrySet()) {
            HttpResponse<String> r = admin.get(page.getValue());
            assertThat(r.statusCode()).as(page.getKey()).isEqualTo(200);
            bodies.put(page.getKey(), r.body());
        }
        admin.page("/admin/media");
        HttpResponse<String> refused = admin.postFiles("/admin/media", "files", Map.of("finta.png", "testo".getBytes()));
        assertThat(refused.statusCode()).isEqualTo(422);
        bodies.put("media upload refused", refused.body());
        long image = site.site().images.recent(1).getFirst().id();
        admin.page("/admin/media/" + image);
        HttpResponse<String> overlong = admin.postForm("/admin/media/" + image, Map.of("alt", "x".repeat(301), "caption", "", "credit", ""));
        assertThat(overlong.statusCode()).isEqualTo(422);
        bodies.put("image texts refused", overlong.body());

        assertThat(it.testata.support.NuChecker.errors(bodies)).as("Nu Html Checker errors").isEmpty();
    }
}
