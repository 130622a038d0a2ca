package it.testata.sitemap;

import it.testata.article.Status;
import it.testata.support.Content;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /sitemap.xml and the sitemaps it names, read by a namespace-aware XML parser; /robots.txt pointing to it. */
class SitemapTest {
    static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        Content.article(site, "bozza-nascosta", "Bozza nascosta", "x", Status.DRAFT, Instant.parse("2026-09-10T08:00:00Z"),
                "Autrice Segreta", "Categoria Segreta", List.of("etichetta-segreta"));
        Content.article(site, "uscira-domani", "Uscirà domani", "x", Status.PUBLISHED, Instant.now().plus(1, ChronoUnit.DAYS),
                "Autore Futuro", "Categoria Futura", List.of("etichetta-futura"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    record Loc(String loc, String lastmod) {}

    /** The root element's name and its entries (loc and lastmod), after checking type and namespace. */
    static List<Loc> read(String path, String root, String entry) throws Exception {
        HttpResponse<byte[]> r = site.getBytes(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body())).getDocumentElement();
        assertThat(doc.getNamespaceURI()).isEqualTo(NS);
        assertThat(doc.getLocalName()).isEqualTo(root);
        List<Loc> out = new ArrayList<>();
        NodeList entries = doc.getElementsByTagNameNS(NS, entry);
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            NodeList lastmod = e.getElementsByTagNameNS(NS, "lastmod");
            out.add(new Loc(e.getElementsByTagNameNS(NS, "loc").item(0).getTextContent(),
                    lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent()));
        }
        return out;
    }

    static String path(String url) {
        assertThat(url).startsWith(site.url("/"));
        return url.substring(site.url("").length());
    }

    @Test
    void theIndexNamesOneSitemapPerKindAndEachListsOnlyPublicAddressesThatAnswer() throws Exception {
        List<Loc> maps = read("/sitemap.xml", "sitemapindex", "sitemap");
        assertThat(maps).extracting(Loc::loc).containsExactly(site.url("/sitemaps/articles-1.xml"),
                site.url("/sitemaps/categories.xml"), site.url("/sitemaps/tags.xml"), site.url("/sitemaps/authors.xml"));
        List<String> all = new ArrayList<>();
        for (Loc m : maps) {
            assertThat(m.lastmod()).isNotNull();
            OffsetDateTime.parse(m.lastmod()); // W3C datetime
            for (Loc u : read(path(m.loc()), "urlset", "url")) {
                all.add(u.loc());
                assertThat(site.get(path(u.loc())).statusCode()).as(u.loc()).isEqualTo(200);
            }
        }
        assertThat(all).contains(site.url("/2026/11/24/il-vecchio-lanificio-diventa-un-museo-del-lavoro/"),
                site.url("/category/cronaca/"), site.url("/tag/lavoro/"), site.url("/author/giulia-bertolini/"));
        assertThat(String.join(" ", all)).doesNotContain("bozza-nascosta").doesNotContain("uscira-domani")
                .doesNotContain("segret").doesNotContain("futur");
    }

    @Test
    void theArticlesSitemapHasEveryPublicArticleWithItsLastModification() throws Exception {
        List<Loc> articles = read("/sitemaps/articles-1.xml", "urlset", "url");
        int publicArticles = site.site().articles.list(it.testata.article.ArticleQuery.all(), 1).orElseThrow().total();
        assertThat(articles).hasSize(publicArticles);
        Loc first = articles.getFirst();
        assertThat(first.loc()).isEqualTo(site.url("/2026/11/24/il-vecchio-lanificio-diventa-un-museo-del-lavoro/"));
        // the demo was loaded just now: its last edit is later than its publication date
        assertThat(OffsetDateTime.parse(first.lastmod()).toInstant()).isAfter(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(site.get("/sitemaps/articles-2.xml").statusCode()).isEqualTo(404);
        assertThat(site.get("/sitemaps/pages.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void robotsTxtPointsToTheSitemapAtTheBaseUrl() {
        HttpResponse<String> r = site.get("/robots.txt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).contains("User-agent: *").contains("Sitemap: " + site.url("/sitemap.xml"));
        site.site().settings.update(Map.of("base_url", "https://www.iltessitore.example/"));
        try {
            assertThat(site.get("/robots.txt").body()).contains("Sitemap: https://www.iltessitore.example/sitemap.xml");
        } finally {
            site.site().settings.update(Map.of("base_url", ""));
        }
    }

    // --- cluster2 ---
    static List<String> slugs(List<SitemapStore.Entry> entries) {
        return entries.stream().map(SitemapStore.Entry::slug).toList();
    }

    @Test
    void articlePartsHoldAFixedRangeOfIdsAndKeepWhatTheyListAsTheSiteGrows() {
        SitemapStore store = new SitemapStore(site.site().db.jdbi());
        int size = 3; // the rule at a size the demo fills several times over (the site uses 1,000)
        Instant now = Instant.now();
        List<SitemapStore.Part> parts = store.parts(now, size);
        assertThat(parts.size()).isGreaterThan(2);
        List<String> listed = new ArrayList<>();
        Map<Integer, List<String>> before = new java.util.HashMap<>();
        for (SitemapStore.Part p : parts) {
            List<SitemapStore.Entry> entries = store.articles(now, p.number(), size);
            assertThat(entries).as("part " + p.number()).isNotEmpty().hasSizeLessThanOrEqualTo(size);
            assertThat(p.lastModified()).isEqualTo(entries.stream().map(SitemapStore.Entry::lastModified)
                    .max(Instant::compareTo).orElseThrow());
            listed.addAll(slugs(entries));
            before.put(p.number(), slugs(entries));
        }
        // together the parts list every public address once: those of one part as big as the whole site
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(slugs(store.articles(now, 1, 1_000_000)));

        Content.article(site, "arrivato-dopo", "Arrivato dopo", "x", Status.PUBLISHED, Instant.parse("2020-01-07T08:00:00Z"),
                "Giulia Bertolini", "Cronaca", List.of());
        Instant later = Instant.now();
        List<SitemapStore.Part> grown = store.parts(later, size);
        int last = parts.getLast().number();
        for (SitemapStore.Part p : parts) {
            if (p.number() < last) assertThat(slugs(store.articles(later, p.number(), size))).isEqualTo(before.get(p.number()));
        }
        SitemapStore.Part holding = grown.stream().filter(p -> slugs(store.articles(later, p.number(), size))
                .contains("arrivato-dopo")).findFirst().orElseThrow();
        assertThat(holding.number()).isGreaterThanOrEqualTo(last);
    }
}
