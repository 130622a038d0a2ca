package it.testata.front;

import it.testata.menu.Menu;
import it.testata.menu.MenuItem;
import it.testata.menu.MenuService;
import it.testata.menu.MenuStore;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public side over real HTTP on the demo publication as ./testata serve loads it: the newspaper front page, the
 * menus in header and footer, the year archive, the article's extras and the recent comments' excerpts.
 */
class FrontPageTest {
    static final String ARTICLE = "/2026/11/24/il-vecchio-lanificio-diventa-un-museo-del-lavoro/";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithFullDemo();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    private static Document page(String path) {
        var r = site.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    @Test
    void theFrontPageHasALeadStoryWithItsPictureThenABlockPerSectionOfTheMenu() {
        Document d = page("/");
        Element lead = d.selectFirst(".lead-story");
        assertThat(lead.select(".lead-title a").text()).isEqualTo("Il vecchio lanificio diventa un museo del lavoro");
        Element img = lead.selectFirst("img.story-image");
        assertThat(img.attr("srcset")).matches("/media/[0-9a-f]{24}-600\\.jpg 600w, /media/[0-9a-f]{24}-1200\\.jpg 1200w");
        assertThat(img.attr("width")).isEqualTo("1200");
        assertThat(img.attr("height")).isEqualTo("675");
        assertThat(img.hasAttr("loading")).as("the lead picture is above the fold").isFalse();
        assertThat(site.getBytes(img.attr("src")).statusCode()).isEqualTo(200);
        assertThat(lead.select(".story-meta").text()).contains("min di lettura").contains("3 commenti");

        // one block per category of the primary menu, in the menu's order, each linked to its section
        var menu = d.select(".wide-nav > .menu > li > a").eachAttr("href");
        var blocks = d.select(".section-block .section-title a").eachAttr("href");
        assertThat(blocks).isNotEmpty().isEqualTo(menu.stream().filter(blocks::contains).toList());
        assertThat(d.select(".section-block img.story-image")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.attr("loading")).isEqualTo("lazy"));
        // comment counts only where there are comments
        assertThat(d.select("main").text()).doesNotContain("Nessun commento");
        assertThat(d.select(".latest .story-meta").text()).contains("1 commento");
    }

    @Test
    void theHeaderMenuIsANavLandmarkTwiceOverForWideAndNarrowScreensAndTheFooterHasItsOwn() {
        Document d = page("/privacy/");
        assertThat(d.select("header nav.wide-nav[aria-label=Sezioni] a").eachText())
                .contains("Cronaca", "Cultura", "Politica");
        assertThat(d.select("header details.nav-disclosure > summary").text()).isEqualTo("Menu");
        assertThat(d.select("header details.nav-disclosure nav a").eachText())
                .isEqualTo(d.select("header nav.wide-nav a").eachText());
        assertThat(d.select("footer nav.footer-nav[aria-label] a").eachAttr("href")).contains("/2026/", "/privacy/");
        assertThat(d.select("footer nav a[href=/privacy/]").attr("aria-current")).isEqualTo("page");
    }

    @Test
    void aMenuChangeShowsOnCachedPagesAtOnce() {
        assertThat(page("/privacy/").select("header nav.wide-nav a").eachText()).doesNotContain("Chi siamo");
        page("/privacy/"); // now cached
        MenuService menus = new MenuService(new MenuStore(site.site().db.jdbi()), site.site().changes);
        long id = menus.add(Menu.PRIMARY, MenuItem.LINK, "https://example.org/chi-siamo", "Chi siamo");
        try {
            assertThat(page("/privacy/").select("header nav.wide-nav a").eachText()).contains("Chi siamo");
        } finally {
            menus.move(Menu.PRIMARY, id, MenuService.Move.REMOVE);
        }
    }

    @Test
    void theYearArchiveListsThatYearsArticlesWithPages() {
        Document d = page("/2026/");
        assertThat(d.select("h1").text()).isEqualTo("Archivio: 2026");
        assertThat(d.select("main article.card")).hasSize(10);
        assertThat(d.select("a[rel=next]").attr("href")).isEqualTo("/2026/page/2/");
        assertThat(page("/2026/page/2/").select("main article.card")).hasSize(4);
        assertThat(site.get("/2026/page/3/").statusCode()).isEqualTo(404);
        assertThat(page("/2025/").select("main article.card")).isEmpty();
        assertThat(site.get("/2026").statusCode()).isEqualTo(301);
    }

    @Test
    void anArticleHasReadingTimeLeggiAncheAndShareLinksThatNeedNoScript() {
        Document d = page(ARTICLE);
        assertThat(d.select(".article-header .reading-time").text()).matches("[0-9]+ min di lettura");
        var related = d.select(".related a");
        assertThat(related).hasSizeBetween(1, 3);
        assertThat(related.eachAttr("href")).doesNotContain(ARTICLE).allMatch(h -> h.matches("/2026/\\d{2}/\\d{2}/[a-z0-9-]+/"));
        var share = d.select(".share a").eachAttr("href");
        assertThat(share).anyMatch(h -> h.startsWith("https://www.facebook.com/sharer/sharer.php?u=http"))
                .anyMatch(h -> h.startsWith("mailto:?subject="));
        assertThat(d.select(".share .copy-link").hasAttr("hidden")).as("the copy button waits for JavaScript").isTrue();
        assertThat(d.select("script[src]").eachAttr("src")).allMatch(s -> s.startsWith("/static/"));
        // the newsroom's reply in the demo thread carries its mark
        assertThat(d.select(".comment-staff .staff-badge").text()).isEqualTo("Redazione");
        assertThat(d.select(".comment:not(.comment-staff) > .comment-body .staff-badge")).isEmpty();
    }

    @Test
    void recentCommentsShowAuthorAndExcerptLinkedToTheComment() {
        Element first = page("/privacy/").selectFirst(".recent-comments li");
        assertThat(first.select("a").attr("href")).matches("/2026/\\d{2}/\\d{2}/[a-z0-9-]+/#comment-\\d+");
        assertThat(first.select("a").text()).startsWith("Redazione del Tessitore: «Grazie Carla");
        assertThat(first.select(".comment-on").text()).startsWith("su ");
    }

    @Test
    void theListLayoutMakesTheFrontPageTheLatestArticles() {
        site.site().settings.update(Map.of("design.layout", "list"));
        try {
            Document d = page("/");
            assertThat(d.select(".lead-story")).isEmpty();
            assertThat(d.select("main article.card")).hasSize(10);
        } finally {
            site.site().settings.update(Map.of("design.layout", "newspaper"));
        }
        assertThat(page("/").select(".lead-story")).hasSize(1);
    }
}
