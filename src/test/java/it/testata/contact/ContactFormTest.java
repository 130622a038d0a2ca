package it.testata.contact;

import it.testata.account.Role;
import it.testata.comment.CommentForm;
import it.testata.comment.FormToken;
import it.testata.mail.OutboxMessage;
import it.testata.support.MailServer;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import it.testata.web.Signer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact form over HTTP, with a real SMTP server: stored always, mailed to contact.to only, abuse refused. */
class ContactFormTest {
    static TestSite site;
    static MailServer smtp;
    static FormToken tokens;

    @BeforeAll
    static void start() {
        smtp = MailServer.started();
        site = TestSite.startEmpty();
        smtp.configure(site.site(), 0);
        site.site().settings.update(Map.of("comments.flood_seconds", "0"));
        tokens = new FormToken(new Signer(site.site().settings.signingKey()));
        site.site().accounts.add("ed@example.org", "Eda Neri", Role.EDITOR, "correct horse battery".toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    @BeforeEach
    void freshRelay() {
        smtp.stop();
        smtp.start();
    }

    private Map<String, String> form(String name, String email, String subject, String message) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("email", email);
        f.put("subject", subject);
        f.put("message", message);
        f.put(CommentForm.HONEYPOT, "");
        f.put(CommentForm.TOKEN, tokens.issue(Instant.now().minusSeconds(10)));
        return f;
    }

    private HttpResponse<String> post(Map<String, String> fields) {
        return new StaffClient(site).post("/contatti/", fields, "Origin", site.url(""));
    }

    private List<ContactMessage> stored() {
        return site.site().contact.store().list(null, 100);
    }

    @Test
    void thePageHasTheFormWithLabelsAndAFreshToken() {
        Document d = Jsoup.parse(site.get("/contatti/").body());
        for (String id : List.of("c-name", "c-email", "c-subject", "c-message")) {
            assertThat(d.select("label[for=" + id + "]")).hasSize(1);
        }
        assertThat(d.selectFirst("input[name=" + CommentForm.TOKEN + "]").val()).isNotEmpty();
        assertThat(site.get("/contact/").statusCode()).isEqualTo(200);
        assertThat(site.get("/").body()).contains("href=\"/contatti/\"");
    }

    @Test
    void aMessageIsStoredWhileTheRelayIsDownAndArrivesOnceWithReplyToTheSender() throws Exception {
        smtp.stop();
        HttpResponse<String> r = post(form("Lucia Verdi", "Lucia@Example.test", "Una segnalazione", "Il ponte è chiuso.\nGrazie"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/contatti/?inviato=1");
        ContactMessage m = stored().stream().filter(c -> c.subject().equals("Una segnalazione")).findFirst().orElseThrow();
        assertThat(m.email()).isEqualTo("lucia@example.test");
        assertThat(m.status()).isEqualTo("unread");
        OutboxMessage queued = site.site().mail.outbox().latest("queued", 10).stream()
                .filter(o -> o.kind().equals("contact")).findFirst().orElseThrow();
        assertThat(queued.to()).isEqualTo("desk@testata.test");
        assertThat(Jsoup.parse(site.get("/contatti/?inviato=1").body()).select("#contact-sent")).hasSize(1);
        smtp.start();
        long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (lucia().isEmpty() && System.nanoTime() < end) Thread.sleep(100);
        assertThat(lucia()).as("the message arrived after the relay came back").isNotEmpty();
        MimeMessage got = lucia().getFirst();
        assertThat(got.getAllRecipients()).extracting(Object::toString).containsExactly("desk@testata.test");
        assertThat(((InternetAddress) got.getReplyTo()[0]).getAddress()).isEqualTo("lucia@example.test");
        assertThat(got.getSubject()).contains("Una segnalazione");
        assertThat(MailServer.text(got)).contains("Il ponte è chiuso.", "Lucia Verdi");
        Thread.sleep(1500);
        assertThat(lucia()).hasSize(1);
    }

    /** The messages about Lucia's report (earlier tests' messages may still arrive meanwhile). */
    private List<MimeMessage> lucia() {
        return smtp.received().stream().filter(m -> {
            try {
                return m.getSubject().contains("Una segnalazione");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void badInputGets422WithEveryValueKept() {
        HttpResponse<String> r = post(form("", "not-an-address", "Oggetto tenuto", "Testo <b>tenuto</b>"));
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.selectFirst("#c-email").val()).isEqualTo("not-an-address");
        assertThat(d.selectFirst("#c-subject").val()).isEqualTo("Oggetto tenuto");
        assertThat(d.selectFirst("#c-message").text()).isEqualTo("Testo <b>tenuto</b>");
        assertThat(d.select("#c-name-error, #c-email-error")).hasSize(2);
        assertThat(d.selectFirst("#c-name").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void headerInjectionNeverReachesAHeaderAndTheFormCannotRelay() throws Exception {
        Map<String, String> bad = form("Eve", "eve@example.test\r\nBcc: victim@example.test", "x", "y");
        assertThat(post(bad).statusCode()).isEqualTo(422);
        Map<String, String> f = form("Eve\r\nX-Name-Injected: yes", "eve@example.test",
                "Ciao\r\nBcc: victim@example.test\nX-Injected: yes", "corpo");
        f.put("to", "victim@example.test"); // a field the form does not have: ignored
        assertThat(post(f).statusCode()).isEqualTo(303);
        MimeMessage got = smtp.await(1, Duration.ofSeconds(45)).getFirst();
        assertThat(got.getHeader("Bcc")).isNull();
        assertThat(got.getHeader("X-Injected")).isNull();
        assertThat(got.getHeader("X-Name-Injected")).isNull();
        assertThat(got.getSubject()).doesNotContain("\n", "\r");
        assertThat(got.getAllRecipients()).extracting(Object::toString).containsExactly("desk@testata.test");
        Thread.sleep(1000);
        assertThat(smtp.to("victim@example.test")).isEmpty();
    }

    @Test
    void botsAndOtherSitesAreRefusedAndNothingIsStored() {
        int before = stored().size();
        Map<String, String> honeypot = form("Bot", "bot@example.test", "Offerta", "compra");
        honeypot.put(CommentForm.HONEYPOT, "http://spam.example");
        assertThat(post(honeypot).statusCode()).isEqualTo(303);
        Map<String, String> forged = form("Bot", "bot@example.test", "Offerta", "compra");
        forged.put(CommentForm.TOKEN, "forged.token");
        assertThat(post(forged).statusCode()).isEqualTo(303);
        Map<String, String> fast = form("Bot", "bot@example.test", "Offerta", "compra");
        fast.put(CommentForm.TOKEN, tokens.issue(Instant.now()));
        assertThat(post(fast).statusCode()).isEqualTo(303);
        HttpResponse<String> cross = new StaffClient(site).post("/contatti/", form("A", "a@example.test", "s", "m"),
                "Origin", "https://evil.example");
        assertThat(cross.statusCode()).isEqualTo(403);
        assertThat(stored()).hasSize(before);
    }

    @Test
    void aSecondMessageTooSoonGets429WithTheTextKept() throws InterruptedException {
        site.site().settings.update(Map.of("comments.flood_seconds", "2"));
        try {
            Thread.sleep(2100); // earlier tests' messages came from this same network
            assertThat(post(form("Rita", "rita@example.test", "Prima", "uno")).statusCode()).isEqualTo(303);
            HttpResponse<String> again = post(form("Rita", "rita@example.test", "Seconda", "due"));
            assertThat(again.statusCode()).isEqualTo(429);
            assertThat(Jsoup.parse(again.body()).selectFirst("#c-subject").val()).isEqualTo("Seconda");
        } finally {
            site.site().settings.update(Map.of("comments.flood_seconds", "0"));
        }
    }

    @Test
    void controlCharactersAreCleanedTheSameWayOnBothDatabases() {
        HttpResponse<String> r = post(form("Nul\u0000la Bianchi", "nulla@example.test", "Og\u0000getto\u0085 pulito",
                "Riga uno\r\nRiga\u0007 due\u0000"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        ContactMessage m = stored().stream().filter(c -> c.email().equals("nulla@example.test")).findFirst().orElseThrow();
        assertThat(m.name()).isEqualTo("Nulla Bianchi");
        assertThat(m.subject()).isEqualTo("Oggetto pulito");
        assertThat(m.body()).isEqualTo("Riga uno\nRiga due");
    }

    @Test
    void theInboxShowsMarksAndDeletesMessagesAndTheirAddressStaysPrivate() {
        assertThat(post(form("Piero Gialli", "piero@example.test", "Per la redazione", "Buongiorno")).statusCode()).isEqualTo(303);
        long id = stored().stream().filter(c -> c.email().equals("piero@example.test")).findFirst().orElseThrow().id();
        StaffClient ed = StaffClient.signedIn(site, "ed@example.org", "correct horse battery");
        Document inbox = ed.page("/admin/messages");
        assertThat(inbox.select("#message-" + id + ".unread")).hasSize(1);
        Document open = ed.page("/admin/messages/" + id);
        assertThat(open.text()).contains("Buongiorno", "piero@example.test");
        assertThat(open.select("a[href^=mailto:piero@example.test]")).hasSize(1);
        assertThat(site.site().contact.store().find(id).orElseThrow().status()).isEqualTo("read");
        assertThat(ed.postForm("/admin/messages/" + id, Map.of("action", "spam")).statusCode()).isEqualTo(303);
        assertThat(site.site().contact.store().find(id).orElseThrow().status()).isEqualTo("spam");
        assertThat(ed.postForm("/admin/messages/" + id, Map.of("action", "delete")).statusCode()).isEqualTo(303);
        assertThat(site.site().contact.store().find(id)).isEmpty();
        assertThat(site.get("/").body()).doesNotContain("piero@example.test");
        assertThat(site.site().contact.store().exportByEmail("Lucia@example.test").size())
                .isEqualTo((int) stored().stream().filter(c -> c.email().equals("lucia@example.test")).count());
    }
}
