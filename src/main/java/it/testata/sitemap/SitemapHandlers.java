package it.testata.sitemap;

import io.javalin.http.Context;
import it.testata.article.Article;
import it.testata.web.LayoutService;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /sitemap.xml (an index), the sitemaps it names under /sitemaps/ (articles in parts of at most {@value #PART}: part
 * n lists the public articles with ids from (n - 1) * PART + 1 to n * PART, so a part costs the same on any site and
 * keeps its addresses as the site grows; categories, tags, authors: public content only) and /robots.txt pointing to
 * the index.
 */
public final class SitemapHandlers {
    static final int PART = 1_000;
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XML = "application/xml; charset=utf-8";
    private static final Pattern ARTICLES = Pattern.compile("articles-([1-9][0-9]{0,5})\\.xml");
    private static final List<String> TERMS = List.of("category", "tag", "author");

    private final SitemapStore store;
    private final LayoutService layouts;
    private final Renderer renderer;

    public SitemapHandlers(SitemapStore store, LayoutService layouts, Renderer renderer) {
        this.store = store;
        this.layouts = layouts;
        this.renderer = renderer;
    }

    private record Url(String loc, Instant lastModified) {}

    /** GET /robots.txt */
    public void robots(Context ctx) {
        long generation = renderer.generation();
        String body = "User-agent: *\nDisallow: /search/\nDisallow: /?s=\n\nSitemap: " + layouts.baseUrl(ctx) + "/sitemap.xml\n";
        renderer.publicBody(ctx, generation, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8),
                List.of("robots"));
    }

    /** GET /sitemap.xml: the index of the sitemaps. */
    public void index(Context ctx) {
        long generation = renderer.generation();
        String base = layouts.baseUrl(ctx);
        Instant now = Instant.now();
        List<Url> maps = new ArrayList<>();
        List<SitemapStore.Part> parts = store.parts(now, PART);
        for (SitemapStore.Part p : parts) maps.add(new Url(base + "/sitemaps/articles-" + p.number() + ".xml", p.lastModified()));
        if (parts.isEmpty()) maps.add(new Url(base + "/sitemaps/articles-1.xml", null)); // a site with nothing public yet
        for (String kind : TERMS) {
            maps.add(new Url(base + "/sitemaps/" + plural(kind) + ".xml", newest(store.terms(kind, now))));
        }
        send(ctx, generation, write("sitemapindex", "sitemap", maps));
    }

    /** GET /sitemaps/{name}: articles-N.xml, categories.xml, tags.xml, authors.xml */
    public void sitemap(Context ctx) {
        long generation = renderer.generation();
        String name = ctx.pathParam("name");
        String base = layouts.baseUrl(ctx);
        ZoneId zone = layouts.site().zone();
        Instant now = Instant.now();
        Matcher m = ARTICLES.matcher(name);
        List<Url> urls;
        if (m.matches()) {
            int part = Integer.parseInt(m.group(1));
            urls = urls(store.articles(now, part, PART), e -> base + (e.pagePath() != null ? e.pagePath() : Article.path(e.slug(), e.published(), zone)));
            if (urls.isEmpty() && part > 1) throw new NotFound(); // part 1 answers even empty: the index always names it
        } else {
            String kind = TERMS.stream().filter(k -> name.equals(plural(k) + ".xml")).findFirst().orElseThrow(NotFound::new);
            urls = urls(store.terms(kind, now), e -> base + "/" + kind + "/" + e.slug() + "/");
        }
        send(ctx, generation, write("urlset", "url", urls));
    }

    private static Instant newest(List<SitemapStore.Entry> entries) {
        return entries.stream().map(SitemapStore.Entry::lastModified).max(Instant::compareTo).orElse(null);
    }

    private static List<Url> urls(List<SitemapStore.Entry> entries, Function<SitemapStore.Entry, String> loc) {
        return entries.stream().map(e -> new Url(loc.apply(e), e.lastModified())).toList();
    }

    private static String plural(String kind) {
        return "category".equals(kind) ? "categories" : kind + "s";
    }

    private void send(Context ctx, long generation, byte[] body) {
        renderer.publicBody(ctx, generation, XML, body, List.of("lists"));
    }

    private byte[] write(String root, String element, List<Url> urls) {
        ZoneId zone = layouts.site().zone();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement(root);
            w.writeDefaultNamespace(NS);
            for (Url u : urls) {
                w.writeCharacters("\n");
                w.writeStartElement(element);
                w.writeStartElement("loc");
                w.writeCharacters(u.loc());
                w.writeEndElement();
                if (u.lastModified() != null) {
                    w.writeStartElement("lastmod");
                    w.writeCharacters(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            u.lastModified().truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime()));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a sitemap", e);
        }
        return out.toByteArray();
    }
}
