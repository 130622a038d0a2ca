package it.testata.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * One feed being written with ROME: RSS 2.0 (RFC 822 dates, content:encoded, dc:creator) or Atom 1.0
 * (RFC 3339 dates). Every address in it is absolute.
 */
final class Feed {
    enum Format {
        RSS("rss_2.0", "application/rss+xml; charset=utf-8"),
        ATOM("atom_1.0", "application/atom+xml; charset=utf-8");

        final String rome;
        final String contentType;

        Format(String rome, String contentType) {
            this.rome = rome;
            this.contentType = contentType;
        }
    }

    /** One item: everything but the content may be shown in a reader's list. */
    record Item(String title, String link, String summary, String contentHtml, String author, Instant published,
                Instant updated, List<String> categories) {}

    private Feed() {}

    /**
     * @param link the page the feed follows (absolute); {@code self} the feed's own address (absolute)
     */
    static byte[] write(Format format, String title, String description, String link, String self, String language,
                        List<Item> items) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.rome);
        feed.setEncoding("UTF-8");
        feed.setTitle(title);
        feed.setDescription(description);
        feed.setLink(link);
        feed.setUri(self);
        feed.setLanguage(language);
        feed.setLinks(List.of(link("alternate", link, "text/html"), link("self", self, format.contentType.split(";")[0])));
        Instant newest = items.stream().map(i -> i.updated().isAfter(i.published()) ? i.updated() : i.published())
                .max(Instant::compareTo).orElse(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        feed.setPublishedDate(Date.from(newest));
        List<SyndEntry> entries = new ArrayList<>();
        for (Item i : items) entries.add(entry(i));
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the feed " + self, e);
        }
    }

    private static SyndEntry entry(Item i) {
        SyndEntry e = new SyndEntryImpl();
        e.setTitle(i.title());
        e.setLink(i.link());
        e.setUri(i.link());
        SyndPerson author = new SyndPersonImpl();
        author.setName(i.author());
        e.setAuthors(List.of(author));
        e.setAuthor(i.author());
        e.setPublishedDate(Date.from(i.published()));
        e.setUpdatedDate(Date.from(i.updated()));
        if (i.summary() != null && !i.summary().isBlank()) e.setDescription(content("text", i.summary()));
        e.setContents(List.of(content("html", i.contentHtml())));
        List<SyndCategory> categories = new ArrayList<>();
        for (String name : i.categories()) {
            SyndCategory c = new SyndCategoryImpl();
            c.setName(name);
            categories.add(c);
        }
        e.setCategories(categories);
        return e;
    }

    private static SyndContent content(String type, String value) {
        SyndContent c = new SyndContentImpl();
        c.setType(type);
        c.setValue(value);
        return c;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink l = new SyndLinkImpl();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }
}
