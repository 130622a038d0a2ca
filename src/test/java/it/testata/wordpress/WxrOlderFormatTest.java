package it.testata.wordpress;

import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WXR 1.1 export (src/test/resources/wordpress/wxr-1.1.xml, written for this test): the older namespaces,
 * no wp:term, untyped comments, another permalink structure (/archives/12, found with or without a final slash),
 * an attachment to skip.
 */
class WxrOlderFormatTest {
    TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.create();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void importsAWxr11ExportAndRedirectsItsPermalinks() throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/wordpress/wxr-1.1.xml").toURI());
        ImportSummary s;
        // imported into the site before it serves: a serving site's housekeeping blanks networks older than
        // privacy.ip_retention_days (at most ten years; these comments are from 2012), which is not what this checks
        try (it.testata.Site offline = it.testata.Site.open(site.config)) {
            s = new WxrImporter(offline.db.jdbi(), offline.changes, offline.settings.current().zone(), HamLearner.NONE)
                    .importFile(file, false, WxrImporter.Progress.NONE);
            long networks = offline.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM comments WHERE ip_net = '2001:db8:77::/48'").mapTo(Long.class).one());
            assertThat(networks).as("the commenter's network, cut to its /48").isEqualTo(1L);
        }
        site.start(false);
        assertThat(s.line()).isEqualTo("imported posts=1 pages=1 comments=2 approved=2 pending=0 spam=0 trash=0 "
                + "authors=1 categories=2 tags=1 redirects=4");
        assertThat(s.skipped()).as("the attachment").isEqualTo(1);

        Document post = Jsoup.parse(site.get("/2012/10/07/vinto-il-derby/").body());
        assertThat(post.select(".byline a[rel=author]").attr("href")).isEqualTo("/author/admin/");
        assertThat(post.select(".byline").text()).contains("Anna Vecchi");
        assertThat(post.select(".kicker a").attr("href")).isEqualTo("/category/sport/");
        assertThat(post.select(".article-body p")).hasSize(2);
        assertThat(post.select(".article-body p").first().html()).isEqualTo("Una <strong>vittoria</strong> attesa.");
        assertThat(post.select(".article-body p").get(1).select("br")).as("a single newline is a line break").hasSize(1);
        assertThat(post.select("[id^=comment-] [id^=comment-]")).as("the reply sits inside its parent").hasSize(1);
        assertThat(post.text()).contains("Finalmente!").contains("Grazie a voi.").doesNotContain("tifoso@example.org");

        for (String old : new String[]{"/archives/12", "/archives/12/", "/?p=12"}) {
            HttpResponse<String> r = site.get(old);
            assertThat(r.statusCode()).as(old).isEqualTo(301);
            assertThat(r.headers().firstValue("Location").orElse("")).as(old).isEqualTo("/2012/10/07/vinto-il-derby/");
        }
        assertThat(site.get("/?page_id=2").headers().firstValue("Location")).hasValue("/chi-sono/");
        assertThat(Jsoup.parse(site.get("/chi-sono/").body()).select(".article-body").text()).isEqualTo("Scrivo di sport dal 2009.");
        assertThat(WxrFixture.count(site, "SELECT COUNT(*) FROM categories c JOIN categories p ON p.id = c.parent_id "
                + "WHERE c.slug = 'sport' AND p.slug = 'notizie'")).isEqualTo(1);
    }
}
