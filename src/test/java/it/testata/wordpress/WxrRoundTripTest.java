package it.testata.wordpress;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./testata export-wxr, then that file imported into an empty site: the same articles, pages, addresses,
 * comments, statuses and threads.
 */
class WxrRoundTripTest {
    TestSite first;
    TestSite second;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        first = TestSite.startEmpty();
        second = TestSite.startEmpty();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void anExportImportedIntoAnEmptySiteReproducesIt() throws IOException {
        Path source = WxrFixture.small();
        new WxrImporter(first.site().db.jdbi(), first.site().changes, first.site().settings.current().zone(), HamLearner.NONE)
                .importFile(source, false, WxrImporter.Progress.NONE);

        Path exported = tmp.resolve("export.xml");
        TestSite.Cli r = first.cli("export-wxr", exported.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("exported posts=40 pages=3 comments=300");
        String xml = Files.readString(exported);
        assertThat(xml).contains("<wp:wxr_version>1.2</wp:wxr_version>").contains("xmlns:wp=\"http://wordpress.org/export/1.2/\"");

        TestSite.Cli in = second.cli("import-wxr", exported.toString());
        assertThat(in.exit()).as(in.err()).isZero();
        assertThat(in.out().strip().lines().toList().getLast()).isEqualTo("imported posts=40 pages=3 comments=300 approved=265 "
                + "pending=20 spam=0 trash=15 authors=3 categories=11 tags=15 redirects=47");

        for (String query : List.of(
                // articles and pages: address parts, texts, statuses, dates, comment switch, category, tags
                """
                SELECT a.kind, a.slug, a.title, a.standfirst, a.body_html, a.status, a.published_at, a.updated_at,
                       a.comments_open, au.slug AS author, au.name AS author_name, au.email AS author_email, c.slug AS category,
                       (SELECT COUNT(*) FROM article_tags x WHERE x.article_id = a.id) AS tags
                FROM articles a JOIN authors au ON au.id = a.author_id LEFT JOIN categories c ON c.id = a.category_id
                ORDER BY a.kind, a.slug""",
                "SELECT a.slug, t.slug AS tag, t.name FROM article_tags x JOIN articles a ON a.id = x.article_id JOIN tags t ON t.id = x.tag_id ORDER BY 1, 2",
                "SELECT c.slug, c.name, c.description, p.slug AS parent FROM categories c LEFT JOIN categories p ON p.id = c.parent_id ORDER BY 1",
                // comments: where, who, when, status, kind, text, network, and the comment each one answers
                """
                SELECT a.slug, k.kind, k.status, k.author_name, k.author_email, k.author_url, k.body_html, k.created_at,
                       k.ip_net, p.author_name AS parent_author, p.created_at AS parent_at
                FROM comments k JOIN articles a ON a.id = k.article_id LEFT JOIN comments p ON p.id = k.parent_id
                ORDER BY a.slug, k.created_at, k.author_name, k.body_html""")) {
            assertThat(rows(second, query)).as(query).containsExactlyInAnyOrderElementsOf(rows(first, query));
        }

        // the same addresses answer on both sites
        it.testata.page.PageTree pages = it.testata.page.PageStore.tree(first.site().db.jdbi());
        List<String> paths = first.site().db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT slug, kind, published_at, id FROM articles WHERE status = 'published' ORDER BY id")
                .map((rs, ctx) -> "page".equals(rs.getString(2)) ? pages.path(rs.getLong(4))
                        : it.testata.article.Article.path(rs.getString(1), java.time.Instant.ofEpochMilli(rs.getLong(3)),
                        first.site().settings.current().zone()))
                .list());
        assertThat(paths).hasSize(35);
        for (String p : paths) {
            assertThat(second.get(p).statusCode()).as(p).isEqualTo(200);
            assertThat(commentIds(second, p)).as(p).hasSize(commentIds(first, p).size());
        }
    }

    static List<String> rows(TestSite site, String sql) {
        return site.site().db.jdbi().withHandle(h -> h.createQuery(sql).mapToMap().list().stream()
                .map(m -> new java.util.TreeMap<>(m).toString()).toList());
    }

    static List<String> commentIds(TestSite site, String path) {
        return org.jsoup.Jsoup.parse(site.get(path).body()).select("[id^=comment-]").eachAttr("id");
    }
}
