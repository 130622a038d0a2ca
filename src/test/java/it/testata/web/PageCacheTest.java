package it.testata.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache drops exactly the pages that show what changed. */
class PageCacheTest {
    static byte[] html(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChangeDropsOnlyThePagesTaggedWithWhatItTouched() {
        PageCache cache = new PageCache(() -> Long.MAX_VALUE);
        long g = cache.generation();
        cache.put("a", g, "text/html", html("A"), Set.of("article:1", "sidebar:articles"));
        cache.put("b", g, "text/html", html("B"), Set.of("article:2", "sidebar:articles"));
        cache.put("home", g, "text/html", html("H"), Set.of("lists", "sidebar:comments"));

        cache.invalidate(Set.of("article:1"));
        assertThat(cache.get("a")).isNull();
        assertThat(cache.get("b")).isNotNull();
        assertThat(cache.get("home")).isNotNull();

        cache.invalidate(Set.of("lists"));
        assertThat(cache.get("home")).isNull();
        assertThat(cache.get("b")).isNotNull();

        cache.invalidate(Set.of(PageCache.ALL));
        assertThat(cache.get("b")).isNull();
    }

    @Test
    void aTagWrittenSoonDropsItsPagesTogetherOnceTheLagEnds() throws InterruptedException {
        PageCache cache = new PageCache(() -> Long.MAX_VALUE).lag(400);
        long g = cache.generation();
        cache.put("article", g, "text/html", html("A"), Set.of("comments:1", "sidebar:comments"));
        cache.put("home", g, "text/html", html("H"), Set.of("lists", "sidebar:comments"));
        cache.put("other", g, "text/html", html("O"), Set.of("article:2", "sidebar:comments"));
        cache.put("about", g, "text/html", html("P"), Set.of("page:3"));

        // a comment appears on article 1: its page at once, the rest within the lag, in one drop
        cache.invalidate(Set.of("comments:1", "~sidebar:comments", "~lists"));
        assertThat(cache.get("article")).isNull();
        assertThat(cache.get("home")).isNotNull();
        assertThat(cache.get("other")).isNotNull();
        cache.invalidate(Set.of("comments:1", "~sidebar:comments", "~lists")); // a second one does not push it back
        Thread.sleep(500);
        assertThat(cache.get("home")).isNull();
        assertThat(cache.get("other")).isNull();
        assertThat(cache.get("about")).isNotNull();

        // with no lag a ~tag is a tag
        PageCache now = new PageCache(() -> Long.MAX_VALUE);
        now.put("home", now.generation(), "text/html", html("H"), Set.of("lists"));
        now.invalidate(Set.of("~lists"));
        assertThat(now.get("home")).isNull();
    }

    @Test
    void theCacheKeepsNoMoreBytesThanItsBoundHoweverManyPagesAreAskedFor() {
        long bound = 1 << 20;
        PageCache cache = new PageCache(() -> Long.MAX_VALUE, () -> html("token"), bound);
        byte[] page = html("<p>" + "x".repeat(60_000) + PageCache.HOLE + "y".repeat(40_000) + "</p>");
        for (int i = 0; i < 200; i++) cache.put("/article-" + i + "/", cache.generation(), "text/html", page, Set.of());
        assertThat(cache.bytes()).isPositive().isLessThanOrEqualTo(bound);
        assertThat(cache.size()).isBetween(1L, 10L); // about 100 KB a page: a handful, not 200
    }

    @Test
    void aPageRenderedBeforeAnInvalidationIsNotKept() {
        PageCache cache = new PageCache(() -> Long.MAX_VALUE);
        long renderedAt = cache.generation();
        cache.invalidate(Set.of("article:1")); // lands while the page was being rendered
        cache.put("a", renderedAt, "text/html", html("stale"), Set.of("article:1"));
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void aPageRenderedAcrossChangesToOtherPagesIsKept() {
        PageCache cache = new PageCache(() -> Long.MAX_VALUE).lag(60_000);
        long renderedAt = cache.generation();
        cache.invalidate(Set.of("comments:7")); // changes elsewhere land while article 1 is being rendered
        cache.invalidate(Set.of("article:8", "~lists"));
        cache.put("a", renderedAt, "text/html", html("fresh"), Set.of("article:1", "comments:1", "lists"));
        assertThat(cache.get("a")).isNotNull();

        long later = cache.generation();
        cache.invalidate(Set.of("comments:7"));
        cache.invalidate(Set.of(PageCache.ALL)); // the settings: every page
        cache.put("b", later, "text/html", html("old"), Set.of("article:2"));
        assertThat(cache.get("b")).isNull();
    }

    @Test
    void theCacheEmptiesItselfWhenAScheduledPublicationTimeArrives() throws InterruptedException {
        long publication = System.currentTimeMillis() + 300;
        PageCache cache = new PageCache(() -> System.currentTimeMillis() < publication ? publication : Long.MAX_VALUE);
        cache.get("warm-up"); // learns the next publication time
        cache.put("home", cache.generation(), "text/html", html("H"), Set.of("lists"));
        assertThat(cache.get("home")).isNotNull();
        Thread.sleep(400);
        assertThat(cache.get("home")).isNull();
    }

    @Test
    void bodiesAreCompressedOnceAndCarryAStableEtag() {
        PageCache cache = new PageCache(() -> Long.MAX_VALUE);
        PageCache.Page p1 = cache.put("a", cache.generation(), "text/html", html("x".repeat(5000)), Set.of());
        PageCache.Page p2 = cache.put("b", cache.generation(), "text/html", html("x".repeat(5000)), Set.of());
        assertThat(p1.gzip().length).isLessThan(p1.body().length / 10);
        assertThat(p1.etag()).isEqualTo(p2.etag()).matches("[0-9a-f]{24}");
    }
}
