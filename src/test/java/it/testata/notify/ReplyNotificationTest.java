package it.testata.notify;

import it.testata.article.Article;
import it.testata.comment.CommentForm;
import it.testata.comment.CommentService;
import it.testata.privacy.PrivacyService;
import it.testata.settings.CommentSettings;
import it.testata.settings.SpamSettings;
import it.testata.support.CommentForms;
import it.testata.support.MailServer;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reply notifications end to end over HTTP and a real SMTP server: the comment form's box, the confirmation link,
 * one e-mail per reply made public (at once, or approved once however often it is approved), none for held, spam or
 * trashed replies nor for one's own, and the thread and all-notification unsubscribe links (GET then button, and
 * RFC 8058 one-click POST). Each test uses its own commenters (the n of {@link CommentForms}).
 */
class ReplyNotificationTest {
    static final String SLUG = "l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito";
    static final CommentSettings HELD = new CommentSettings(CommentSettings.Moderation.ALL, 0, 5, 245, 100, 200, 5000, 0);
    static TestSite site;
    static MailServer smtp;
    static CommentForms forms;
    static Article article;

    @BeforeAll
    static void start() {
        smtp = MailServer.started();
        site = TestSite.startWithDemo();
        smtp.configure(site.site(), 0);
        site.site().settings.update(Map.of("base_url", site.url(""), "comments.moderation", "open",
                "comments.flood_seconds", "0"));
        forms = new CommentForms(site);
        article = site.site().articles.publicArticle(SLUG).orElseThrow();
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    static String email(int n) {
        return "lettore" + n + "@example.org";
    }

    /** Posts comment n (a reply when parent is not null), the box ticked or not; returns the published comment's id. */
    static long comment(int n, Long parent, boolean notify, String text) throws Exception {
        Map<String, String> fields = new java.util.HashMap<>();
        if (parent != null) fields.put("comment_parent", parent.toString());
        if (notify) fields.put("notify", "yes");
        HttpResponse<String> r = forms.post(article.id(), n, text, fields);
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("published at once").contains("#comment-");
        return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
    }

    /** Waits for the n-th message to this address. */
    static List<MimeMessage> awaitTo(String address, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (smtp.to(address).size() < n) {
            if (System.nanoTime() > end) throw new AssertionError(address + " got " + smtp.to(address).size() + ", expected " + n);
            Thread.sleep(50);
        }
        return smtp.to(address);
    }

    /** The messages of this kind queued (or sent) for this address: what the transactions wrote, no waiting needed. */
    static int queued(String kind, String address) {
        return site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE kind = :k AND recipient = :r")
                .bind("k", kind).bind("r", address).mapTo(Integer.class).one());
    }

