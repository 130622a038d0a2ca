package it.testata.comment;

import it.testata.support.TestSite;
import it.testata.web.Signer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What stands between the form and a bot: the honeypot, the signed form token (not before 3 s, not after a
 * day), flood control (one comment per 15 s per email or per network), and the same-origin check. A refused
 * bot is answered exactly like a held comment and nothing is stored.
 */
class CommentAbuseTest {
    static final String HELD_LOCATION = DEMO_PATH + "?moderazione=1#respond";
    static final String FLOOD = "Stai commentando troppo in fretta: attendi qualche secondo e invia di nuovo. Il tuo testo è ancora qui.";
    static final String STALE = "Il modulo era aperto da troppo tempo. Controlla il testo e invia di nuovo.";
    static final String CROSS_SITE = "Questo modulo può essere inviato solo da questo sito.";

    TestSite site;
    CommentPoster poster;
    long articleId;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo(); // moderation "first": a genuine first comment is held
        poster = new CommentPoster(site);
        articleId = CommentPoster.articleId(site, DEMO_SLUG);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aFilledHoneypotATooFastTokenAndAForgedTokenAreAnsweredLikeAHeldCommentAndStoreNothing() {
        HttpResponse<String> held = poster.form(articleId).author("Vera").email("vera@example.org").from("10.6.0.1")
                .text("Un commento vero.").post();
        assertThat(held.statusCode()).isEqualTo(303);
        assertThat(held.headers().firstValue("Location")).hasValue(HELD_LOCATION);
        assertThat(site.site().commentService.list(null, null)).hasSize(1);

        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 7);
        var bots = new java.util.LinkedHashMap<String, CommentPoster.Form>();
        bots.put("honeypot", poster.form(articleId).honeypot("http://spam.example/"));
        bots.put("too fast", poster.form(articleId).token(poster.token(Instant.now())));
        bots.put("1 s old", poster.form(articleId).token(poster.token(Instant.now().minusSeconds(1))));
        bots.put("another site's key", poster.form(articleId).token(new FormToken(new Signer(otherKey)).issue(Instant.now().minusSeconds(10))));
        bots.put("garbage", poster.form(articleId).token("not-a-token"));
        bots.put("empty token", poster.form(articleId).token(""));
        bots.put("no token", poster.form(articleId).without(CommentForm.TOKEN));
        bots.put("tampered time", poster.form(articleId).token(tamperedToken()));
        bots.put("pending cookie as token", poster.form(articleId).token(
                new Signer(site.site().settings.signingKey()).sign("pending-comments", "1")));
        int n = 0;
        for (var bot : bots.entrySet()) {
            n++;
            HttpResponse<String> r = bot.getValue().author("Bot " + n).email("bot" + n + "@example.org")
                    .from("10.6." + n + ".1").text("Compra ora " + n).post();
            assertSameShapeAsHeld(bot.getKey(), r, held);
        }
        assertThat(site.site().commentService.list(null, null)).as("only the genuine comment is stored").hasSize(1);
        assertThat(site.site().commentService.list(null, null).getFirst().authorName()).isEqualTo("Vera");
    }

    @Test
    void followingABotsRedirectShowsTheSameHeldNoticeAndNoComment() {
        HttpResponse<String> bot = poster.form(articleId).honeypot("x").text("Spam spam").post();
        String cookie = CommentPoster.cookie(bot, CommentCookies.PENDING).orElseThrow();
        Document page = poster.page(DEMO_PATH + "?moderazione=1", CommentCookies.PENDING, cookie);
        assertThat(page.select(".comment-awaiting-moderation.notice").text())
                .isEqualTo("Il tuo commento è in attesa di moderazione.");
        assertThat(page.text()).doesNotContain("Spam spam");
        assertThat(site.site().commentService.list(null, null)).isEmpty();
    }

    @Test
    void aDecoyCookieNeverRevealsSomeoneElsesPendingComment() {
        HttpResponse<String> bot = poster.form(articleId).honeypot("x").text("Spam").post();
        String cookie = CommentPoster.cookie(bot, CommentCookies.PENDING).orElseThrow();
        String listed = cookie.substring(0, cookie.lastIndexOf('.'));
        assertThat(listed).matches("-[0-9]+");
        long number = Long.parseLong(listed.substring(1));
        // another reader's comment, waiting for moderation, happens to have that number as its id
        site.site().db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO comments (id, article_id, status, author_name, author_email, body_raw, body_html, created_at)
                        VALUES (:id, :article, 'pending', 'Altra Persona', 'altra@example.org', 'Privato', '<p>Privato</p>', :at)""")
                .bind("id", number).bind("article", articleId).bind("at", Instant.now().toEpochMilli()).execute());
        HttpResponse<String> page = poster.getWithCookies(DEMO_PATH + "?moderazione=1", CommentCookies.PENDING, cookie);
        assertThat(page.body()).doesNotContain("Privato").doesNotContain("Altra Persona");
    }

    @Test
    void aTokenMoreThanADayOldIsRefused422WithTheTextKept() {
        String text = "Ho lasciato la scheda aperta\nper due giorni.";
        HttpResponse<String> r = poster.form(articleId).author("Lento").email("lento@example.org")
                .url("https://lento.example/").token(poster.token(Instant.now().minus(Duration.ofDays(2)))).text(text).post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("#respond .form-message").text()).isEqualTo(STALE);
        CommentValidationTest.assertFieldValues(page, "Lento", "lento@example.org", "https://lento.example/", text);
        assertThat(page.select("#commentform input[name=testata_form]").val()).isNotBlank();
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(site.site().commentService.list(null, null)).isEmpty();

        // a token 23 hours old is still good
        HttpResponse<String> ok = poster.form(articleId).author("Lento").email("lento@example.org")
                .token(poster.token(Instant.now().minus(Duration.ofHours(23)))).text(text).post();
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(site.site().commentService.list(null, null)).hasSize(1);
    }

    @Test
    void oneCommentPer15SecondsPerEmailOrPerNetworkOtherwise429WithTheTextKept() {
        HttpResponse<String> first = poster.form(articleId).author("Ada").email("ada@example.org").from("10.8.1.1")
                .text("Primo.").post();
        assertThat(first.statusCode()).isEqualTo(303);

        // same email, another network
        String text = "Secondo, subito dopo.\nCon due righe.";
        HttpResponse<String> sameEmail = poster.form(articleId).author("Ada").email("ADA@example.org").from("10.8.2.1")
                .url("https://ada.example/").text(text).post();
        assertFlood(sameEmail, "Ada", "ADA@example.org", "https://ada.example/", text);

        // same /24 network, another email
        HttpResponse<String> sameNet = poster.form(articleId).author("Bea").email("bea@example.org").from("10.8.1.200")
                .text("Dalla stessa rete.").post();
        assertFlood(sameNet, "Bea", "bea@example.org", "", "Dalla stessa rete.");

        // the plain loopback address is a network too
        assertThat(poster.form(articleId).author("Cleo").email("cleo@example.org").text("Da qui.").post().statusCode())
                .isEqualTo(303);
        assertFlood(poster.form(articleId).author("Dora").email("dora@example.org").text("Da qui anch'io.").post(),
                "Dora", "dora@example.org", "", "Da qui anch'io.");

        // anyone else is not held up
        HttpResponse<String> other = poster.form(articleId).author("Eva").email("eva@example.org").from("10.8.3.1")
                .text("Altrove.").post();
        assertThat(other.statusCode()).isEqualTo(303);
        assertThat(site.site().commentService.list(null, null)).extracting(CommentRecord::authorName)
                .containsExactlyInAnyOrder("Ada", "Cleo", "Eva");
    }

    @Test
    void simultaneousPostsWithOneEmailStoreOnlyOne() throws Exception {
        int n = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                CommentPoster.Form f = poster.form(articleId).author("Gemella " + i).email("gemelle@example.org")
                        .from("10.18." + i + ".1").text("Tutti insieme " + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return f.post();
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var a : answers) codes.add(a.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode());
            assertThat(codes).as(codes.toString()).containsOnly(303, 429);
            assertThat(codes.stream().filter(c -> c == 303).count()).as(codes.toString()).isEqualTo(1);
            assertThat(site.site().commentService.list(null, null)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFormSentFromAnotherSiteIsRefused403() {
        String own = poster.origin();
        for (String origin : List.of("https://evil.example", "http://evil.example", own.replace("127.0.0.1", "localhost"),
                own.substring(0, own.lastIndexOf(':')) + ":1")) {
            HttpResponse<String> r = poster.form(articleId).author("Eve").email("eve@example.org").origin(origin)
                    .text("Dall'esterno").post();
            assertThat(r.statusCode()).as(origin).isEqualTo(403);
            assertThat(Jsoup.parse(r.body()).text()).contains(CROSS_SITE);
            assertThat(CommentPoster.setCookie(r, CommentCookies.PENDING)).isEmpty();
        }
        HttpResponse<String> fetchMeta = poster.form(articleId).author("Eve").email("eve@example.org")
                .header("Sec-Fetch-Site", "cross-site").text("Dall'esterno").post();
        assertThat(fetchMeta.statusCode()).isEqualTo(403);
        assertThat(poster.form(articleId).author("Eve").email("eve@example.org")
                .header("Sec-Fetch-Site", "same-site").text("Da un sottodominio").post().statusCode()).isEqualTo(403);
        assertThat(site.site().commentService.list(null, null)).isEmpty();

        // the site's own origin (and a browser saying same-origin) goes through
        HttpResponse<String> ok = poster.form(articleId).author("Eve").email("eve@example.org")
                .header("Sec-Fetch-Site", "same-origin").text("Da qui").post();
        assertThat(ok.statusCode()).isEqualTo(303);
    }

    @Test
    void theTokenInTheServedPageWorksAfterThreeSecondsAndIsRefusedBefore() throws Exception {
        site.site().settings.update(java.util.Map.of("comments.moderation", "open"));
        poster.get(DEMO_PATH); // the page is in the cache now: what follows is served from it
        HttpResponse<String> served = poster.get(DEMO_PATH);
        assertThat(served.headers().firstValue("ETag")).isPresent();
        Document page = Jsoup.parse(served.body());
        assertThat(served.body()).doesNotContain(CommentViews.TOKEN_MARKER);
        String token = page.select("#commentform input[name=" + CommentForm.TOKEN + "]").val();
        assertThat(token).as("the form token in the cached page").isNotBlank();
        String another = Jsoup.parse(poster.get(DEMO_PATH).body())
                .select("#commentform input[name=" + CommentForm.TOKEN + "]").val();
        Instant servedAt = Instant.now();
        assertThat(another).as("every response carries a fresh token").isNotBlank().isNotEqualTo(token);

        // sent at once: a bot's speed, answered like a held comment, nothing stored
        HttpResponse<String> fast = poster.form(articleId).author("Rapido").email("rapido@example.org")
                .from("10.9.1.1").token(token).text("Subito!").post();
        assertThat(fast.statusCode()).isEqualTo(303);
        assertThat(fast.headers().firstValue("Location")).hasValue(HELD_LOCATION);
        assertThat(site.site().commentService.list(null, null)).isEmpty();

        // sent after more than three seconds, as a person would: published
        CommentModerationTest.sleepUntil(servedAt.plus(FormToken.MIN_AGE).plusMillis(300));
        HttpResponse<String> human = poster.form(articleId).author("Calmo").email("calmo@example.org")
                .from("10.9.2.1").token(another).text("Con calma.").post();
        assertThat(human.statusCode()).as(human.body()).isEqualTo(303);
        long id = site.site().commentService.list(null, null).getFirst().id();
        assertThat(human.headers().firstValue("Location")).hasValue(DEMO_PATH + "#comment-" + id);
    }

    /** A genuine token with its time changed: the signature no longer matches. */
    String tamperedToken() {
        String t = poster.token(Instant.now().minusSeconds(10));
        int dash = t.indexOf('-');
        long issued = Long.parseLong(t.substring(0, dash), 36);
        return Long.toString(issued - 60_000, 36) + t.substring(dash);
    }

    static void assertSameShapeAsHeld(String what, HttpResponse<String> bot, HttpResponse<String> held) {
        assertThat(bot.statusCode()).as(what).isEqualTo(303);
        assertThat(bot.headers().firstValue("Location")).as(what).isEqualTo(held.headers().firstValue("Location"));
        assertThat(cookieAttributes(bot)).as(what).isEqualTo(cookieAttributes(held));
        assertThat(CommentPoster.cookie(bot, CommentCookies.PENDING).orElseThrow()).as(what).matches("[-0-9]+\\.[A-Za-z0-9_-]+");
        assertThat(headerNames(bot)).as(what).isEqualTo(headerNames(held));
        assertThat(bot.body()).as(what).isEqualTo(held.body());
    }

    /** The pending cookie's attributes (Path, Max-Age, HttpOnly ...) without its value. */
    static Set<String> cookieAttributes(HttpResponse<?> r) {
        String line = CommentPoster.setCookie(r, CommentCookies.PENDING).orElseThrow();
        return Arrays.stream(line.split(";")).skip(1).map(String::trim)
                .filter(a -> !a.toLowerCase().startsWith("expires=")).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> headerNames(HttpResponse<?> r) {
        return r.headers().map().keySet().stream().map(String::toLowerCase)
                .filter(h -> !h.equals("date") && !h.equals(":status"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static void assertFlood(HttpResponse<String> r, String author, String email, String url, String text) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("h1").text()).isEqualTo(CommentPoster.DEMO_TITLE);
        assertThat(page.select("#respond .form-message").text()).isEqualTo(FLOOD);
        CommentValidationTest.assertFieldValues(page, author, email, url, text);
        assertThat(page.select("#commentform input[name=testata_form]").val()).isNotBlank();
    }
}
