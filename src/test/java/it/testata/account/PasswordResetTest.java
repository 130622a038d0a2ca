package it.testata.account;

import it.testata.support.MailServer;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** "Password dimenticata?": the same answer for any address, a single-use link by e-mail, sessions ended. */
class PasswordResetTest {
    static TestSite site;
    static MailServer smtp;

    @BeforeAll
    static void start() {
        smtp = MailServer.started();
        site = TestSite.startEmpty();
        smtp.configure(site.site(), 0);
        site.site().accounts.add("rosa@example.org", "Rosa Blu", Role.EDITOR, "old password 1".toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    /** Opens the request form (its cookie and token) and sends this address. */
    private static HttpResponse<String> ask(StaffClient c, String email) {
        Document form = c.page("/admin/password-reset");
        return c.post("/admin/password-reset", Map.of("csrf", form.selectFirst("input[name=csrf]").val(), "email", email));
    }

    @Test
    void theLinkWorksOnceSignsOutEverywhereAndTheAnswerNeverTellsWhetherTheAccountExists() throws Exception {
        assertThat(Jsoup.parse(site.get("/admin/login").body()).select("a[href=/admin/password-reset]")).hasSize(1);
        StaffClient before = StaffClient.signedIn(site, "rosa@example.org", "old password 1");

        HttpResponse<String> unknown = ask(new StaffClient(site), "nessuno@example.org");
        HttpResponse<String> known = ask(new StaffClient(site), "Rosa@Example.org");
        assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(known.body()).selectFirst("#reset-sent").text())
                .isEqualTo(Jsoup.parse(unknown.body()).selectFirst("#reset-sent").text());

        MimeMessage m = smtp.await(1, Duration.ofSeconds(20)).getFirst();
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("rosa@example.org");
        String link = MailServer.link(m, site.url("/admin/password-reset/new?t="));
        String token = link.substring(link.indexOf("t=") + 2);
        // only the hash is stored
        int plain = site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM password_resets WHERE token_hash = :t")
                .bind("t", token).mapTo(Integer.class).one());
        assertThat(plain).isZero();

        StaffClient c = new StaffClient(site);
        URI u = URI.create(link);
        Document choose = c.page(u.getRawPath() + "?" + u.getRawQuery());
        String csrf = choose.selectFirst("input[name=csrf]").val();
        HttpResponse<String> different = c.post("/admin/password-reset/new",
                Map.of("csrf", csrf, "t", token, "password", "new password 2", "password2", "other password"));
        assertThat(different.statusCode()).isEqualTo(422);
        csrf = Jsoup.parse(different.body()).selectFirst("input[name=csrf]").val();
        HttpResponse<String> done = c.post("/admin/password-reset/new",
                Map.of("csrf", csrf, "t", token, "password", "new password 2", "password2", "new password 2"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.body()).select("#reset-done")).hasSize(1);

        assertThat(before.get("/admin/").statusCode()).as("the old session ended").isEqualTo(303);
        assertThat(new StaffClient(site).login("rosa@example.org", "old password 1").statusCode()).isEqualTo(401);
        assertThat(new StaffClient(site).login("rosa@example.org", "new password 2").statusCode()).isEqualTo(303);
        assertThat(site.get(u.getRawPath() + "?" + u.getRawQuery()).statusCode()).as("used once").isEqualTo(404);
    }

    @Test
    void requestsAreThrottledPerAddressAndAForgedLinkIsRefused() throws Exception {
        site.site().accounts.add("tino@example.org", "Tino Viola", Role.AUTHOR, "tino password".toCharArray());
        int before = smtp.to("tino@example.org").size();
        for (int i = 0; i < 5; i++) assertThat(ask(new StaffClient(site), "tino@example.org").statusCode()).isEqualTo(200);
        Thread.sleep(2500);
        assertThat(smtp.to("tino@example.org").size() - before).isEqualTo(PasswordResetService.PER_ADDRESS);
        assertThat(site.get("/admin/password-reset/new?t=forged").statusCode()).isEqualTo(404);
        StaffClient c = new StaffClient(site);
        c.page("/admin/password-reset");
        assertThat(c.post("/admin/password-reset", Map.of("csrf", "wrong", "email", "tino@example.org")).statusCode()).isEqualTo(403);
    }
}