    /** How many comments this address follows. */
    static int follows(String address) {
        return site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reply_subscriptions s "
                + "JOIN reply_subscribers r ON r.id = s.subscriber_id WHERE r.email = :e").bind("e", address).mapTo(Integer.class).one());
    }

    static ReplySubscriber subscriber(String address) {
        return site.site().db.jdbi().withHandle(h -> NotifyStore.byEmail(h, address)).orElseThrow();
    }

    static String path(String link) {
        URI u = URI.create(link);
        return u.getRawPath() + "?" + u.getRawQuery();
    }

    /** Opens a link of a message: the GET shows one button; the button's form is sent; returns the page it answers. */
    static Document click(String link, String button) {
        Document page = Jsoup.parse(site.get(path(link)).body());
        assertThat(page.select("#r-" + button)).as("the button of " + link).hasSize(1);
        HttpResponse<String> done = new StaffClient(site).post(URI.create(link).getRawPath(),
                Map.of("t", page.selectFirst("input[name=t]").val()), "Origin", site.url(""));
        assertThat(done.statusCode()).isEqualTo(200);
        return Jsoup.parse(done.body());
    }

    /** Comment n with the box ticked, confirmed from the e-mail it got; returns the comment's id. */
    static long confirmedComment(int n) throws Exception {
        long id = comment(n, null, true, "Un commento di chi vuole sapere delle risposte, numero " + n + ".");
        MimeMessage confirmation = awaitTo(email(n), 1).getFirst();
        assertThat(click(MailServer.link(confirmation, site.url("/replies/confirm?t=")), "confirm").select("#replies-confirmed"))
                .hasSize(1);
        return id;
    }

    static String raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theBoxAsksOnceThenAReplyMadePublicAtOnceIsToldWithItsExcerptAndLinkButNotTheRepliersAddress() throws Exception {
        long first = comment(1, null, true, "Ottima notizia per chi cerca lavoro in paese.");
        assertThat(subscriber(email(1)).status()).isEqualTo("pending");
        MimeMessage confirmation = awaitTo(email(1), 1).getFirst();
        assertThat(confirmation.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String link = MailServer.link(confirmation, site.url("/replies/confirm?t="));
        // the GET only shows the button: a mail scanner following the link confirms nothing
        assertThat(Jsoup.parse(site.get(path(link)).body()).select("#r-confirm")).hasSize(1);
        assertThat(subscriber(email(1)).status()).isEqualTo("pending");
        assertThat(click(link, "confirm").select("#replies-confirmed")).hasSize(1);
        ReplySubscriber s = subscriber(email(1));
        assertThat(s.confirmed()).isTrue();
        assertThat(s.consentAt()).isNotNull();
        assertThat(s.consentNet()).isNotEmpty();
        assertThat(s.confirmedAt()).isNotNull();
        assertThat(s.confirmedNet()).isNotEmpty();

        String longReply = "Sono d'accordo, lo sportello serviva da anni. " + "Aggiungo qualche dettaglio sugli orari. ".repeat(12)
                + "FINE-CHE-NON-SI-VEDE";
        long reply = comment(2, first, false, longReply);
        MimeMessage told = awaitTo(email(1), 2).get(1);
        assertThat(told.getSubject()).contains("Lettore 2", article.title());
        String text = MailServer.text(told);
        assertThat(text).contains("Lettore 2", "Sono d'accordo, lo sportello serviva da anni.",
                site.url(article.path(site.site().settings.current().zone())) + "#comment-" + reply);
        assertThat(text).doesNotContain("FINE-CHE-NON-SI-VEDE");
        assertThat(MailServer.html(told)).contains("#comment-" + reply);
        assertThat(raw(told)).doesNotContain(email(2));
        assertThat(told.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(told.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(told.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<" + MailServer.link(told, site.url("/replies/unsubscribe?t=")) + ">");
        assertThat(MailServer.link(told, site.url("/replies/unsubscribe-all?t="))).isNotEmpty();

        // once confirmed, a later comment with the box ticked follows its thread at once, with no new question
        long second = comment(1, null, true, "Torno a commentare: speriamo aprano anche il sabato.");
        comment(3, second, false, "Il sabato sarebbe davvero comodo per chi lavora.");
        awaitTo(email(1), 3);
        assertThat(queued("reply-confirm", email(1))).isEqualTo(1);
        assertThat(queued("reply", email(1))).isEqualTo(2);
        // answering oneself tells nobody
        comment(1, first, false, "Rispondo a me stesso per aggiungere una cosa.");
        assertThat(queued("reply", email(1))).isEqualTo(2);
    }

    @Test
    void aHeldReplyIsToldOnceWhenApprovedHoweverOftenItIsApprovedAndHeldSpamOrTrashedRepliesAreNot() throws Exception {
        long followed = confirmedComment(10);
        CommentService comments = site.site().commentService;
        var held = comments.submit(article, new CommentForm(article.id(), followed, "Lettore 11", email(11), "",
                "Una risposta che aspetta il moderatore.", false, "", ""), HELD, SpamSettings.defaults(), "10.0.11.0", "test");
        long heldId = ((CommentService.Outcome.Held) held).id();
        var trashed = comments.submit(article, new CommentForm(article.id(), followed, "Lettore 12", email(12), "",
                "Una risposta che finirà nel cestino.", false, "", ""), HELD, SpamSettings.defaults(), "10.0.12.0", "test");
        site.site().settings.update(Map.of("spam.blocked_emails", email(13)));
        var spam = comments.submit(article, new CommentForm(article.id(), followed, "Lettore 13", email(13), "",
                "Una risposta da un indirizzo bloccato.", false, "", "", true), HELD, site.site().settings.current().spam(),
                "10.0.13.0", "test");
        assertThat(spam).isInstanceOf(CommentService.Outcome.Spam.class);
        assertThat(queued("reply-confirm", email(13))).as("spam with the box ticked asks nobody").isZero();
        assertThat(queued("reply", email(10))).isZero();

        // approved through the web queue, then trashed and approved again through the API: one e-mail
        site.site().accounts.add("mara@example.org", "Mara Conti", it.testata.account.Role.MODERATOR, "password-lunga-1".toCharArray());
        StaffClient mara = StaffClient.signedIn(site, "mara@example.org", "password-lunga-1");
        assertThat(mara.post("/admin/comments", Map.of("action", "approve", "id", String.valueOf(heldId), "csrf", mara.csrf), "Origin", site.url(""))
                .statusCode()).isIn(200, 303);
        assertThat(queued("reply", email(10))).isEqualTo(1);
        comments.moderate(heldId, CommentService.Action.TRASH);
        var api = new it.testata.support.ApiClient(site, site.site().accounts.createToken("mara@example.org", "test"));
        assertThat(api.post("/api/v1/comments/" + heldId + "/approve", null).status()).isEqualTo(200);
        comments.moderate(((CommentService.Outcome.Held) trashed).id(), CommentService.Action.TRASH);
        assertThat(queued("reply", email(10))).isEqualTo(1);
        MimeMessage told = awaitTo(email(10), 2).get(1);
        assertThat(MailServer.text(told)).contains("Una risposta che aspetta il moderatore.", "#comment-" + heldId);
    }

    @Test
    void theThreadLinkStopsThatThreadByButtonOrOneClickPostAndTheOtherStopsEverything() throws Exception {
        long a = confirmedComment(20);
        long b = comment(20, null, true, "Un secondo commento, un secondo filo.");
        long c = comment(20, null, true, "Un terzo commento, un terzo filo.");
        comment(21, a, false, "Risposta al primo filo.");
        comment(21, b, false, "Risposta al secondo filo.");
        List<MimeMessage> got = awaitTo(email(20), 3);
        MimeMessage toA = got.stream().filter(m -> MailServer.text(m).contains("Risposta al primo filo.")).findFirst().orElseThrow();
        MimeMessage toB = got.stream().filter(m -> MailServer.text(m).contains("Risposta al secondo filo.")).findFirst().orElseThrow();

        // thread a: the GET shows a button and changes nothing; the button stops it
        String stopA = MailServer.link(toA, site.url("/replies/unsubscribe?t="));
        site.get(path(stopA));
        assertThat(follows(email(20))).as("a GET changes nothing").isEqualTo(3);
        assertThat(click(stopA, "unsubscribe").select("#replies-unsubscribed")).hasSize(1);
        assertThat(follows(email(20))).isEqualTo(2);
        comment(22, a, false, "Un'altra risposta al primo filo.");
        assertThat(queued("reply", email(20))).isEqualTo(2);

        // thread b: a plain POST to the header's address (RFC 8058 one-click), no cookie, no origin
        String header = toB.getHeader("List-Unsubscribe")[0];
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(header.substring(1, header.length() - 1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        comment(22, b, false, "Un'altra risposta al secondo filo.");
        assertThat(queued("reply", email(20))).isEqualTo(2);

        // thread c still tells; then "stop all" stops it too and forgets every thread
        comment(21, c, false, "Risposta al terzo filo.");
        MimeMessage toC = awaitTo(email(20), 4).stream().filter(m -> MailServer.text(m).contains("Risposta al terzo filo."))
                .findFirst().orElseThrow();
        String all = MailServer.link(toC, site.url("/replies/unsubscribe-all?t="));
        site.get(path(all));
        assertThat(subscriber(email(20)).confirmed()).as("a GET changes nothing").isTrue();
        assertThat(click(all, "unsubscribe-all").select("#replies-unsubscribed-all")).hasSize(1);
        assertThat(subscriber(email(20)).status()).isEqualTo("unsubscribed");
        assertThat(follows(email(20))).isZero();
        comment(22, c, false, "Un'altra risposta al terzo filo.");
        assertThat(queued("reply", email(20))).isEqualTo(3);
        // a used link says so; a forged one is not found
        assertThat(site.get(path(all)).body()).contains("replies-unsubscribed-all");
        assertThat(site.get(path(MailServer.link(toA, site.url("/replies/unsubscribe?t=")))).body()).contains("replies-unsubscribed");
        assertThat(site.get("/replies/unsubscribe?t=1.forged").statusCode()).isEqualTo(404);
        assertThat(site.get("/replies/confirm?t=forged").statusCode()).isEqualTo(404);
        // ticking the box again after stopping everything asks again
        comment(20, null, true, "Ci ripenso: avvisatemi di nuovo.");
        assertThat(subscriber(email(20)).status()).isEqualTo("pending");
        assertThat(queued("reply-confirm", email(20))).isEqualTo(2);
    }

    @Test
    void anEnglishSiteWritesTheBoxAndTheMessagesInEnglish() throws Exception {
        site.site().settings.update(Map.of("locale", "en"));
        try {
            Document page = Jsoup.parse(site.get(article.path(site.site().settings.current().zone())).body());
            assertThat(page.select("label[for=notify]").text()).isEqualTo("Notify me of replies by e-mail");
            long followed = comment(40, null, true, "A comment from a reader who wants replies by e-mail.");
            MimeMessage confirmation = awaitTo(email(40), 1).getFirst();
            assertThat(confirmation.getSubject()).startsWith("Confirm reply notifications from");
            assertThat(click(MailServer.link(confirmation, site.url("/replies/confirm?t=")), "confirm").select("#replies-confirmed").text())
                    .startsWith("Confirmed");
            comment(41, followed, false, "An answer in English.");
            MimeMessage told = awaitTo(email(40), 2).get(1);
            assertThat(told.getSubject()).isEqualTo("Lettore 41 replied to your comment on \"" + article.title() + "\"");
            assertThat(MailServer.text(told)).contains("Stop e-mails about replies to this comment", "Stop all reply e-mails from");
        } finally {
            site.site().settings.update(Map.of("locale", "it"));
        }
    }

    @Test
    void theBoxIsUncheckedLabelledKeptOnA422AndUntickedOnARememberedPageAndPrivacyToolsReachTheSubscriptions() throws Exception {
        Document page = Jsoup.parse(site.get(article.path(site.site().settings.current().zone())).body());
        assertThat(page.select("#commentform input#notify[type=checkbox][name=notify]")).hasSize(1);
        assertThat(page.selectFirst("#notify").hasAttr("checked")).isFalse();
        assertThat(page.select("label[for=notify]").text()).isEqualTo("Avvisami via e-mail quando qualcuno risponde");
        HttpResponse<String> invalid = forms.post(article.id(), 30, "", Map.of("notify", "yes"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(invalid.body()).selectFirst("#notify").hasAttr("checked")).isTrue();
        assertThat(queued("reply-confirm", email(30))).isZero();

        // a remembered reader gets the cached page with their values filled in, and the box still unticked
        HttpResponse<String> remembered = forms.post(article.id(), 32, "Ricordatevi di me, grazie.", Map.of("remember", "yes"));
        String cookie = remembered.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(it.testata.comment.CommentCookies.COMMENTER + "=")).findFirst().orElseThrow().split(";")[0];
        Document mine = Jsoup.parse(site.get(article.path(site.site().settings.current().zone()), "Cookie", cookie).body());
        assertThat(mine.selectFirst("#email").val()).isEqualTo(email(32));
        assertThat(mine.selectFirst("#remember").hasAttr("checked")).isTrue();
        assertThat(mine.selectFirst("#notify").hasAttr("checked")).isFalse();

        long followed = comment(31, null, true, "Un commento da esportare e poi cancellare.");
        PrivacyService privacy = site.site().privacy;
        assertThat(privacy.counts(email(31))).containsEntry("replies", 1);
        Map<String, Object> export = privacy.export(email(31), PrivacyService.Actor.CLI);
        assertThat(export.get("replies").toString()).contains(email(31), "pending", String.valueOf(followed));
        privacy.erase(email(31), false, PrivacyService.Actor.CLI);
        assertThat(privacy.counts(email(31))).containsEntry("replies", 0);
        java.util.Optional<ReplySubscriber> gone = site.site().db.jdbi().withHandle(h -> NotifyStore.byEmail(h, email(31)));
        assertThat(gone).isEmpty();
    }
}
