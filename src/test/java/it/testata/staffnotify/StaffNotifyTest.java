package it.testata.staffnotify;

import it.testata.account.Role;
import it.testata.article.Article;
import it.testata.article.Status;
import it.testata.comment.CommentForm;
import it.testata.comment.CommentService;
import it.testata.settings.CommentSettings;
import it.testata.settings.SpamSettings;
import it.testata.support.Content;
import it.testata.support.MailServer;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff notifications over a real SMTP server: held comments reach each moderator as they chose (one message each at
 * once, an hourly digest listing them once, or nothing), authors hear of new public comments on their articles but
 * not of their own, and the choice is made on the profile page.
 */
class StaffNotifyTest {
    static final String AT_ONCE = "subito@testata.test", HOURLY = "ogniora@testata.test", NEVER = "mai@testata.test",
            AUTHOR = "firma@testata.test", PASSWORD = "una-password-lunga";
    static final CommentSettings HELD = new CommentSettings(CommentSettings.Moderation.ALL, 0, 5, 245, 100, 200, 5000, 0);
    static final CommentSettings OPEN = new CommentSettings(CommentSettings.Moderation.OPEN, 0, 5, 245, 100, 200, 5000, 0);
    static TestSite site;
    static MailServer smtp;

    @BeforeAll
    static void start() {
        smtp = MailServer.started();
        site = TestSite.startEmpty();
        smtp.configure(site.site(), 0);
        site.site().settings.update(Map.of("base_url", site.url("")));
        var accounts = site.site().accounts;
        accounts.add(AT_ONCE, "Moderatrice Pronta", Role.MODERATOR, PASSWORD.toCharArray());
        var hourly = accounts.add(HOURLY, "Redattore Orario", Role.EDITOR, PASSWORD.toCharArray());
        var never = accounts.add(NEVER, "Amministratrice Quieta", Role.ADMIN, PASSWORD.toCharArray());
        var author = accounts.add(AUTHOR, "Giulia Firma", Role.AUTHOR, PASSWORD.toCharArray());
        StaffNotifyService notify = site.site().staffNotify;
        notify.save(hourly, new NotifyPrefs(NotifyPrefs.Held.HOURLY, false));
        notify.save(never, new NotifyPrefs(NotifyPrefs.Held.NONE, false));
        notify.save(author, new NotifyPrefs(NotifyPrefs.Held.IMMEDIATE, true)); // an author moderates nothing: kept "none"
        Content.article(site, "ponte-chiuso", "Il ponte resta chiuso", "Il ponte sul fiume resta chiuso per lavori.",
                Status.PUBLISHED, Instant.now().minusSeconds(60), "Giulia Firma", "Cronaca", List.of());
        Content.article(site, "mercato-nuovo", "Apre il mercato nuovo", "Il mercato coperto apre sabato in piazza.",
                Status.PUBLISHED, Instant.now().minusSeconds(60), "Redazione", "Cronaca", List.of());
        // the serving site's own hourly look may already have run: either way the next one is an hour away
        notify.digest(Instant.now());
    }

    @AfterAll
    static void stop() {
        site.close();
        smtp.close();
    }

    private static CommentService.Outcome submit(String slug, String name, String email, String text, CommentSettings rules) {
        Article a = site.site().articles.publicArticle(slug).orElseThrow();
        return site.site().commentService.submit(a, new CommentForm(a.id(), null, name, email, "", text, false, "", ""),
                rules, SpamSettings.defaults(), "10.0.0.0/24", "test");
    }

    private static long held(String name, String email, String text) {
        CommentService.Outcome o = submit("mercato-nuovo", name, email, text, HELD);
        assertThat(o).isInstanceOf(CommentService.Outcome.Held.class);
        return ((CommentService.Outcome.Held) o).id();
    }

