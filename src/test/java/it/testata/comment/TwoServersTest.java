package it.testata.comment;

import it.testata.account.Role;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static it.testata.comment.CommentPoster.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two servers on one database, as behind a load balancer (each with its own page cache, sidebar and change
 * follower; on SQLite both open the same file, on PostgreSQL the same schema): what a moderator does on one is
 * public on the other within a second, and the login lockout and the comment flood control count what happened
 * on both. What only the database can share is shared through it.
 */
class TwoServersTest {
    static final String PASSWORD = "correct horse battery";

    static TestSite a;
    static TestSite b;
    static CommentPoster onA;
    static CommentPoster onB;
    static long articleId;

    @BeforeAll
    static void start() {
        a = TestSite.startWithDemo(); // moderation "first": a first comment is held
        a.trustLoopbackProxy(); // the test plays both servers' proxy; B reads the setting as it starts
        b = TestSite.sharing(a).start(false);
        a.site().accounts.add("mara@example.org", "Mara Conti", Role.MODERATOR, PASSWORD.toCharArray());
        a.site().accounts.add("ugo@example.org", "Ugo Lenti", Role.AUTHOR, PASSWORD.toCharArray());
        onA = new CommentPoster(a);
        onB = new CommentPoster(b);
        articleId = CommentPoster.articleId(a, DEMO_SLUG);
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    void aCommentApprovedOnOneServerIsOnTheOthersArticleAndSidebarWithinASecond() {
        String text = "Approvato su un server, letto su un altro.";
        HttpResponse<String> held = onA.form(articleId).author("Lia Ferri").email("lia@esempio.it")
                .from("10.61.1.1").text(text).post();
        assertThat(held.statusCode()).as(held.body()).isEqualTo(303);
        long id = a.site().commentService.list(null, DEMO_SLUG).getFirst().id();
        // B has the article page and the home page (its sidebar) in its caches before the approval
        assertThat(onB.get(DEMO_PATH).body()).doesNotContain(text);
        assertThat(onB.get("/").body()).doesNotContain("Lia Ferri");
        assertThat(onB.get(DEMO_PATH).headers().firstValue("ETag")).isPresent();

        StaffClient moderator = StaffClient.signedIn(a, "mara@example.org", PASSWORD);
        HttpResponse<String> approved = ModerationQueueTest.act(moderator, "pending", "approve", id);
        assertThat(approved.statusCode()).isEqualTo(303);

        within(1000, "the approved comment on B's article page", () -> onB.get(DEMO_PATH).body().contains(text));
        // other pages' sidebars follow within the page cache's lag
        within(1000 + TestSite.CACHE_LAG_MS, "the approved comment in B's sidebar",
                () -> onB.get("/").body().contains("Lia Ferri"));
    }

    @Test
    void loginFailuresOnBothServersAddUpToOneLockout() {
        for (int i = 1; i <= 2; i++) {
            assertThat(new StaffClient(a).login("ugo@example.org", "wrong " + i, "X-Forwarded-For", "10.62.1." + i)
                    .statusCode()).isEqualTo(401);
        }
        for (int i = 3; i <= 4; i++) {
            assertThat(new StaffClient(b).login("ugo@example.org", "wrong " + i, "X-Forwarded-For", "10.62.1." + i)
                    .statusCode()).isEqualTo(401);
        }
        // the fifth failure, on A, locks; the right password is then refused on both servers
        assertThat(new StaffClient(a).login("ugo@example.org", "wrong 5", "X-Forwarded-For", "10.62.1.5")
                .statusCode()).isEqualTo(429);
        assertThat(new StaffClient(b).login("ugo@example.org", PASSWORD, "X-Forwarded-For", "10.62.1.6")
                .statusCode()).isEqualTo(429);
        assertThat(new StaffClient(a).login("ugo@example.org", PASSWORD, "X-Forwarded-For", "10.62.1.7")
                .statusCode()).isEqualTo(429);
    }

    @Test
    void aCommentOnOneServerHoldsUpTheSameNetworkAndEmailOnTheOther() {
        HttpResponse<String> first = onA.form(articleId).author("Nino").email("nino@esempio.it")
                .from("10.63.1.10").text("Il primo, sul server A.").post();
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);

        HttpResponse<String> sameNet = onB.form(articleId).author("Olga").email("olga@esempio.it")
                .from("10.63.1.20").text("Dalla stessa rete, sul server B.").post();
        CommentAbuseTest.assertFlood(sameNet, "Olga", "olga@esempio.it", "", "Dalla stessa rete, sul server B.");

        HttpResponse<String> sameEmail = onB.form(articleId).author("Nino").email("nino@esempio.it")
                .from("10.64.9.9").text("Stessa email, altra rete, server B.").post();
        CommentAbuseTest.assertFlood(sameEmail, "Nino", "nino@esempio.it", "", "Stessa email, altra rete, server B.");

        assertThat(a.site().commentService.list(null, DEMO_SLUG)).extracting(CommentRecord::authorName)
                .contains("Nino").doesNotContain("Olga");
    }

    // --- cluster2 ---
    @Test
    void onPostgresAWriteOnOneServerWakesTheOtherWithoutWaitingForItsPoll() throws InterruptedException {
        assumeTrue(TestSite.onPostgres(), "LISTEN/NOTIFY is PostgreSQL's; on SQLite (one server) the poll alone follows the log");
        it.testata.db.ChangeLog changes = b.site().changes;
        within(5000, "B listening for notifications", changes::listening);
        long before = changes.polls();
        changes.pollEvery(java.time.Duration.ofHours(1)); // wakes the follower, which reads once more and then waits
        try {
            within(5000, "B's follower reading the log once more", () -> changes.polls() > before);
            Thread.sleep(300); // B's follower now waits an hour for its next poll unless something wakes it
            String mark = "Sommario cambiato sul server A " + System.nanoTime();
            assertThat(onB.get(DEMO_PATH).body()).doesNotContain(mark); // and keeps the page in its cache
            long idle = changes.polls();

            var article = a.site().articles.article(articleId).orElseThrow();
            a.site().articles.update(articleId, new it.testata.article.ArticleDraft(article.slug(), article.title(), mark,
                    article.bodyMd(), article.status(), article.publishedAt(), article.author().name(),
                    article.category() == null ? null : article.category().name(),
                    article.tags().stream().map(it.testata.article.Term::name).toList()), null);

            within(5000, "the change made on A on B's page, with B's poll an hour away",
                    () -> onB.get(DEMO_PATH).body().contains(mark));
            assertThat(changes.polls()).as("B's follower was woken to read the log").isGreaterThan(idle);
        } finally {
            changes.pollEvery(java.time.Duration.ofMillis(200));
        }
    }
}
