package it.testata.article;

import it.testata.account.Role;
import it.testata.support.ApiClient;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import it.testata.wordpress.HamLearner;
import it.testata.wordpress.WxrExporter;
import it.testata.wordpress.WxrImporter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password-protected articles and pages (WordPress's post password): imported from WXR, set in the editor and the
 * API, exported back; the page shows the title and a form until the right password sets the reader's cookie; never in
 * a list, feed, sitemap or search; wrong passwords throttled per article and network.
 */
class ProtectedArticleTest {
    static final String PATH = "/2024/03/05/verbale-riservato/";
    static final String SECRET_TEXT = "zafferano";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static TestSite site;
    static long articleId;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.startWithDemo();
        site.trustLoopbackProxy();
        Path file = Path.of(ProtectedArticleTest.class.getResource("/wordpress/wxr-harden.xml").toURI());
        new WxrImporter(site.site().db.jdbi(), site.site().changes, site.site().settings.current().zone(), HamLearner.NONE, true)
                .importFile(file, false, WxrImporter.Progress.NONE);
        articleId = site.site().articles.publicArticle("verbale-riservato").orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theLockedPageShowsTheTitleAndAPasswordFormOnly() {
        for (int i = 0; i < 2; i++) { // the second answer may come from the page cache
            HttpResponse<String> r = site.get(PATH);
            assertThat(r.statusCode()).isEqualTo(200);
            Document d = Jsoup.parse(r.body());
            assertThat(d.select("h1").text()).isEqualTo("Verbale riservato della giunta");
            assertThat(r.body()).doesNotContain(SECRET_TEXT).doesNotContain("riassunto riservatissimo")
                    .doesNotContain("Un commento riservato");
            assertThat(d.select("#commentform")).isEmpty();
            assertThat(d.select("form[action=/article-password/][method=post] input[type=password][name=post_password]")).hasSize(1);
            assertThat(d.select("label[for=post_password]").text()).isEqualTo("Password");
            assertThat(d.select("meta[property=og:description]").attr("content")).isEmpty();
            assertThat(d.select("meta[name=robots]").attr("content")).contains("noindex");
        }
        // WordPress's short link leads to the same locked page
        HttpResponse<String> shortLink = site.get("/?p=40");
        assertThat(shortLink.statusCode()).isEqualTo(301);
        assertThat(shortLink.headers().firstValue("Location")).hasValue(PATH);
        assertThat(site.get(PATH + "feed/").statusCode()).isEqualTo(404);
    }

    @Test
    void aProtectedArticleIsInNoListFeedSitemapOrSidebar() {
        String sitemap = site.get("/sitemap.xml").body();
        String parts = Jsoup.parse(sitemap, "", org.jsoup.parser.Parser.xmlParser()).select("loc").stream()
                .map(e -> site.get(URI.create(e.text()).getPath()).body()).collect(Collectors.joining("\n"));
        for (String page : List.of("/", "/feed/", "/feed/atom/", "/2024/03/", "/author/redazione/", "/author/redazione/feed/",
                "/comments/feed/")) {
            String body = site.get(page).body();
            assertThat(body).as(page).doesNotContain("verbale-riservato").doesNotContain("Un commento riservato");
        }
        assertThat(site.get("/2024/03/").body()).contains("/2024/03/06/la-sagra/"); // the unprotected one is listed
        assertThat(parts).contains("/2024/03/06/la-sagra/").doesNotContain("verbale-riservato").doesNotContain("area-soci");
    }

    @Test
    void theRightPasswordUnlocksForThatReaderOnlyAndTheCacheNeverServesTheUnlockedPage() throws Exception {
        HttpResponse<String> wrong = unlock(articleId, "sbagliata", null);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(wrong.body()).select("#article-password-error").text()).isEqualTo("La password non è giusta.");
        assertThat(wrong.body()).doesNotContain(SECRET_TEXT);

        HttpResponse<String> ok = unlock(articleId, "zafferano42", null);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue(PATH);
        String setCookie = ok.headers().allValues("Set-Cookie").stream()
                .filter(v -> v.startsWith(ArticlePasswords.COOKIE_PREFIX + articleId + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
        String cookie = setCookie.split(";", 2)[0];

        HttpResponse<String> unlocked = site.get(PATH, "Cookie", cookie);
        assertThat(unlocked.body()).contains(SECRET_TEXT).contains("Un commento riservato");
        assertThat(Jsoup.parse(unlocked.body()).select("#commentform")).hasSize(1);
        assertThat(unlocked.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(Jsoup.parse(unlocked.body()).select("meta[property=og:description]").attr("content")).isEmpty();
        // nobody else gets it, cached or not; a forged cookie unlocks nothing
        assertThat(site.get(PATH).body()).doesNotContain(SECRET_TEXT);
        assertThat(site.get(PATH, "Cookie", ArticlePasswords.COOKIE_PREFIX + articleId + "=abc.def").body()).doesNotContain(SECRET_TEXT);
        // a comment without the cookie is refused
        HttpResponse<String> comment = post("/comments/", Map.of("comment_post_ID", String.valueOf(articleId),
                "author", "Intruso", "email", "intruso@example.org", "comment", "Vorrei leggere"), null);
        assertThat(comment.statusCode()).isEqualTo(403);

        // over HTTPS (a trusted proxy says so) the cookie is Secure
        HttpResponse<String> secure = unlock(articleId, "zafferano42", "https");
        assertThat(secure.headers().allValues("Set-Cookie")).anyMatch(v -> v.contains("Secure"));
    }

    @Test
    void wrongPasswordsAreThrottledPerArticleAndNetwork() throws Exception {
        long page = site.site().articles.publicPage("area-soci").orElseThrow().id();
        List<Integer> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) codes.add(unlockFrom(page, "indovino" + i, "10.77.1." + i).statusCode());
        assertThat(codes).containsExactly(403, 403, 403, 403, 429, 429);
        HttpResponse<String> right = unlockFrom(page, "soci", "10.77.1.200");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        // another network is not held up, and a protected page opens like an article
        HttpResponse<String> other = unlockFrom(page, "soci", "10.77.2.1");
        assertThat(other.statusCode()).isEqualTo(303);
        assertThat(other.headers().firstValue("Location")).hasValue("/area-soci/");
        String cookie = other.headers().allValues("Set-Cookie").getFirst().split(";", 2)[0];
        assertThat(site.get("/area-soci/").body()).doesNotContain("melograno").contains("post_password");
        assertThat(site.get("/area-soci/", "Cookie", cookie).body()).contains("melograno");
    }

    @Test
    void thePasswordIsSetInTheEditorAndTheApiAndExportedBack() throws Exception {
        site.site().accounts.add("capo@example.org", "Carla Capo", Role.EDITOR, "correct horse battery".toCharArray());
        ApiClient api = new ApiClient(site, site.site().accounts.createToken("capo@example.org", "test"));
        var created = api.post("/api/v1/articles", Map.of("title", "Bilancio quadrimestrale", "status", "published",
                "body", "Il bilancio parla di pistacchiocorto e di conti."));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        awaitSearch("pistacchiocorto", true);
        var patched = api.patch("/api/v1/articles/" + id, Map.of("password", "conti"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("password").asText()).isEqualTo("conti");
        awaitSearch("pistacchiocorto", false);
        assertThat(site.get("/feed/").body()).doesNotContain("Bilancio quadrimestrale");
        assertThat(api.patch("/api/v1/articles/" + id, Map.of("password", 12)).status()).isEqualTo(422);

        StaffClient staff = StaffClient.signedIn(site, "capo@example.org", "correct horse battery");
        Document editor = staff.page("/admin/articles/" + id);
        assertThat(editor.select("#post_password").val()).isEqualTo("conti");
        Map<String, String> form = new LinkedHashMap<>();
        for (var input : editor.select("form.editor input[name], form.editor textarea[name], form.editor select[name]")) {
            if (input.attr("type").equals("file") || input.attr("type").equals("checkbox")) continue;
            if (input.attr("type").equals("radio") && !input.hasAttr("checked")) continue;
            String v = input.tagName().equals("select") ? input.select("option[selected]").val()
                    : input.tagName().equals("textarea") ? input.text() : input.val();
            form.put(input.attr("name"), v);
        }
        form.put("post_password", "");
        HttpResponse<String> saved = staff.postMultipart("/admin/articles/" + id, form, "image_file", "", "application/octet-stream", null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(site.site().articles.article(id).orElseThrow().password()).isNull();
        awaitSearch("pistacchiocorto", true);

        Path out = Files.createTempFile(site.dataDir, "export", ".xml");
        new WxrExporter(site.site().db.jdbi(), site.site().settings.current()).export(out);
        assertThat(Files.readString(out)).contains("<wp:post_password><![CDATA[zafferano42]]></wp:post_password>")
                .contains("<wp:post_password><![CDATA[soci]]></wp:post_password>");
    }

    private static void awaitSearch(String word, boolean found) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (site.get("/?s=" + word).body().contains("Bilancio quadrimestrale") != found) {
            if (System.nanoTime() > until) throw new AssertionError("search for " + word + " never " + (found ? "found" : "lost") + " it");
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> unlock(long id, String password, String proto) throws Exception {
        return post("/article-password/", Map.of("article", String.valueOf(id), "post_password", password), proto);
    }

    private static HttpResponse<String> unlockFrom(long id, String password, String ip) throws Exception {
        return send("/article-password/", Map.of("article", String.valueOf(id), "post_password", password), "X-Forwarded-For", ip);
    }

    private static HttpResponse<String> post(String path, Map<String, String> fields, String proto) throws Exception {
        return proto == null ? send(path, fields) : send(path, fields, "X-Forwarded-Proto", proto);
    }

    private static HttpResponse<String> send(String path, Map<String, String> fields, String... headers) throws Exception {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", site.url("").replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
