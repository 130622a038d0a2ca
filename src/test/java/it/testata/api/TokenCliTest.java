package it.testata.api;

import it.testata.account.Role;
import it.testata.support.ApiClient;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ./testata token create|list|revoke as separate processes on a serving site's data. */
class TokenCliTest {
    TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ed@example.org", "Elena Dini", Role.EDITOR, "correct horse battery".toCharArray());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void createPrintsATokenOnceStoredOnlyAsItsHashAndRevokeEndsIt() {
        TestSite.Cli created = site.cli("token", "create", "--email", "ed@example.org", "--name", "script");
        assertThat(created.exit()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).startsWith("tst_").hasSizeGreaterThan(40);
        assertThat(new ApiClient(site, token).get("/api/v1/articles").status()).isEqualTo(200);
        String stored = site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens")
                .mapTo(String.class).one());
        assertThat(stored).hasSize(64).doesNotContain(token.substring(4));

        TestSite.Cli listed = site.cli("token", "list");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("ed@example.org\tscript").doesNotContain(token);

        TestSite.Cli revoked = site.cli("token", "revoke", token);
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("revoked 1 token");
        assertThat(new ApiClient(site, token).get("/api/v1/articles").status()).isEqualTo(401);
        assertThat(site.cli("token", "revoke", token).exit()).isEqualTo(2);
    }

    @Test
    void revokeByIdOrByUserAndLabel() {
        String a = site.cli("token", "create", "--email", "ed@example.org", "--name", "uno").out().strip();
        String b = site.cli("token", "create", "--email", "ed@example.org", "--name", "due").out().strip();
        String c = site.cli("token", "create", "--email", "ed@example.org").out().strip();
        assertThat(site.cli("token", "revoke", "--email", "ed@example.org", "--name", "uno").exit()).isZero();
        assertThat(new ApiClient(site, a).get("/api/v1/tags").status()).isEqualTo(401);
        assertThat(new ApiClient(site, b).get("/api/v1/tags").status()).isEqualTo(200);
        long idOfB = site.site().accounts.tokenId(b).orElseThrow();
        assertThat(site.cli("token", "revoke", "--id", String.valueOf(idOfB)).exit()).isZero();
        assertThat(new ApiClient(site, b).get("/api/v1/tags").status()).isEqualTo(401);
        assertThat(site.cli("token", "revoke", "--email", "ed@example.org").out()).contains("revoked 1 token");
        assertThat(new ApiClient(site, c).get("/api/v1/tags").status()).isEqualTo(401);
    }

    @Test
    void badUsesExitWith2() {
        TestSite.Cli nobody = site.cli("token", "create", "--email", "nobody@example.org");
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.err()).contains("no user");
        assertThat(site.cli("token", "revoke").exit()).isEqualTo(2);
        assertThat(site.cli("token", "revoke", "--name", "x").exit()).isEqualTo(2);
        assertThat(site.cli("token", "revoke", "--id", "424242").exit()).isEqualTo(2);
        assertThat(site.cli("token", "create").exit()).isEqualTo(2); // --email is required
    }
}
