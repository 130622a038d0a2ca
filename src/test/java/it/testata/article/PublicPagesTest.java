package it.testata.article;

import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader gets from the demo publication over real HTTP. */
class PublicPagesTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void homeListsTheLatestTenArticlesWithTheirDetails() {
        // the list front page (the newspaper one has its own test, front/FrontPageTest)
        site.site().settings.update(java.util.Map.of("design.layout", "list"));
        try {
            homeList();
        } finally {
            site.site().settings.update(java.util.Map.of("design.layout", "newspaper"));
        }
    }

    private void homeList() {
        HttpResponse<String> r = site.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("html").attr("lang")).isEqualTo("it");
        assertThat(d.select(".site-name").text()).isEqualTo("Il Tessitore");
        assertThat(d.select(".tagline").text()).isNotBlank();
        assertThat(d.select("main article.card")).hasSize(10);
        var first = d.selectFirst("main article.card");
        assertThat(first.select("h2 a").text()).isEqualTo("Il vecchio lanificio diventa un museo del lavoro");
        assertThat(first.select(".standfirst").text()).isNotBlank();
        assertThat(first.select(".byline a[href^=/author/]").text()).isEqualTo("Chiara Lo Presti");
        assertThat(first.select(".byline time").text()).isEqualTo("24 novembre 2026");
        assertThat(first.select(".byline").text()).doesNotContain("comment"); // no count without comments
        assertThat(d.select("a[rel=next]").attr("href")).isEqualTo("/page/2/");
    }

    @Test
    void secondPageHoldsTheRestAndAThirdDoesNotExist() {
        Document d = Jsoup.parse(site.get("/page/2/").body());
        assertThat(d.select("main article.card")).hasSize(4); // 14 published, the draft is not public
        assertThat(d.select("a[rel=prev]").attr("href")).isEqualTo("/");
        assertThat(site.get("/page/3/").statusCode()).isEqualTo(404);
        assertThat(site.get("/page/1/").statusCode()).isEqualTo(404);
    }

    @Test
    void articlePageShowsTitleStandfirstBylineDateTaxonomyAndBody() {
        HttpResponse<String> r = site.get("/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/");
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("h1")).hasSize(1);
        assertThat(d.select("h1").text()).isEqualTo("L'agenzia per il lavoro apre uno sportello a San Vito");
        assertThat(d.select(".article-header .standfirst").text()).startsWith("Dal 2 novembre");
        assertThat(d.select(".byline a[rel=author]").attr("href")).isEqualTo("/author/giulia-bertolini/");
        assertThat(d.select(".byline time").text()).isEqualTo("23 ottobre 2026");
        assertThat(d.select(".byline time").attr("datetime")).isEqualTo("2026-10-23T09:00+02:00");
        assertThat(d.select(".kicker a").attr("href")).isEqualTo("/category/cronaca/");
        assertThat(d.select(".tags a").eachText()).containsExactly("lavoro", "piccoli comuni");
        assertThat(d.select(".article-body p").size()).isGreaterThan(2);
        assertThat(d.select("link[rel=canonical]").attr("href"))
                .isEqualTo(site.url("/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/"));
        assertThat(d.select("#comments")).hasSize(1);
    }

    @Test
    void sidebarHasRecentArticlesCommentsSocialLinksAndSearch() {
        Document d = Jsoup.parse(site.get("/").body());
        assertThat(d.select("#w-recent-articles").text()).isEqualTo("Articoli recenti");
        assertThat(d.select(".recent-articles li")).hasSize(5);
        assertThat(d.select("#w-recent-comments").text()).isEqualTo("Commenti recenti");
        assertThat(d.select("#w-social").text()).isEqualTo("Social media");
        assertThat(d.select(".social a").eachText())
                .containsExactly("Facebook", "X", "Telegram", "YouTube", "Instagram", "Mastodon", "RSS");
        assertThat(d.select("form[role=search]").attr("method")).isEqualTo("get");
        assertThat(d.select("form[role=search] input[name=s]")).hasSize(1);
        assertThat(d.select("label[for=s]")).hasSize(1);
    }

    @Test
    void archivesListTheirArticles() {
        Document cat = Jsoup.parse(site.get("/category/opinioni/").body());
        assertThat(cat.select("h1").text()).isEqualTo("Categoria: Opinioni");
        assertThat(cat.select("main article.card")).hasSize(3);

        Document tag = Jsoup.parse(site.get("/tag/piccoli-comuni/").body());
        assertThat(tag.select("h1").text()).isEqualTo("Tag: piccoli comuni");
        assertThat(tag.select("main article.card")).hasSize(5);

        Document author = Jsoup.parse(site.get("/author/davide-sanna/").body());
        assertThat(author.select("h1").text()).isEqualTo("Articoli di Davide Sanna");
        assertThat(author.select("main article.card")).hasSize(3); // the fourth is a draft

        Document month = Jsoup.parse(site.get("/2026/09/").body());
        assertThat(month.select("h1").text()).isEqualTo("Archivio: Settembre 2026");
        assertThat(month.select("main article.card")).hasSize(2);

        assertThat(site.get("/category/nessuna/").statusCode()).isEqualTo(404);
        assertThat(site.get("/2026/13/").statusCode()).isEqualTo(404);
    }

    @Test
    void addressesWithoutTheTrailingSlashRedirectPermanently() {
        HttpResponse<String> r = site.get("/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/");
        assertThat(site.get("/category/cronaca").headers().firstValue("Location")).hasValue("/category/cronaca/");
        // a long crafted address (3,000 dashes) is judged like any other: before, the check overflowed the stack (a 500)
        String crafted = "/" + "a-".repeat(3000) + "a";
        assertThat(site.get(crafted).statusCode()).isEqualTo(301);
        assertThat(site.get(crafted + "/x").statusCode()).isEqualTo(404);
    }

    @Test
    void draftsAreNowhere() {
        String slug = "cosa-chiediamo-al-nuovo-ospedale-di-comunita";
        assertThat(site.get("/2026/11/25/" + slug + "/").statusCode()).isEqualTo(404);
        for (String page : new String[]{"/", "/page/2/", "/category/opinioni/", "/author/davide-sanna/", "/2026/11/"}) {
            assertThat(site.get(page).body()).doesNotContain(slug);
        }
    }

    @Test
    void unknownAddressesGetA404InTheSiteStyleWithoutInternals() {
        HttpResponse<String> r = site.get("/non/esiste/affatto");
        assertThat(r.statusCode()).isEqualTo(404);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("h1").text()).isEqualTo("Pagina non trovata");
        assertThat(d.select(".site-name").text()).isEqualTo("Il Tessitore");
        assertThat(r.body()).doesNotContain("Exception", "at it.testata", "NotFound");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : new String[]{"/", "/nope", "/healthz", "/category/cronaca"}) {
            HttpResponse<String> r = site.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("frame-ancestors 'self'");
            assertThat(csp).doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
        }
    }

    @Test
    void healthAnswersWhenTheDatabaseDoes() {
        assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
    }
}
