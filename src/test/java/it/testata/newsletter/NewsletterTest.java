package it.testata.newsletter;

import it.testata.article.Article;
import it.testata.article.ArticleDraft;
import it.testata.article.Status;
import it.testata.comment.CommentForm;
import it.testata.mail.OutboxMessage;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsletter end to end over HTTP and a real SMTP server: opt-in, sending once per article, unsubscribing. */
class NewsletterTest {
    static TestSite site;
    static MailServer smtp;

    @BeforeAll
    static void start() {
        smtp = MailServer.started();
        site = TestSite.startEmpty();
        smtp.configure(site.site(), 0);
        site.site().settings.update(Map.of("base_url", site.url("")));
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    private HttpResponse<String> subscribe(String email, String name) {
        return new StaffClient(site).post("/newsletter/", Map.of("email", email, "name", name, CommentForm.HONEYPOT, ""),
                "Origin", site.url(""));
    }

    private static String path(String link) {
        URI u = URI.create(link);
        return u.getRawPath() + "?" + u.getRawQuery();
    }

    private Subscriber subscriber(String email) {
        return site.site().newsletter.store().search(email, null, 5).stream().filter(s -> s.email().equals(email))
                .findFirst().orElseThrow();
    }

    private Article publish(String slug, Boolean choice) {
        return NewsletterService.withChoice(choice, () -> site.site().articles.create(new ArticleDraft(slug, "Titolo " + slug,
                "Il sommario di " + slug, "Il testo.", Status.PUBLISHED, Instant.now().minusSeconds(5), "Redazione", null,
                List.of()), null));
    }

    private void confirmByMail(String email) {
        MimeMessage m = awaitTo(email, 1).getFirst();
        String link = MailServer.link(m, site.url("/newsletter/confirm?t="));
        Document page = Jsoup.parse(site.get(path(link)).body());
        assertThat(page.select("#n-confirm")).hasSize(1);
        String token = page.selectFirst("input[name=t]").val();
        HttpResponse<String> done = new StaffClient(site).post("/newsletter/confirm", Map.of("t", token), "Origin", site.url(""));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.body()).select("#newsletter-confirmed")).hasSize(1);
    }

    private List<MimeMessage> awaitTo(String email, int n) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (smtp.to(email).size() < n) {
            if (System.nanoTime() > end) throw new AssertionError(email + " got " + smtp.to(email).size() + " messages, expected " + n);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return smtp.to(email);
    }

    @Test
    void doubleOptInThenOneCopyPerArticleEverAndUnsubscribeLinksWork() throws Exception {
        assertThat(subscribe("Anna@Example.test", "Anna").statusCode()).isEqualTo(303);
        assertThat(subscriber("anna@example.test").status()).isEqualTo("pending");
        MimeMessage confirmation = awaitTo("anna@example.test", 1).getFirst();
        assertThat(confirmation.getHeader("List-Unsubscribe")).isNull();
        confirmByMail("anna@example.test");
        Subscriber anna = subscriber("anna@example.test");
        assertThat(anna.status()).isEqualTo("confirmed");
        assertThat(anna.consentNet()).isNotEmpty();
        assertThat(anna.confirmedAt()).isNotNull();
        assertThat(anna.confirmedNet()).isNotEmpty();
        // asking again once confirmed sends nothing and says the same
        assertThat(subscribe("anna@example.test", "").statusCode()).isEqualTo(303);

        Article a = publish("prima-uscita", true);
        MimeMessage copy = awaitTo("anna@example.test", 2).get(1);
        assertThat(copy.getSubject()).isEqualTo("Titolo prima-uscita");
        assertThat(MailServer.text(copy)).contains("Il sommario di prima-uscita", site.url(a.path(site.site().settings.current().zone())));
        String unsub = copy.getHeader("List-Unsubscribe")[0];
        assertThat(copy.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(unsub).isEqualTo("<" + MailServer.link(copy, site.url("/newsletter/unsubscribe?t=")) + ">");

        // unpublished and published again: no second issue
        site.site().articles.update(a.id(), draft(a, Status.DRAFT), null);
        NewsletterService.withChoice(true, () -> site.site().articles.update(a.id(), draft(a, Status.PUBLISHED), null));
        Thread.sleep(1500);
        assertThat(smtp.to("anna@example.test")).hasSize(2);
        assertThat(site.site().newsletter.store().issues(100)).filteredOn(i -> Long.valueOf(a.id()).equals(i.articleId())).hasSize(1);

        // the unsubscribe link: GET shows a button and changes nothing; POST unsubscribes
        String link = unsub.substring(1, unsub.length() - 1);
        Document page = Jsoup.parse(site.get(path(link)).body());
        assertThat(page.select("#n-unsubscribe")).hasSize(1);
        assertThat(subscriber("anna@example.test").status()).isEqualTo("confirmed");
        HttpResponse<String> done = new StaffClient(site).post("/newsletter/unsubscribe",
                Map.of("t", page.selectFirst("input[name=t]").val()), "Origin", site.url(""));
        assertThat(Jsoup.parse(done.body()).select("#newsletter-unsubscribed")).hasSize(1);
        assertThat(subscriber("anna@example.test").status()).isEqualTo("unsubscribed");
        publish("seconda-uscita", true);
        Thread.sleep(1500);
        assertThat(smtp.to("anna@example.test")).hasSize(2);
    }

    @Test
    void oneClickUnsubscribeIsAPlainPostToTheHeadersAddress() throws Exception {
        site.site().newsletter.importLines(List.of("bruno@example.test,Bruno"), true, "198.51.100.0");
        publish("per-bruno", true);
        MimeMessage copy = awaitTo("bruno@example.test", 1).getFirst();
        String h = copy.getHeader("List-Unsubscribe")[0];
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(h.substring(1, h.length() - 1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(subscriber("bruno@example.test").status()).isEqualTo("unsubscribed");
        assertThat(site.get("/newsletter/unsubscribe?t=forged").statusCode()).isEqualTo(404);
    }

    @Test
    void anArticleNotChosenIsNeverSentLaterAndImportWithoutConsentAsksFirst() throws Exception {
        NewsletterService.Imported r = site.site().newsletter.importLines(
                List.of("email,name", "carla@example.test,\"Carla, detta Carlotta\"", "not an address", "dario@example.test"),
                false, "198.51.100.0");
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.refused()).containsExactly("not an address");
        assertThat(subscriber("carla@example.test").status()).isEqualTo("pending");
        assertThat(subscriber("carla@example.test").name()).isEqualTo("Carla, detta Carlotta");
        assertThat(subscriber("carla@example.test").consentSource()).isEqualTo("import");
        awaitTo("carla@example.test", 1);
        confirmByMail("carla@example.test");
        Article quiet = publish("non-inviato", false);
        NewsletterService.withChoice(true, () -> site.site().articles.update(quiet.id(), draft(quiet, Status.PUBLISHED), null));
        Thread.sleep(1500);
        assertThat(smtp.to("carla@example.test")).hasSize(1);
        assertThat(smtp.to("dario@example.test")).hasSize(1); // only the confirmation, never confirmed
    }

    @Test
    void threePermanentFailuresInARowMarkTheAddressBouncingAndItIsSkipped() {
        site.site().newsletter.importLines(List.of("eva@example.test"), true, "198.51.100.0");
        long id = subscriber("eva@example.test").id();
        for (int i = 0; i < 3; i++) {
            OutboxMessage fake = new OutboxMessage(0, "newsletter", "eva@example.test", null, "x", "x", "x", "<x@y>", null,
                    false, "queued", 0, Instant.now(), null, null, id, Instant.now(), null);
            assertThat(subscriber("eva@example.test").status()).isEqualTo("confirmed");
            site.site().mail.outbox().failed(fake, "550 no such user", true);
        }
        assertThat(subscriber("eva@example.test").status()).isEqualTo("bouncing");
        assertThat(subscriber("eva@example.test").failures()).isEqualTo(3);
        publish("dopo-i-rimbalzi", true);
        assertThat(site.site().mail.outbox().latest(null, 500)).noneMatch(m -> m.to().equals("eva@example.test"));
    }

    @Test
    void badAddressesGet422WithTheValueKeptAndNoAddressIsEverPublic() {
        HttpResponse<String> r = subscribe("nope@", "Nome tenuto");
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.selectFirst("#n-email").val()).isEqualTo("nope@");
        assertThat(d.selectFirst("#n-name").val()).isEqualTo("Nome tenuto");
        assertThat(site.get("/").body()).contains("action=\"/newsletter/\"");
        site.site().newsletter.importLines(List.of("segreto@example.test"), true, "198.51.100.0");
        for (String p : List.of("/", "/feed/", "/newsletter/", "/sitemap.xml")) {
            assertThat(site.get(p).body()).doesNotContain("segreto@example.test");
        }
    }

    private static ArticleDraft draft(Article a, Status status) {
        return new ArticleDraft(a.slug(), a.title(), a.standfirst(), a.bodyMd(), status, a.publishedAt(), "Redazione", null, List.of());
    }
}
