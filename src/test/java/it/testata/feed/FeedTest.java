package it.testata.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import it.testata.article.Status;
import it.testata.support.Content;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every feed at its WordPress address, read by ROME and by feedparser, with only public content in it. */
class FeedTest {
    static final String ARTICLE = "/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/";
    static final List<String> FEEDS = List.of("/feed/", "/feed/atom/", "/comments/feed/", ARTICLE + "feed/",
            "/category/cronaca/feed/", "/tag/lavoro/feed/", "/author/giulia-bertolini/feed/");
    static final String SECRET_EMAIL = "lettrice.segreta@example.org";

    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        for (int i = 1; i <= 6; i++) {
            Content.article(site, "notizia-in-piu-" + i, "Notizia in più numero " + i, "Testo della notizia " + i + ".",
                    Status.PUBLISHED, Instant.parse("2026-09-0" + i + "T08:00:00Z"), "Luca Neri", "Cronaca", List.of("lavoro"));
        }
        Content.article(site, "bozza-riservata", "Bozza riservata da non pubblicare", "Non ancora.", Status.DRAFT,
                Instant.parse("2026-09-10T08:00:00Z"), "Giulia Bertolini", "Cronaca", List.of("lavoro"));
        Content.article(site, "articolo-del-futuro", "Articolo del futuro programmato", "Domani.", Status.PUBLISHED,
                Instant.now().plus(3, ChronoUnit.DAYS), "Giulia Bertolini", "Cronaca", List.of("lavoro"));
        Content.approvedComment(site, "l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito", "Maria Rossi",
                SECRET_EMAIL, "Finalmente uno sportello vicino a casa & <niente> di meno.");
        Content.approvedComment(site, "il-fiume-non-e-un-nemico", "Paolo Verdi", "paolo.segreto@example.org",
                "Sono d'accordo sul fiume.");
        Content.pendingComment(site, "il-fiume-non-e-un-nemico", "Spammer", "spam@example.org", "Commento in attesa da non mostrare");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static HttpResponse<byte[]> fetch(String path) {
        HttpResponse<byte[]> r = site.getBytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r;
    }

    @Test
    void everyFeedIsServedWithItsTypeAndReadByRomeWithNothingPrivateInIt() throws Exception {
        for (String path : FEEDS) {
            HttpResponse<byte[]> r = fetch(path);
            String type = r.headers().firstValue("Content-Type").orElse("");
            assertThat(type).as(path).startsWith(path.contains("atom") ? "application/atom+xml" : "application/rss+xml")
                    .contains("charset=utf-8");
            SyndFeed feed = FeedParsers.rome(r.body());
            assertThat(feed.getFeedType()).as(path).isEqualTo(path.contains("atom") ? "atom_1.0" : "rss_2.0");
            String xml = new String(r.body(), StandardCharsets.UTF_8);
            assertThat(xml).as(path).doesNotContain(SECRET_EMAIL).doesNotContain("paolo.segreto").doesNotContain("spam@example.org")
                    .doesNotContain("Bozza riservata").doesNotContain("Articolo del futuro").doesNotContain("Commento in attesa");
            for (SyndEntry e : feed.getEntries()) {
                assertThat(e.getLink()).as(path).startsWith(site.url("/"));
            }
        }
    }

    @Test
    void everyFeedPassesFeedparserWithoutTheBozoFlag() {
        for (String path : FEEDS) {
            FeedParsers.Verdict v = FeedParsers.feedparser(fetch(path).body());
            assertThat(v.bozo()).as(path + ": " + v.problem()).isFalse();
            assertThat(v.version()).as(path).isEqualTo(path.contains("atom") ? "atom10" : "rss20");
        }
        assertThat(FeedParsers.feedparser(fetch("/feed/").body()).entries()).isEqualTo(20);
    }

