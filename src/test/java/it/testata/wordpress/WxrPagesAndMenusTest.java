package it.testata.wordpress;

import it.testata.menu.Menu;
import it.testata.menu.MenuService;
import it.testata.menu.MenuStore;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WordPress page tree and menus (src/test/resources/wordpress/wxr-pages-menus.xml): pages keep their nested
 * addresses, a tree deeper than ours is cut, a site imported flat before redirects to the nested addresses,
 * nav_menu_item posts become our primary and footer menus in their order, and the export writes wp:post_parent and
 * the menus back.
 */
class WxrPagesAndMenusTest {
    TestSite site;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        site = TestSite.startEmpty();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    void importHere() throws Exception {
        new WxrImporter(site.site().db.jdbi(), site.site().changes, site.site().settings.current().zone(), HamLearner.NONE)
                .importFile(fixture(), false, WxrImporter.Progress.NONE);
    }

    Path fixture() throws Exception {
        return Path.of(WxrPagesAndMenusTest.class.getResource("/wordpress/wxr-pages-menus.xml").toURI());
    }

    @Test
    void pagesKeepTheirNestedAddressesAndMenusTheirOrder() throws Exception {
        TestSite.Cli r = site.cli("import-wxr", fixture().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip().lines().toList().getLast()).startsWith("imported posts=2 pages=6 ").endsWith(" menu_items=12");

        // pages at WordPress's addresses; the fourth level goes under the third level's parent (three levels here)
        assertThat(h1("/chi-siamo/")).isEqualTo("Chi siamo");
        assertThat(h1("/chi-siamo/la-redazione/")).isEqualTo("La redazione");
        assertThat(h1("/chi-siamo/la-redazione/roma/")).isEqualTo("Roma");
        assertThat(h1("/chi-siamo/la-redazione/turni/")).isEqualTo("Turni");
        assertRedirect("/chi-siamo/la-redazione/roma/turni/", "/chi-siamo/la-redazione/turni/");
        assertRedirect("/?page_id=13", "/chi-siamo/la-redazione/turni/");
        assertRedirect("/?page_id=12", "/chi-siamo/la-redazione/roma/");
        assertThat(site.get("/roma/").statusCode()).isEqualTo(404);
        assertThat(site.get("/chi-siamo/roma/").statusCode()).isEqualTo(404);
        Document roma = Jsoup.parse(site.get("/chi-siamo/la-redazione/roma/").body());
        assertThat(roma.select(".page-parents a").eachAttr("href")).containsExactly("/chi-siamo/", "/chi-siamo/la-redazione/");
        assertThat(roma.select("link[rel=canonical]").attr("href")).endsWith("/chi-siamo/la-redazione/roma/");
        // the sitemap lists the pages at their addresses
        String sitemap = site.get("/sitemaps/articles-1.xml").body();
        assertThat(sitemap).contains("/chi-siamo/la-redazione/roma/</loc>").doesNotContain("/2024/06/01/roma/");

        // menus: by name the "principale" one is primary and the "piede" one the footer; WordPress's order; deeper
        // entries under their top-level ancestor; an entry with no address here ("#") left out, its child in its place
        MenuService menus = new MenuService(new MenuStore(site.site().db.jdbi()), site.site().changes);
        Menu primary = menus.menu(Menu.PRIMARY);
        assertThat(primary.entries().stream().map(Menu.Entry::label).toList())
                .containsExactly("Cronaca", "Lo sport", "Chi siamo", "Abbonati", "La fiera del formaggio", "Estate");
        assertThat(primary.entries().stream().map(Menu.Entry::href).toList()).containsExactly("/category/cronaca/",
                "/category/sport/", "/chi-siamo/", "https://abbonamenti.example/borgo", "/2024/06/01/la-fiera-del-formaggio/",
                "/tag/estate/");
        Menu.Entry about = primary.entries().get(2);
        assertThat(about.children().stream().map(c -> c.label() + " " + c.href()).toList())
                .containsExactly("La redazione /chi-siamo/la-redazione/", "Roma /chi-siamo/la-redazione/roma/");
        Menu footer = menus.menu(Menu.FOOTER);
        assertThat(footer.entries().stream().map(e -> e.label() + " " + e.href()).toList())
                .containsExactly("Contatti /contatti-borgo/", "Privacy /privacy/");
        // and every page shows them
        Document home = Jsoup.parse(site.get("/").body());
        assertThat(home.select("header nav a[href=/chi-siamo/la-redazione/roma/]")).isNotEmpty();
        assertThat(home.select("footer nav a[href=/contatti-borgo/]")).isNotEmpty();
        for (String href : home.select("header nav a, footer nav a").eachAttr("href")) {
            if (href.startsWith("/")) assertThat(site.get(href).statusCode()).as(href).isEqualTo(200);
        }
    }

