package it.testata.wordpress;

import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ./testata import-wxr on the export a real WordPress 6.1 wrote, checked in the database and over HTTP. */
class WxrImportTest {
    static final String SUMMARY = "imported posts=40 pages=3 comments=300 approved=265 pending=20 spam=0 trash=15 "
            + "authors=3 categories=11 tags=15 redirects=49";

    TestSite site;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        site = TestSite.startEmpty();
        // the fixture's comments are from 2024-2025: kept networks for ten years, so the hourly retention
        // housekeeping (privacy.ip_retention_days, default 60) cannot blank them in the middle of a test
        site.site().settings.update(java.util.Map.of("privacy.ip_retention_days", "3650"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    WxrImporter importer(HamLearner ham) {
        return new WxrImporter(site.site().db.jdbi(), site.site().changes, site.site().settings.current().zone(), ham);
    }

    long count(String sql) {
        return WxrFixture.count(site, sql);
    }

    @Test
    void importsExactlyWhatTheExportHolds() {
        Path file = WxrFixture.small();
        TestSite.Cli r = site.cli("import-wxr", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip().lines().toList().getLast()).isEqualTo(SUMMARY);

        assertThat(count("SELECT COUNT(*) FROM authors")).isEqualTo(3);
        // an export without nav_menu_item posts leaves the menus at their default (categories, pages)
        assertThat(count("SELECT COUNT(*) FROM menus")).isZero();
        assertThat(count("SELECT COUNT(*) FROM authors WHERE email = 'marta.cantu@example.org' AND name = 'Marta Cantù' AND slug = 'marta'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM categories")).isEqualTo(11);
        assertThat(count("SELECT COUNT(*) FROM categories WHERE parent_id IS NOT NULL")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM categories c JOIN categories p ON p.id = c.parent_id WHERE c.slug = 'cinema-teatro' "
                + "AND p.slug = 'cultura' AND c.name = 'Cinema & Teatro'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM tags")).isEqualTo(15);
        // posts: 32 published, 2 future -> scheduled, 2 draft + 2 pending + 2 private -> draft; 3 pages
        assertThat(count("SELECT COUNT(*) FROM articles WHERE kind = 'post' AND status = 'published'")).isEqualTo(32);
        assertThat(count("SELECT COUNT(*) FROM articles WHERE kind = 'post' AND status = 'scheduled'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM articles WHERE kind = 'post' AND status = 'draft'")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM articles WHERE kind = 'page' AND status = 'published'")).isEqualTo(3);
        // comments: 1 -> approved, 0 -> pending, trash; pingbacks and trackbacks kept as their own kind
        assertThat(count("SELECT COUNT(*) FROM comments")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE status = 'approved'")).isEqualTo(265);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE status = 'pending'")).isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE status = 'trash'")).isEqualTo(15);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE kind = 'pingback'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE kind = 'trackback'")).isEqualTo(1);
        // excerpts become standfirsts
        assertThat(count("SELECT COUNT(*) FROM articles WHERE standfirst <> ''")).isEqualTo(11);
        // IP addresses are kept as networks only, like the comment form keeps them
        assertThat(count("SELECT COUNT(*) FROM comments WHERE ip_net LIKE '%.0/24'")).isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE author_name = 'Gianni & Rita'")).isPositive();
    }

    @Test
    void threadsKeepTheirShapeAndClosedArticlesStayClosed() throws IOException {
        importer(HamLearner.NONE).importFile(WxrFixture.small(), false, WxrImporter.Progress.NONE);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE parent_id IS NOT NULL")).isEqualTo(113);
        // depth of every comment through its parents: 187 / 76 / 23 / 9 / 5
        Map<Long, Long> parent = new HashMap<>();
        site.site().db.jdbi().useHandle(h -> h.createQuery("SELECT id, parent_id FROM comments")
                .map((rs, ctx) -> {
                    long p = rs.getLong(2);
                    return Map.entry(rs.getLong(1), rs.wasNull() ? 0L : p);
                }).forEach(e -> parent.put(e.getKey(), e.getValue())));
        int[] perDepth = new int[6];
        for (long id : parent.keySet()) {
            int depth = 1;
            for (long p = parent.get(id); p != 0; p = parent.get(p)) depth++;
            perDepth[depth]++;
        }
        assertThat(perDepth).containsExactly(0, 187, 76, 23, 9, 5);
        // a reply belongs to its parent's article
        assertThat(count("SELECT COUNT(*) FROM comments k JOIN comments p ON p.id = k.parent_id WHERE p.article_id <> k.article_id")).isZero();

        // WordPress posts 8, 10, 18 (closed, with comments) and 19, 22, 23 (closed, none): closed here too
        List<Long> closedIds = site.site().db.jdbi().withHandle(h -> h.createQuery(
                "SELECT wp_id FROM articles WHERE comments_open = 0 AND kind = 'post' ORDER BY wp_id").mapTo(Long.class).list());
        assertThat(closedIds).containsExactly(8L, 10L, 18L, 19L, 22L, 23L);
        String closedPath = path(10);
        Document closed = Jsoup.parse(site.get(closedPath).body());
        assertThat(closed.select("form[action=/comments/]")).as("no comment form on a closed article").isEmpty();
        assertThat(closed.select("[id^=comment-]")).as("its comments are shown").isNotEmpty();
    }

    @Test
    void articlePagesShowTheThreadButNotPingbacks() throws IOException {
        importer(HamLearner.NONE).importFile(WxrFixture.small(), false, WxrImporter.Progress.NONE);
        long withPing = count("SELECT MIN(article_id) FROM comments WHERE kind <> 'comment' AND status = 'approved'");
        Document d = Jsoup.parse(site.get(path(count("SELECT wp_id FROM articles WHERE id = " + withPing))).body());
        long shown = count("SELECT COUNT(*) FROM comments WHERE article_id = " + withPing + " AND status = 'approved' AND kind = 'comment'");
        assertThat(d.select("li[id^=comment-], article[id^=comment-], div[id^=comment-]").size()).isEqualTo((int) shown);
        String pingAuthor = site.site().db.jdbi().withHandle(h -> h.createQuery(
                "SELECT author_name FROM comments WHERE kind <> 'comment' AND article_id = :a").bind("a", withPing).mapTo(String.class).first());
        assertThat(d.text()).doesNotContain(pingAuthor);
        // the block editor's and the classic editor's markup both read as paragraphs, captions as figures
        assertThat(count("SELECT COUNT(*) FROM articles WHERE body_html LIKE '%<!--%' OR body_html LIKE '%[caption%' OR body_html LIKE '%<iframe%'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM articles WHERE body_html LIKE '%<figcaption>%'")).isGreaterThanOrEqualTo(20);
        Document classic = Jsoup.parse(site.get(path(14)).body()); // classic content with a [caption]
        assertThat(classic.select(".article-body > p").size()).isGreaterThan(2);
        assertThat(classic.select(".article-body figure figcaption")).isNotEmpty();
    }

    @Test
    void oldAddressesRedirectAndPagesAreServed() throws IOException {
        importer(HamLearner.NONE).importFile(WxrFixture.small(), false, WxrImporter.Progress.NONE);
        // the permalink uses the local date: 00:30 on 1 January in Rome is still 31 December in UTC
        HttpResponse<String> post = site.get("/2025/01/01/il-primo-tuffo-dellanno-al-lago/");
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(post.body()).select("h1").text()).isEqualTo("Il primo tuffo dell’anno al lago".replace('’', '\''));
        assertRedirect("/?p=29", "/2025/01/01/il-primo-tuffo-dellanno-al-lago/");
        // pages: at /{slug}/, a child page under its parent's address as on WordPress, their ids, the address
        // without its slash
        assertThat(Jsoup.parse(site.get("/chi-siamo/").body()).select("h1").text()).isEqualTo("Chi siamo");
        assertThat(site.get("/contatti/").statusCode()).isEqualTo(200);
        assertRedirect("/?page_id=5", "/chi-siamo/la-redazione/");
        assertRedirect("/?p=5", "/chi-siamo/la-redazione/");
        assertRedirect("/contatti", "/contatti/");
        assertRedirect("/chi-siamo/la-redazione", "/chi-siamo/la-redazione/");
        Document child = Jsoup.parse(site.get("/chi-siamo/la-redazione/").body());
        assertThat(child.select(".article-body li")).hasSize(3);
        assertThat(child.select("link[rel=canonical]").attr("href")).endsWith("/chi-siamo/la-redazione/");
        assertThat(child.select(".page-parents a").attr("href")).isEqualTo("/chi-siamo/");
        assertThat(site.get("/la-redazione/").statusCode()).isEqualTo(404); // never an address on WordPress
        // pages are not in the lists, posts are not at /{slug}/
        // a page is in no list of articles (the footer menu links the pages: that is navigation, not a list)
        assertThat(Jsoup.parse(site.get("/").body()).select("main").text()).doesNotContain("La redazione");
        assertThat(site.get("/il-primo-tuffo-dellanno-al-lago/").statusCode()).isEqualTo(404);
        // slugs WordPress percent-encoded (an emoji, Greek letters) get a plain slug; the old address redirects
        String emoji = "/2024/05/18/le-dieci-pizzerie-del-quartiere-%f0%9f%8d%95-scelte-dai-lettori/";
        HttpResponse<String> moved = site.get(emoji);
        assertThat(moved.statusCode()).isEqualTo(301);
        String to = moved.headers().firstValue("Location").orElseThrow();
        assertThat(to).matches("/2024/05/18/le-dieci-pizzerie-del-quartiere-scelte-dai-lettori/");
        assertThat(site.get(to).statusCode()).isEqualTo(200);
        assertThat(site.get(emoji.toUpperCase().replace("/LE-DIECI-PIZZERIE-DEL-QUARTIERE-", "/le-dieci-pizzerie-del-quartiere-")
                .replace("-SCELTE-DAI-LETTORI/", "-scelte-dai-lettori/")).statusCode()).isEqualTo(301);
        assertThat(site.get("/2025/04/28/cronache-da-%ce%91%ce%b8%ce%ae%ce%bd%ce%b1-tre-giorni-tra-mercati-e-musei/").statusCode()).isEqualTo(301);
        // drafts, private and scheduled posts are not public: their short links are 404 like unknown ids
        long draft = count("SELECT MIN(wp_id) FROM articles WHERE status = 'draft'");
        long scheduled = count("SELECT MIN(wp_id) FROM articles WHERE status = 'scheduled'");
        assertThat(site.get("/?p=" + draft).statusCode()).isEqualTo(404);
        assertThat(site.get("/?p=" + scheduled).statusCode()).isEqualTo(404);
        assertThat(site.get("/?p=987654").statusCode()).isEqualTo(404);
        assertThat(site.get("/?p=abc").statusCode()).as("not a short link: the home page").isEqualTo(200);
    }

    @Test
    void importingAgainChangesNothingAndANewerExportUpdates() throws IOException {
        List<HamLearner.Ham> learned = new ArrayList<>();
        ImportSummary first = importer(learned::addAll).importFile(WxrFixture.small(), false, WxrImporter.Progress.NONE);
        assertThat(first.line()).isEqualTo(SUMMARY);
        assertThat(learned).as("the approved reader comments go to the spam filter as ham").hasSize(262);
        Map<String, List<String>> before = WxrFixture.dump(site);

        learned.clear();
        ImportSummary again = importer(learned::addAll).importFile(WxrFixture.small(), false, WxrImporter.Progress.NONE);
        assertThat(again.line()).isEqualTo(SUMMARY);
        assertThat(WxrFixture.dump(site)).isEqualTo(before);
        assertThat(learned).as("nothing new to learn").isEmpty();

        // a newer export: one title edited, one comment added
        String xml = WxrFixture.text(WxrFixture.small());
        String edited = xml.replace("<title><![CDATA[Chi siamo]]></title>", "<title><![CDATA[Chi siamo davvero]]></title>");
        int at = edited.indexOf("</item>", edited.indexOf("<wp:post_id>29</wp:post_id>"));
        edited = edited.substring(0, at) + """
                <wp:comment><wp:comment_id>99001</wp:comment_id><wp:comment_author><![CDATA[Nuova Lettrice]]></wp:comment_author>
                <wp:comment_author_email><![CDATA[nuova@example.com]]></wp:comment_author_email><wp:comment_author_url>javascript:alert(1)</wp:comment_author_url>
                <wp:comment_author_IP><![CDATA[2001:db8:abcd:12::1]]></wp:comment_author_IP>
                <wp:comment_date><![CDATA[2025-01-02 10:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2025-01-02 09:00:00]]></wp:comment_date_gmt>
                <wp:comment_content><![CDATA[Che bello!]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                <wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
                """ + edited.substring(at);
        Path newer = tmp.resolve("newer.xml");
        Files.writeString(newer, edited);
        importer(learned::addAll).importFile(newer, false, WxrImporter.Progress.NONE);
        assertThat(count("SELECT COUNT(*) FROM comments")).isEqualTo(301);
        assertThat(count("SELECT COUNT(*) FROM articles")).isEqualTo(43);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE ip_net = '2001:db8:abcd::/48' AND author_email = 'nuova@example.com'"
                + " AND author_url = ''")).as("a javascript: website is dropped").isEqualTo(1);
        assertThat(learned).extracting(HamLearner.Ham::author).containsExactly("Nuova Lettrice");
        assertThat(Jsoup.parse(site.get("/chi-siamo/").body()).select("h1").text()).isEqualTo("Chi siamo davvero");
        assertThat(Jsoup.parse(site.get("/2025/01/01/il-primo-tuffo-dellanno-al-lago/").body()).text()).contains("Che bello!");
    }

    @Test
    void dryRunCountsTheSameAndWritesNothing() {
        TestSite.Cli r = site.cli("import-wxr", "--dry-run", WxrFixture.small().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip().lines().toList().getLast()).isEqualTo(SUMMARY.replace("imported ", "would import "));
        for (String table : List.of("articles", "comments", "authors", "categories", "tags", "redirects")) {
            assertThat(count("SELECT COUNT(*) FROM " + table)).as(table).isZero();
        }
    }

    @Test
    void aTruncatedFileIsRefusedWithItsLineAndColumnAndChangesNothing() throws IOException {
        importer(HamLearner.NONE).importFile(WxrFixture.small(), false, WxrImporter.Progress.NONE);
        Map<String, List<String>> before = WxrFixture.dump(site);
        // the same export cut in the middle of an item, with one post edited before the cut
        String xml = WxrFixture.text(WxrFixture.small()).replace("<title><![CDATA[Chi siamo]]></title>",
                "<title><![CDATA[Cambiato]]></title>");
        Path cut = tmp.resolve("cut.xml");
        Files.writeString(cut, xml.substring(0, xml.length() * 2 / 3));
        TestSite.Cli r = site.cli("import-wxr", cut.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).matches("(?s)testata: .*cut\\.xml:\\d+:\\d+: .*nothing was imported.*");
        assertThat(r.out()).doesNotContain("imported posts");
        assertThat(WxrFixture.dump(site)).isEqualTo(before);

        Path notWxr = tmp.resolve("feed.xml");
        Files.writeString(notWxr, "<?xml version=\"1.0\"?>\n<html><body/></html>\n");
        TestSite.Cli other = site.cli("import-wxr", notWxr.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("feed.xml:2:").contains("not a WordPress export");
        assertThat(site.cli("import-wxr", tmp.resolve("missing.xml").toString()).exit()).isEqualTo(2);
    }

    @Test
    void noCommenterEmailAppearsOnAnyPublicPage() throws IOException {
        Path file = WxrFixture.small();
        importer(HamLearner.NONE).importFile(file, false, WxrImporter.Progress.NONE);
        List<String> emails = WxrFixture.commenterEmails(file);
        assertThat(emails).hasSizeGreaterThan(20);
        List<String> paths = new ArrayList<>(List.of("/", "/page/2/", "/page/3/", "/page/4/", "/chi-siamo/", "/chi-siamo/la-redazione/",
                "/contatti/", "/privacy/", "/feed/", "/comments/feed/", "/api/comments", "/?s=example"));
        site.site().db.jdbi().useHandle(h -> h.createQuery("SELECT wp_id FROM articles WHERE kind = 'post' AND status = 'published'")
                .mapTo(Long.class).forEach(id -> paths.add(path(id))));
        site.site().db.jdbi().useHandle(h -> {
            h.createQuery("SELECT slug FROM categories").mapTo(String.class).forEach(s -> paths.add("/category/" + s + "/"));
            h.createQuery("SELECT slug FROM tags").mapTo(String.class).forEach(s -> paths.add("/tag/" + s + "/"));
            h.createQuery("SELECT slug FROM authors").mapTo(String.class).forEach(s -> paths.add("/author/" + s + "/"));
        });
        int pagesWithComments = 0;
        for (String p : paths) {
            HttpResponse<String> r = site.get(p);
            String all = r.body() + r.headers().map();
            for (String email : emails) {
                assertThat(all.toLowerCase()).as(p + " must not show " + email).doesNotContain(email.toLowerCase())
                        .doesNotContain(email.toLowerCase().replace("@", "&#64;")).doesNotContain(email.toLowerCase().replace("@", "%40"));
            }
            if (r.statusCode() == 200 && r.body().contains("id=\"comment-")) pagesWithComments++;
        }
        assertThat(pagesWithComments).as("the comments are really on the pages checked").isGreaterThan(20);
    }

    /** The address of the article imported from this WordPress id. */
    String path(long wpId) {
        return site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT slug, published_at FROM articles WHERE wp_id = :id")
                .bind("id", wpId)
                .map((rs, ctx) -> it.testata.article.Article.path(rs.getString(1), java.time.Instant.ofEpochMilli(rs.getLong(2)),
                        site.site().settings.current().zone()))
                .one());
    }

    @Test
    void theCommandTeachesTheSpamFilterTheApprovedCommentsAsHam() throws IOException {
        TestSite.Cli run = site.cli("import-wxr", "--data", site.dataDir.toString(), WxrFixture.small().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        site.site().spam.refresh();
        assertThat(site.site().spam.learned()).isEqualTo(262);
        assertThat(site.site().commentService.list(it.testata.comment.CommentStatus.APPROVED, null))
                .filteredOn(c -> "ham".equals(c.learned())).hasSize(262);
        TestSite.Cli again = site.cli("import-wxr", "--data", site.dataDir.toString(), WxrFixture.small().toString());
        assertThat(again.exit()).as(again.err()).isZero();
        site.site().spam.refresh();
        assertThat(site.site().spam.learned()).as("importing again teaches nothing twice").isEqualTo(262);
    }

    void assertRedirect(String from, String to) {
        HttpResponse<String> r = site.get(from);
        assertThat(r.statusCode()).as(from).isEqualTo(301);
        assertThat(r.headers().firstValue("Location").orElse("")).as(from).isEqualTo(to);
    }
}
