package it.testata.newsletter;

import it.testata.article.Article;
import it.testata.article.ArticleDraft;
import it.testata.article.Status;
import it.testata.mail.DigestRules;
import it.testata.support.MailServer;
import it.testata.support.TestSite;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsletter's digests and the articles that go public by their own date, over a real SMTP server: a daily
 * digest lists the new articles once, to each subscriber with their own unsubscribe link, and then sends nothing; a
 * scheduled article, and one saved as published with a future date, go out once when their time comes.
 */
class NewsletterDigestTest {
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

    private static Article save(String slug, Status status, Instant at, Boolean choice) {
        return NewsletterService.withChoice(choice, () -> site.site().articles.create(new ArticleDraft(slug, "Titolo " + slug,
                "Il sommario di " + slug, "Il testo.", status, at, "Redazione", null, List.of()), null));
    }

    @Test
    void aDailyDigestListsTheNewArticlesOnceAndSendsNothingWhenNothingIsNew() throws Exception {
        site.site().newsletter.importLines(List.of("elena@digest.test,Elena", "franco@digest.test,Franco"), true, "198.51.100.0");
        site.site().mail.save(Map.of(DigestRules.MODE, "daily", DigestRules.TIME, "07:30"));
        DigestRules rules = site.site().mail.current().digest();
        assertThat(rules.mode()).isEqualTo(DigestRules.Mode.DAILY);
        NewsletterDigest digest = site.site().newsletterDigest;
        // nothing new: nothing sent, and the run is recorded (so the serving site's own look waits for the next slot)
        assertThat(digest.run(rules, Instant.now())).isZero();

        Article one = save("digest-uno", Status.PUBLISHED, Instant.now().minusSeconds(30), null);
        Article two = save("digest-due", Status.PUBLISHED, Instant.now().minusSeconds(20), true);
        save("digest-no", Status.PUBLISHED, Instant.now().minusSeconds(10), false); // the editor said no
        MailServer.drained(site.site());
        assertThat(smtp.to("elena@digest.test")).isEmpty(); // in digest mode publishing sends nothing alone

        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        assertThat(digest.tick(tomorrow)).isEqualTo(2); // a slot has passed since the last run: one copy per subscriber
        var zone = site.site().settings.current().zone();
        for (String reader : List.of("elena@digest.test", "franco@digest.test")) {
            MimeMessage m = smtp.awaitTo(reader, 1).getFirst();
            String text = MailServer.text(m);
            assertThat(text).contains("Titolo digest-uno", "Titolo digest-due", "Il sommario di digest-uno",
                    site.url(one.path(zone)), site.url(two.path(zone))).doesNotContain("digest-no");
            String unsub = m.getHeader("List-Unsubscribe")[0];
            assertThat(unsub).isEqualTo("<" + MailServer.link(m, site.url("/newsletter/unsubscribe?t=")) + ">");
            assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
            assertThat(MailServer.html(m)).contains(site.url(one.path(zone)));
        }
        assertThat(MailServer.link(smtp.to("elena@digest.test").getFirst(), site.url("/newsletter/unsubscribe?t=")))
                .isNotEqualTo(MailServer.link(smtp.to("franco@digest.test").getFirst(), site.url("/newsletter/unsubscribe?t=")));

        // the issue and its figures, like an article's
        var issue = site.site().newsletter.store().issues(10).getFirst();
        assertThat(issue.articleId()).isNull();
        assertThat(issue.recipients()).isEqualTo(2);
        MailServer.drained(site.site());
        assertThat(site.site().mail.outbox().issueCounts(issue.id())).containsEntry("sent", 2);

        // the next run, even a day later: nothing new, nothing sent; a later look before the next slot does nothing
        assertThat(digest.tick(tomorrow.plus(Duration.ofDays(1)))).isZero();
        assertThat(digest.tick(tomorrow.plus(Duration.ofDays(1)).plusSeconds(60))).isEqualTo(-1);
        // an article already in a digest is never sent alone, even when the mode goes back to each article
        site.site().mail.save(Map.of(DigestRules.MODE, "article"));
        NewsletterService.withChoice(true, () -> site.site().articles.update(one.id(), draftOf(one), null));
        site.site().newsletter.publishDue(Instant.now()); // decides "digest-no" (not sent), leaves the digested ones
        MailServer.drained(site.site());
        assertThat(smtp.to("elena@digest.test")).hasSize(1);
        assertThat(smtp.to("franco@digest.test")).hasSize(1);
    }

    private static ArticleDraft draftOf(Article a) {
        return new ArticleDraft(a.slug(), a.title() + " (aggiornato)", a.standfirst(), "Il testo, corretto.", Status.PUBLISHED,
                a.publishedAt(), "Redazione", null, List.of());
    }

    @Test
    void aScheduledArticleAndAFutureDatedPublishedOneGoOutOnceWhenPublic() throws Exception {
        site.site().newsletter.importLines(List.of("gina@futuro.test,Gina"), true, "198.51.100.0");
        site.site().mail.save(Map.of(DigestRules.MODE, "article"));
        Instant later = Instant.now().plus(Duration.ofHours(1));
        Article scheduled = save("uscita-programmata", Status.SCHEDULED, later, true);
        Article dated = save("uscita-datata", Status.PUBLISHED, later.plusSeconds(60), true);
        MailServer.drained(site.site());
        assertThat(smtp.to("gina@futuro.test")).isEmpty();

        // the scheduler's look once their time has come (as if it were then): each article decided once
        var scheduler = site.site().scheduler();
        assertThat(scheduler.tick(later.plusSeconds(120))).containsExactly(scheduled.id());
        scheduler.tick(later.plusSeconds(125));
        scheduler.tick(later.plusSeconds(300));
        List<MimeMessage> got = smtp.awaitTo("gina@futuro.test", 2);
        assertThat(got).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Titolo uscita-programmata", "Titolo uscita-datata");
        assertThat(site.site().newsletter.store().issues(100)).filteredOn(i -> i.articleId() != null
                && (i.articleId() == scheduled.id() || i.articleId() == dated.id())).hasSize(2);
        MailServer.drained(site.site());
        assertThat(smtp.to("gina@futuro.test")).hasSize(2);
    }
}