    @Test
    void theRssFeedHasTheLatestTwentyArticlesWithFullContentAuthorCategoryAndTags() throws Exception {
        HttpResponse<byte[]> r = fetch("/feed/");
        SyndFeed feed = FeedParsers.rome(r.body());
        assertThat(feed.getTitle()).isEqualTo("Il Tessitore");
        assertThat(feed.getLink()).isEqualTo(site.url("/"));
        assertThat(feed.getEntries()).hasSize(20);
        SyndEntry first = feed.getEntries().stream()
                .filter(e -> e.getTitle().equals("Il vecchio lanificio diventa un museo del lavoro")).findFirst().orElseThrow();
        assertThat(first.getLink()).isEqualTo(site.url("/2026/11/24/il-vecchio-lanificio-diventa-un-museo-del-lavoro/"));
        assertThat(first.getAuthor()).isEqualTo("Chiara Lo Presti");
        assertThat(first.getCategories()).extracting(SyndCategory::getName).contains("Cultura", "lavoro", "turismo");
        assertThat(first.getContents().getFirst().getValue()).contains("<h2>Il progetto</h2>")
                .contains("non soltanto di passato");
        String xml = new String(r.body(), StandardCharsets.UTF_8);
        // RFC 822 dates, as RSS 2.0 wants them
        assertThat(xml).contains("<pubDate>Tue, 24 Nov 2026 09:30:00 GMT</pubDate>");
        // the oldest demo articles fall off the twenty
        assertThat(xml).doesNotContain("Notizia in più numero 1<");
    }

