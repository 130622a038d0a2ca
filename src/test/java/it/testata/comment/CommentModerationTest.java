package it.testata.comment;

import it.testata.support.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static it.testata.comment.CommentPoster.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation modes: "first" (the default) holds a commenter's first comment and trusts the email once one is
 * approved; "all" holds everything. The submitter of a held comment sees it in place through a signed cookie,
 * nobody else does.
 */
class CommentModerationTest {
    static final String PENDING_NOTE = "Il tuo commento è in attesa di moderazione.";

    TestSite site;
    CommentPoster poster;
    long articleId;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo();
        poster = new CommentPoster(site);
        articleId = CommentPoster.articleId(site, DEMO_SLUG);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void inTheDefaultModeAFirstCommentIsHeldShownOnlyToItsAuthorThenTrustedOnceApproved() throws Exception {
        assertThat(site.site().settings.current().comments().moderation().name()).isEqualTo("FIRST");
        assertThat(poster.page(DEMO_PATH).select("li.comment")).isEmpty(); // in the page cache now

        Instant firstPost = Instant.now();
        HttpResponse<String> r = poster.form(articleId).author("Giulia Ferri").email("giulia.ferri@example.org")
                .url("https://giulia.example/").text("Speriamo che apra anche il sabato.").post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(DEMO_PATH + "?moderazione=1#respond");
        String cookieLine = CommentPoster.setCookie(r, CommentCookies.PENDING).orElseThrow();
        assertThat(cookieLine).containsIgnoringCase("HttpOnly").containsIgnoringCase("Path=/")
                .containsIgnoringCase("SameSite=Lax");
        String pending = CommentPoster.cookie(r, CommentCookies.PENDING).orElseThrow();
        List<CommentRecord> stored = site.site().commentService.list(null, DEMO_SLUG);
        assertThat(stored).hasSize(1);
        long id = stored.getFirst().id();
        assertThat(stored.getFirst().status()).isEqualTo(CommentStatus.PENDING);

        // the author, following the redirect with the cookie, sees the comment in place, marked
        Document own = poster.page(DEMO_PATH + "?moderazione=1", CommentCookies.PENDING, pending);
        assertHeldInPlace(own, id);
        assertThat(own.text()).contains("Speriamo che apra anche il sabato.");
        assertThat(own.select("#comments-title").text()).isEqualTo("Nessun commento");
        HttpResponse<String> ownRaw = poster.getWithCookies(DEMO_PATH + "?moderazione=1", CommentCookies.PENDING, pending);
        assertThat(ownRaw.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        // nobody else sees it, on either address, and the public count and widget ignore it
        for (String path : List.of(DEMO_PATH, DEMO_PATH + "?moderazione=1", "/", DEMO_PATH + "?replytocom=" + id)) {
            HttpResponse<String> anon = poster.get(path);
            assertThat(anon.body()).as(path).doesNotContain("Speriamo che apra anche il sabato.")
                    .doesNotContain("comment-" + id + "\"").doesNotContain(PENDING_NOTE).doesNotContain("Giulia Ferri");
        }
        assertThat(CommentPublishingTest.card(poster.page("/")).select("a[href$=#comments]")).isEmpty();

        // approved: everyone sees it within a second, no longer marked
        assertThat(site.site().commentService.moderate(id, CommentService.Action.APPROVE)).isTrue();
        within(1_000, "the approved comment for everyone",
                () -> poster.page(DEMO_PATH).getElementById("comment-" + id) != null);
        Document pub = poster.page(DEMO_PATH);
        assertThat(pub.getElementById("comment-" + id).hasClass("comment-pending")).isFalse();
        assertThat(pub.text()).doesNotContain(PENDING_NOTE);
        assertThat(pub.select("#comments-title").text()).isEqualTo("1 commento");
        assertThat(pub.select(".recent-comments li").text()).startsWith("Giulia Ferri: «");
        within(1_000, "1 commento on the home page",
                () -> CommentPublishingTest.card(poster.page("/")).select("a[href$=#comments]").text().equals("1 commento"));
        Document ownAfter = poster.page(DEMO_PATH, CommentCookies.PENDING, pending);
        assertThat(ownAfter.select("#comment-" + id + " .comment-awaiting-moderation")).isEmpty();

        // the same email's next comment (after the 15 s flood interval) is published at once, from another network
        sleepUntil(firstPost.plus(CommentService.FLOOD_INTERVAL).plusMillis(500));
        HttpResponse<String> second = poster.form(articleId).author("Giulia Ferri").email("Giulia.Ferri@example.org")
                .from("10.20.30.40").text("Ci sono stata: tutto bene.").post();
        assertThat(second.statusCode()).as(second.body()).isEqualTo(303);
        long secondId = site.site().commentService.list(null, DEMO_SLUG).getFirst().id();
        assertThat(second.headers().firstValue("Location")).hasValue(DEMO_PATH + "#comment-" + secondId);
        assertThat(site.site().commentService.list(CommentStatus.APPROVED, DEMO_SLUG)).hasSize(2);
        within(1_000, "the second comment for everyone",
                () -> poster.page(DEMO_PATH).getElementById("comment-" + secondId) != null);
        assertThat(poster.page(DEMO_PATH).select("#comments-title").text()).isEqualTo("2 commenti");
    }

    @Test
    void theAuthorSeesTheHeldCommentEvenWhereThePageIsCached() {
        assertThat(poster.page(DEMO_PATH).select("li.comment")).isEmpty(); // now in the page cache
        assertThat(poster.page(DEMO_PATH + "?moderazione=1").select("li.comment")).isEmpty(); // this one too
        HttpResponse<String> r = poster.form(articleId).author("Giulia Ferri").email("giulia.ferri@example.org")
                .text("Speriamo che apra anche il sabato.").post();
        assertThat(r.statusCode()).isEqualTo(303);
        String pending = CommentPoster.cookie(r, CommentCookies.PENDING).orElseThrow();
        long id = site.site().commentService.list(null, DEMO_SLUG).getFirst().id();

        for (String path : List.of(DEMO_PATH + "?moderazione=1", DEMO_PATH)) {
            HttpResponse<String> own = poster.getWithCookies(path, CommentCookies.PENDING, pending);
            assertThat(own.statusCode()).isEqualTo(200);
            assertThat(own.headers().firstValue("Cache-Control").orElse("")).as(path + " is personal").contains("no-store");
            assertHeldInPlace(poster.page(path, CommentCookies.PENDING, pending), id);
        }
    }

    @Test
    void aTamperedOrForeignPendingCookieShowsNothing() {
        HttpResponse<String> r = poster.form(articleId).author("Giulia Ferri").email("giulia.ferri@example.org")
                .text("Speriamo che apra anche il sabato.").post();
        assertThat(r.statusCode()).isEqualTo(303);
        String pending = CommentPoster.cookie(r, CommentCookies.PENDING).orElseThrow();
        long id = site.site().commentService.list(null, DEMO_SLUG).getFirst().id();
        assertThat(pending).startsWith(id + ".");
        String signature = pending.substring(pending.indexOf('.') + 1);

        String flipped = pending.substring(0, pending.length() - 1) + (pending.endsWith("A") ? "B" : "A");
        String otherId = (id + 1) + "-" + id + "." + signature;
        String unsigned = String.valueOf(id);
        String wrongKey = new it.testata.web.Signer(new byte[32]).sign("pending-comments", String.valueOf(id));
        for (String bad : List.of(flipped, otherId, unsigned, wrongKey, id + ".", "." + signature)) {
            HttpResponse<String> page = poster.getWithCookies(DEMO_PATH + "?moderazione=1", CommentCookies.PENDING, bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(200);
            assertThat(page.body()).as(bad).doesNotContain("Speriamo che apra anche il sabato.")
                    .doesNotContain("id=\"comment-" + id + "\"");
        }
        // the genuine cookie still works (the test above is not vacuous)
        assertHeldInPlace(poster.page(DEMO_PATH + "?moderazione=1", CommentCookies.PENDING, pending), id);
    }

    @Test
    void inModeAllEveryCommentIsHeldEvenFromATrustedEmail() {
        site.site().settings.update(Map.of("comments.moderation", "all"));
        // a commenter already trusted: an approved comment written with this email a while ago
        long old = trustedCommentFrom("fidato@example.org");
        assertThat(poster.page(DEMO_PATH).getElementById("comment-" + old)).isNotNull();

        HttpResponse<String> r = poster.form(articleId).author("Fidato").email("fidato@example.org")
                .text("Di nuovo io.").post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(DEMO_PATH + "?moderazione=1#respond");
        CommentRecord newest = site.site().commentService.list(null, DEMO_SLUG).getFirst();
        assertThat(newest.id()).isNotEqualTo(old);
        assertThat(newest.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(poster.get(DEMO_PATH).body()).doesNotContain("Di nuovo io.");
        String pending = CommentPoster.cookie(r, CommentCookies.PENDING).orElseThrow();
        assertHeldInPlace(poster.page(DEMO_PATH + "?moderazione=1", CommentCookies.PENDING, pending), newest.id());

        HttpResponse<String> stranger = poster.form(articleId).author("Nuovo").email("nuovo@example.org")
                .from("10.9.9.9").text("Primo commento.").post();
        assertThat(stranger.headers().firstValue("Location")).hasValue(DEMO_PATH + "?moderazione=1#respond");
        assertThat(site.site().commentService.list(CommentStatus.PENDING, DEMO_SLUG)).hasSize(2);

    }

    /** An approved comment by this email, stored a minute ago (before any flood window). */
    long trustedCommentFrom(String email) {
        Instant at = Instant.now().minus(Duration.ofMinutes(1));
        long id = site.site().db.jdbi().withHandle(h -> CommentStore.insert(h, new NewComment(articleId, null,
                CommentStatus.APPROVED, "Fidato", email, "", "Un vecchio commento.", "<p>Un vecchio commento.</p>",
                "192.0.2.0/24", "test"), at));
        site.site().changes.notifyLocal(CommentService.publicTags(articleId));
        return id;
    }

    static void assertHeldInPlace(Document page, long id) {
        Element li = page.getElementById("comment-" + id);
        assertThat(li).as("the held comment in the thread").isNotNull();
        assertThat(li.tagName()).isEqualTo("li");
        assertThat(li.hasClass("comment-pending")).isTrue();
        assertThat(li.select(".comment-awaiting-moderation").text()).isEqualTo(PENDING_NOTE);
        assertThat(li.select(".comment-reply-link")).as("no reply to a held comment").isEmpty();
    }

    static void sleepUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) Thread.sleep(ms);
    }
}