    @Test
    void heldCommentsReachEachModeratorAsChosenAndADigestListsEachOnce() throws Exception {
        int before = smtp.to(AT_ONCE).size(); // the other tests' held comments reach this moderator too
        long first = held("Marco Lettore", "marco.lettore@example.org", "Finalmente un mercato al coperto, speriamo nei prezzi giusti.");
        long second = held("Anna Vicina", "anna.vicina@example.org", "Il sabato mattina la piazza era già piena di auto.");

        List<MimeMessage> atOnce = smtp.awaitTo(AT_ONCE, before + 2).subList(before, before + 2);
        MimeMessage one = atOnce.getFirst();
        assertThat(one.getSubject()).contains("Apre il mercato nuovo");
        assertThat(one.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(one.getHeader("List-Unsubscribe")).isNull();
        String text = MailServer.text(one);
        assertThat(text).contains("Marco Lettore", "marco.lettore@example.org", "Finalmente un mercato al coperto",
                site.url("/admin/comments/" + first), site.url("/admin/profile"));
        assertThat(MailServer.html(one)).contains("href=\"" + site.url("/admin/comments/" + first) + "\"");
        assertThat(MailServer.text(atOnce.get(1))).contains(site.url("/admin/comments/" + second));

        // the hourly digest: one message with both, to the editor who chose it, and never again for the same comments
        assertThat(site.site().staffNotify.digest(Instant.now().plus(Duration.ofHours(1)))).isPositive();
        MimeMessage digest = smtp.awaitTo(HOURLY, 1).getFirst();
        assertThat(digest.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(MailServer.text(digest)).contains("marco.lettore@example.org", "anna.vicina@example.org",
                site.url("/admin/comments/" + first), site.url("/admin/comments/" + second),
                site.url("/admin/comments?status=pending"));
        assertThat(site.site().staffNotify.digest(Instant.now().plus(Duration.ofHours(2)))).isZero();

        // a comment held later is in the next digest alone; one approved meanwhile is in none
        long third = held("Luca Tardi", "luca.tardi@example.org", "Ci sarà anche il banco del pesce?");
        long approved = held("Sara Svelta", "sara.svelta@example.org", "Ottima notizia per il quartiere.");
        site.site().commentService.moderate(approved, CommentService.Action.APPROVE);
        assertThat(site.site().staffNotify.digest(Instant.now().plus(Duration.ofHours(3)))).isPositive();
        MimeMessage next = smtp.awaitTo(HOURLY, 2).get(1);
        assertThat(MailServer.text(next)).contains("/admin/comments/" + third).doesNotContain("/admin/comments/" + first + "\n")
                .doesNotContain("sara.svelta@example.org");

        MailServer.drained(site.site());
        assertThat(smtp.to(AT_ONCE)).hasSize(before + 4);
        assertThat(smtp.to(HOURLY)).hasSize(2);
        assertThat(smtp.to(NEVER)).isEmpty();
        assertThat(smtp.to(AUTHOR)).isEmpty(); // not the author of that article, and authors do not moderate
    }

    @Test
    void anAuthorHearsOfNewPublicCommentsOnTheirArticlesButNotOfTheirOwn() throws Exception {
        CommentService.Outcome reader = submit("ponte-chiuso", "Piero Pendolare", "piero@example.org",
                "Da mesi facciamo il giro lungo per andare al lavoro.", OPEN);
        assertThat(reader).isInstanceOf(CommentService.Outcome.Published.class);
        long id = ((CommentService.Outcome.Published) reader).id();
        MimeMessage m = smtp.awaitTo(AUTHOR, 1).getFirst();
        assertThat(m.getSubject()).contains("Il ponte resta chiuso");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String text = MailServer.text(m);
        Article a = site.site().articles.publicArticle("ponte-chiuso").orElseThrow();
        assertThat(text).contains("Piero Pendolare", "Da mesi facciamo il giro lungo",
                site.url(a.path(site.site().settings.current().zone())) + "#comment-" + id);
        assertThat(text + MailServer.html(m)).doesNotContain("piero@example.org"); // an author does not moderate

        // the author's own comment (any case of the address): nothing
        assertThat(submit("ponte-chiuso", "Giulia Firma", "Firma@Testata.test", "Grazie a tutti per le segnalazioni.", OPEN))
                .isInstanceOf(CommentService.Outcome.Published.class);
        // a held comment tells the author when a moderator approves it
        CommentService.Outcome later = submit("ponte-chiuso", "Rita Ciclista", "rita@example.org",
                "In bicicletta si passa ancora dal sentiero?", HELD);
        long heldId = ((CommentService.Outcome.Held) later).id();
        assertThat(smtp.to(AUTHOR)).hasSize(1);
        site.site().commentService.moderate(heldId, CommentService.Action.APPROVE);
        assertThat(MailServer.text(smtp.awaitTo(AUTHOR, 2).get(1))).contains("Rita Ciclista", "#comment-" + heldId);
        // a colleague's reply from the moderation queue is a new public comment too; the author's own reply is not
        assertThat(site.site().commentService.reply(id, "Moderatrice Pronta", AT_ONCE, "", "Grazie, lo segnaliamo al Comune.",
                OPEN)).isInstanceOf(CommentService.Written.Saved.class);
        assertThat(MailServer.text(smtp.awaitTo(AUTHOR, 3).get(2))).contains("Moderatrice Pronta", "lo segnaliamo al Comune");
        site.site().commentService.reply(id, "Giulia Firma", AUTHOR, "", "Aggiorneremo l'articolo.", OPEN);
        MailServer.drained(site.site());
        assertThat(smtp.to(AUTHOR)).hasSize(3);
    }

    @Test
    void theProfilePageKeepsTheChoice() {
        site.site().accounts.add("scelta@testata.test", "Chi Sceglie", Role.EDITOR, PASSWORD.toCharArray());
        StaffClient me = StaffClient.signedIn(site, "scelta@testata.test", PASSWORD);
        Document page = me.page("/admin/profile");
        assertThat(page.select("#notify-held-immediate[checked]")).hasSize(1); // the default for those who moderate
        assertThat(page.select("#notify-own:not([checked])")).hasSize(1);
        assertThat(me.postForm("/admin/profile/notifications", Map.of("held", "hourly", "own_comments", "on")).statusCode())
                .isEqualTo(303);
        page = me.page("/admin/profile?done=notify");
        assertThat(page.select("#notify-held-hourly[checked]")).hasSize(1);
        assertThat(page.select("#notify-own[checked]")).hasSize(1);
        assertThat(page.select("p.notice").text()).isNotEmpty();

        var refused = me.postForm("/admin/profile/notifications", Map.of("held", "every-minute"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("notify-held-error");
        var user = site.site().accounts.user("scelta@testata.test").orElseThrow();
        assertThat(site.site().staffNotify.view(user).prefs()).isEqualTo(new NotifyPrefs(NotifyPrefs.Held.HOURLY, true));
    }

    @Test
    void theProfileAndMailPagesWithTheNewFieldsAreValidHtml() throws Exception {
        site.site().accounts.add("capo@testata.test", "Capo Redattrice", Role.ADMIN, PASSWORD.toCharArray());
        StaffClient admin = StaffClient.signedIn(site, "capo@testata.test", PASSWORD);
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("profile", admin.get("/admin/profile").body());
        admin.page("/admin/profile");
        bodies.put("profile refused", admin.postForm("/admin/profile/notifications", Map.of("held", "x")).body());
        bodies.put("mail", admin.get("/admin/mail").body());
        admin.page("/admin/mail");
        var refused = admin.postForm("/admin/mail/settings", Map.of("newsletter.mode", "monthly",
                "newsletter.digest_time", "25:99", "newsletter.digest_day", "someday", "mail.rate_per_minute", "60"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("m-newsletter-mode-error", "m-newsletter-digest-time-error", "m-newsletter-digest-day-error");
        bodies.put("mail refused", refused.body());
        assertThat(it.testata.support.NuChecker.errors(bodies)).as("Nu Html Checker errors").isEmpty();
    }
}