    @Test
    void theAtomFeedHasRfc3339DatesIdsAndAuthors() throws Exception {
        HttpResponse<byte[]> r = fetch("/feed/atom/");
        String xml = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<published>2026-11-24T09:30:00Z</published>")
                .contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + site.url("/feed/atom/") + "\"");
        SyndFeed feed = FeedParsers.rome(r.body());
        assertThat(feed.getEntries()).hasSize(20);
        assertThat(feed.getEntries()).allSatisfy(e -> {
            assertThat(e.getUri()).startsWith(site.url("/"));
            assertThat(e.getAuthors()).isNotEmpty();
            assertThat(e.getUpdatedDate()).isNotNull();
        });
    }

    @Test
    void commentFeedsHoldApprovedCommentsWithTheirAuthorsAndNoEmail() throws Exception {
        SyndFeed all = FeedParsers.rome(fetch("/comments/feed/").body());
        assertThat(all.getEntries()).extracting(SyndEntry::getAuthor).contains("Paolo Verdi", "Maria Rossi")
                .doesNotContain("Spammer");
        SyndFeed one = FeedParsers.rome(fetch(ARTICLE + "feed/").body());
        assertThat(one.getTitle()).isEqualTo("Commenti a: L'agenzia per il lavoro apre uno sportello a San Vito");
        assertThat(one.getEntries()).hasSize(1);
        SyndEntry e = one.getEntries().getFirst();
        assertThat(e.getTitle()).isEqualTo("Commento su L'agenzia per il lavoro apre uno sportello a San Vito da Maria Rossi");
        assertThat(e.getLink()).startsWith(site.url(ARTICLE + "#comment-"));
        assertThat(e.getContents().getFirst().getValue()).contains("&amp; &lt;niente&gt;");
    }

    @Test
    void archiveFeedsHoldOnlyTheirArticles() throws Exception {
        SyndFeed category = FeedParsers.rome(fetch("/category/cronaca/feed/").body());
        assertThat(category.getTitle()).isEqualTo("Il Tessitore » Categoria: Cronaca");
        assertThat(category.getEntries()).isNotEmpty().allSatisfy(e ->
                assertThat(e.getCategories()).extracting(SyndCategory::getName).contains("Cronaca"));
        SyndFeed tag = FeedParsers.rome(fetch("/tag/lavoro/feed/").body());
        assertThat(tag.getEntries()).isNotEmpty().allSatisfy(e ->
                assertThat(e.getCategories()).extracting(SyndCategory::getName).contains("lavoro"));
        SyndFeed author = FeedParsers.rome(fetch("/author/giulia-bertolini/feed/").body());
        assertThat(author.getEntries()).isNotEmpty().allSatisfy(e -> assertThat(e.getAuthor()).isEqualTo("Giulia Bertolini"));
        assertThat(site.get("/category/nessuna/feed/").statusCode()).isEqualTo(404);
        assertThat(site.get("/2026/10/23/nessun-articolo/feed/").statusCode()).isEqualTo(404);
        assertThat(site.get("/2026/10/23/bozza-riservata/feed/").statusCode()).isEqualTo(404);
        assertThat(site.get("/feed").statusCode()).isEqualTo(301);
        assertThat(site.get("/feed").headers().firstValue("Location")).hasValue("/feed/");
    }

    @Test
    void feedsAnswerRevalidationWith304AndChangeWhenAnArticleIsPublished() throws Exception {
        HttpResponse<byte[]> first = fetch("/feed/");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(site.getBytes("/feed/", "If-None-Match", etag).statusCode()).isEqualTo(304);
        Content.article(site, "appena-uscito", "Appena uscito dalla redazione", "Nuovo.", Status.PUBLISHED,
                Instant.now().minusSeconds(5), "Luca Neri", "Cronaca", List.of());
        HttpResponse<byte[]> after = site.getBytes("/feed/", "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(FeedParsers.rome(after.body()).getEntries().getFirst().getTitle()).isEqualTo("Appena uscito dalla redazione");
    }

    @Test
    void commentFeedsFollowANewApprovedCommentAndCachedFeedsKeepTheirType() throws Exception {
        String path = "/2026/11/20/il-fiume-non-e-un-nemico/feed/";
        fetch(path);
        fetch("/comments/feed/"); // both cached now
        HttpResponse<byte[]> cached = fetch(path);
        assertThat(cached.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        assertThat(cached.headers().firstValue("ETag")).isPresent();
        Content.approvedComment(site, "il-fiume-non-e-un-nemico", "Anna Bianchi", "anna.segreta@example.org", "Nuovo commento sul fiume.");
        assertThat(FeedParsers.rome(fetch(path).body()).getEntries()).extracting(SyndEntry::getAuthor).contains("Anna Bianchi");
        // the site's comment feed, like every page other than the article's, follows within the cache's lag
        long until = System.currentTimeMillis() + TestSite.CACHE_LAG_MS + 1_000;
        String newest;
        do {
            newest = FeedParsers.rome(fetch("/comments/feed/").body()).getEntries().getFirst().getAuthor();
        } while (!newest.equals("Anna Bianchi") && System.currentTimeMillis() < until && pause(50));
        assertThat(newest).isEqualTo("Anna Bianchi");
        assertThat(new String(fetch("/comments/feed/").body(), StandardCharsets.UTF_8)).doesNotContain("anna.segreta");
    }

    static boolean pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    @Test
    void pagesAnnounceTheirFeedsInTheHead() {
        Document home = Jsoup.parse(site.get("/").body());
        assertThat(home.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
                .contains(site.url("/feed/"), site.url("/comments/feed/"));
        assertThat(home.select("link[rel=alternate][type=application/atom+xml]").attr("href")).isEqualTo(site.url("/feed/atom/"));
        Document article = Jsoup.parse(site.get(ARTICLE).body());
        assertThat(article.select("link[rel=alternate]").eachAttr("href")).contains(site.url(ARTICLE + "feed/"));
        Document category = Jsoup.parse(site.get("/category/cronaca/").body());
        assertThat(category.select("link[rel=alternate]").eachAttr("href")).contains(site.url("/category/cronaca/feed/"));
    }

    @Test
    void addressesUseTheConfiguredBaseUrl() throws Exception {
        site.site().settings.update(Map.of("base_url", "https://www.iltessitore.example"));
        try {
            SyndFeed feed = FeedParsers.rome(fetch("/feed/").body());
            assertThat(feed.getLink()).isEqualTo("https://www.iltessitore.example/");
            assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getLink()).startsWith("https://www.iltessitore.example/"));
        } finally {
            site.site().settings.update(Map.of("base_url", ""));
        }
    }
}