    @Test
    void aSiteImportedFlatBeforeRedirectsToTheNestedAddressesAfterAReimport() throws Exception {
        importHere();
        // as an import before parent pages left it: every page at /{slug}/
        site.site().changes.write((h, touched) -> {
            h.execute("UPDATE articles SET parent_id = NULL");
            touched.add(it.testata.web.PageCache.ALL);
            return null;
        });
        assertThat(h1("/la-redazione/")).isEqualTo("La redazione");
        assertRedirect("/chi-siamo/la-redazione/", "/la-redazione/");

        importHere();
        assertRedirect("/la-redazione/", "/chi-siamo/la-redazione/");
        assertRedirect("/roma/", "/chi-siamo/la-redazione/roma/");
        assertRedirect("/turni/", "/chi-siamo/la-redazione/turni/");
        assertThat(h1("/chi-siamo/la-redazione/")).isEqualTo("La redazione");
        // and importing the same file once more changes nothing
        List<String> before = WxrRoundTripTest.rows(site, "SELECT path, article_id FROM redirects ORDER BY path");
        importHere();
        assertThat(WxrRoundTripTest.rows(site, "SELECT path, article_id FROM redirects ORDER BY path")).isEqualTo(before);
    }

    @Test
    void theExportWritesTheParentsAndAnotherSiteRebuildsTheTree() throws Exception {
        importHere();
        Path exported = tmp.resolve("export.xml");
        TestSite.Cli out = site.cli("export-wxr", exported.toString());
        assertThat(out.exit()).as(out.err()).isZero();
        String xml = Files.readString(exported);
        long about = id("chi-siamo");
        assertThat(xml).contains("<wp:post_name><![CDATA[la-redazione]]></wp:post_name>")
                .contains("<wp:post_parent>" + about + "</wp:post_parent>")
                .contains("/chi-siamo/la-redazione/roma/</link>");

        try (TestSite other = TestSite.startEmpty()) {
            TestSite.Cli in = other.cli("import-wxr", exported.toString());
            assertThat(in.exit()).as(in.err()).isZero();
            String tree = """
                    SELECT a.slug, p.slug AS parent, g.slug AS grandparent FROM articles a
                    LEFT JOIN articles p ON p.id = a.parent_id LEFT JOIN articles g ON g.id = p.parent_id
                    WHERE a.kind = 'page' ORDER BY a.slug""";
            assertThat(WxrRoundTripTest.rows(other, tree)).isEqualTo(WxrRoundTripTest.rows(site, tree));
            assertThat(other.get("/chi-siamo/la-redazione/roma/").statusCode()).isEqualTo(200);
            assertThat(other.get("/chi-siamo/la-redazione/turni/").statusCode()).isEqualTo(200);
            // the menus come back as they were: entries, order, nesting, addresses
            for (String name : Menu.NAMES) assertThat(menuText(other, name)).as(name).isEqualTo(menuText(site, name));
            assertThat(menuText(other, Menu.PRIMARY)).contains("Abbonati https://abbonamenti.example/borgo", "Estate /tag/estate/");
        }
    }

    /** A menu as text: each entry's label and address, children indented. */
    static List<String> menuText(TestSite s, String name) {
        Menu m = new MenuService(new MenuStore(s.site().db.jdbi()), s.site().changes).menu(name);
        List<String> out = new java.util.ArrayList<>();
        for (Menu.Entry e : m.entries()) {
            out.add(e.label() + " " + e.href());
            for (var c : e.children()) out.add("  " + c.label() + " " + c.href());
        }
        return out;
    }

    long id(String slug) {
        return site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles WHERE slug = :s")
                .bind("s", slug).mapTo(Long.class).one());
    }

    String h1(String path) {
        HttpResponse<String> r = site.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body()).select("h1").text();
    }

    void assertRedirect(String from, String to) {
        HttpResponse<String> r = site.get(from);
        assertThat(r.statusCode()).as(from).isEqualTo(301);
        assertThat(r.headers().firstValue("Location").orElse("")).as(from).isEqualTo(to);
    }
}
