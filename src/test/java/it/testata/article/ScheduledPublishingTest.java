package it.testata.article;

import it.testata.Site;
import it.testata.db.Leases;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled article becomes public when its time comes with no request at all (the scheduler thread of a
 * serving site), exactly once among several servers on one database, and also when its time passed while no
 * server ran.
 */
class ScheduledPublishingTest {
    /** The promise: public within 30 seconds of its time. */
    static final Duration PROMISE = Duration.ofSeconds(30);
    final List<TestSite> sites = new ArrayList<>();

    @AfterEach
    void stop() {
        for (int i = sites.size() - 1; i >= 0; i--) sites.get(i).close();
    }

    static ArticleDraft scheduled(String slug, Instant at) {
        return new ArticleDraft(slug, "Programmato " + slug, "", "Testo.", Status.SCHEDULED, at, "Luca Neri", "Cronaca",
                List.of("agenda"));
    }

    /**
     * A scheduled article whose time has already passed: saved for the future (a past schedule is refused), then moved
     * back, as the clock would.
     */
    static long overdue(Site site, String slug, Instant at) {
        long id = site.articles.create(scheduled(slug, Instant.now().plusSeconds(3600)), null).id();
        site.db.jdbi().useHandle(h -> h.createUpdate("UPDATE articles SET published_at = :at WHERE id = :id")
                .bind("at", at.toEpochMilli()).bind("id", id).execute());
        return id;
    }

    static Status status(TestSite s, long id) {
        return s.site().articles.article(id).orElseThrow().status();
    }

    static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aScheduledArticleIsPublicByItsTimeWithoutAnyRequestAndCachedListsShowIt() throws Exception {
        TestSite site = TestSite.startEmpty();
        sites.add(site);
        site.site().articles.save(new ArticleDraft("prima", "Articolo già uscito", "", "Testo.", Status.PUBLISHED,
                Instant.now().minusSeconds(3600), "Luca Neri", null, List.of()), null);
        Instant at = Instant.now().plusSeconds(5); // room for the checks below on a busy machine
        long id = site.site().articles.create(scheduled("alle-dieci", at), null).id();
        String path = Article.path("alle-dieci", at, site.site().settings.current().zone());
        assertThat(site.get(path).statusCode()).isEqualTo(404);
        assertThat(site.get("/").body()).doesNotContain("Programmato alle-dieci"); // cached without it
        assertThat(site.get("/tag/agenda/").body()).doesNotContain("Programmato alle-dieci");

        // no request until it is published: the server does it by itself
        assertThat(within(Duration.ofSeconds(5).plus(PROMISE), () -> status(site, id) == Status.PUBLISHED)).isTrue();
        // the scheduler counts just after its commit: on a busy machine the row can be seen first
        assertThat(within(Duration.ofSeconds(5), () -> site.site().scheduler().published() == 1)).isTrue();
        assertThat(site.get(path).statusCode()).isEqualTo(200);
        assertThat(site.get("/").body()).contains("Programmato alle-dieci"); // the cached front page was dropped
        assertThat(site.get("/tag/agenda/").body()).contains("Programmato alle-dieci");
    }

    @Test
    void withTwoServersOnOneDatabaseExactlyOnePublishesEachArticle() throws Exception {
        TestSite a = TestSite.startEmpty();
        sites.add(a);
        TestSite b = TestSite.sharing(a).start(false);
        sites.add(b);
        Instant at = Instant.now().plusSeconds(1);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(a.site().articles.create(scheduled("doppio-" + i, at), null).id());

        assertThat(within(Duration.ofSeconds(1).plus(PROMISE),
                () -> ids.stream().allMatch(id -> status(a, id) == Status.PUBLISHED))).isTrue();
        Thread.sleep(500); // let a second publisher, if there were one, show itself
        assertThat(a.site().scheduler().published() + b.site().scheduler().published()).isEqualTo(3);
        for (long id : ids) {
            int events = a.site().db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM changes WHERE ' ' || tags || ' ' LIKE :tag")
                    .bind("tag", "% article:" + id + " %").mapTo(Integer.class).one());
            assertThat(events).as("changes naming article " + id).isEqualTo(2); // its creation and its one publication
        }
        // and the server that did not publish dropped its cached pages too (it follows the change log)
        assertThat(b.get("/").body()).contains("Programmato doppio-0");
    }

    @Test
    void theFlipIsAtomicEvenWhenTwoServersActAtOnce() throws Exception {
        TestSite a = TestSite.startEmpty();
        sites.add(a);
        TestSite b = TestSite.sharing(a).start(false);
        sites.add(b);
        a.site().scheduler().close(); // the threads stop: this test publishes by hand
        b.site().scheduler().close();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(overdue(a.site(), "corsa-" + i, Instant.now().minusSeconds(60)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> tasks = List.of(
                    () -> a.site().articles.publishDue(Instant.now()), () -> b.site().articles.publishDue(Instant.now()),
                    () -> a.site().articles.publishDue(Instant.now()), () -> b.site().articles.publishDue(Instant.now()));
            List<Long> published = new ArrayList<>();
            for (Future<List<Long>> f : pool.invokeAll(tasks)) published.addAll(f.get());
            assertThat(published).containsExactlyInAnyOrderElementsOf(ids); // each once, none twice
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeaseIsHeldByOneHolderUntilReleasedOrExpired() {
        TestSite a = TestSite.startEmpty();
        sites.add(a);
        a.site().scheduler().close();
        Leases leases = new Leases(a.site().db.jdbi());
        assertThat(leases.take("scheduler", "one", Duration.ofMinutes(1))).isTrue();
        assertThat(leases.take("scheduler", "two", Duration.ofMinutes(1))).isFalse();
        assertThat(leases.take("scheduler", "one", Duration.ofMinutes(1))).isTrue(); // renewed
        leases.release("scheduler", "two"); // not its lease: nothing happens
        assertThat(leases.take("scheduler", "two", Duration.ofMinutes(1))).isFalse();
        leases.release("scheduler", "one");
        assertThat(leases.take("scheduler", "two", Duration.ofMillis(500))).isTrue();
        assertThat(leases.take("scheduler", "one", Duration.ofMinutes(1))).isFalse();
        long expired = System.currentTimeMillis() + 600;
        while (System.currentTimeMillis() < expired) Thread.onSpinWait();
        assertThat(leases.take("scheduler", "one", Duration.ofMinutes(1))).isTrue(); // two's lease ran out
    }

    @Test
    void aScheduleMissedWhileNoServerRanPublishesAtTheNextStart() throws Exception {
        TestSite site = TestSite.startEmpty();
        sites.add(site);
        site.stop();
        long id;
        try (Site offline = Site.open(site.config)) { // e.g. set by a command while the server was down
            id = overdue(offline, "mentre-era-spento", Instant.now().minusSeconds(3600));
            assertThat(offline.articles.article(id).orElseThrow().status()).isEqualTo(Status.SCHEDULED);
        }
        site.start(false);
        assertThat(within(Duration.ofSeconds(10), () -> status(site, id) == Status.PUBLISHED)).isTrue();
        assertThat(site.get("/").body()).contains("Programmato mentre-era-spento");
    }
}
