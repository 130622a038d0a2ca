package it.testata.web;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sidebar is read once and kept until a change that may alter it, or until the next publication time. */
class SidebarTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong(1_000);

    private Sidebar sidebar(long nextPublication) {
        return new Sidebar(zone -> {
            reads.incrementAndGet();
            return new Sidebar.Lists(List.of(), List.of());
        }, () -> nextPublication, clock::get);
    }

    @Test
    void readsOnceUntilATouchingChange() {
        Sidebar s = sidebar(Long.MAX_VALUE);
        for (int i = 0; i < 5; i++) s.lists(ROME);
        assertEquals(1, reads.get());
        s.onChange(Set.of("comments:4", "search:reindex"));
        s.lists(ROME);
        assertEquals(1, reads.get(), "a change the sidebar does not show keeps it");
        for (String tag : List.of("sidebar:comments", "sidebar:articles", "article:9", "lists", "settings", "menus")) {
            s.onChange(Set.of(tag));
            s.lists(ROME);
            s.lists(ROME);
        }
        assertEquals(7, reads.get(), "each touching change costs exactly one read");
        s.lists(ZoneId.of("UTC"));
        assertEquals(8, reads.get(), "another zone (other dates in the paths) reads again");
    }

    @Test
    void aScheduledPublicationDropsIt() {
        Sidebar s = sidebar(5_000);
        s.lists(ROME);
        clock.set(4_999);
        s.lists(ROME);
        assertEquals(1, reads.get());
        clock.set(5_000);
        s.lists(ROME);
        assertEquals(2, reads.get());
    }

    @Test
    void aChangeDuringTheReadIsNotLost() {
        Sidebar[] holder = new Sidebar[1];
        holder[0] = new Sidebar(zone -> {
            if (reads.incrementAndGet() == 1) holder[0].onChange(Set.of("sidebar:comments"));
            return new Sidebar.Lists(List.of(), List.of());
        }, () -> Long.MAX_VALUE, clock::get);
        holder[0].lists(ROME);
        holder[0].lists(ROME);
        assertEquals(2, reads.get(), "lists read while a change arrived are not kept");
        holder[0].lists(ROME);
        assertEquals(2, reads.get());
    }

    @Test
    void rendersThatNeedTheListsWhileTheyAreReadWaitForThatReadInsteadOfReadingAgain() throws Exception {
        var reading = new java.util.concurrent.CountDownLatch(1);
        var goOn = new java.util.concurrent.CountDownLatch(1);
        Sidebar s = new Sidebar(zone -> {
            reads.incrementAndGet();
            reading.countDown();
            try {
                goOn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Sidebar.Lists(List.of(), List.of());
        }, () -> Long.MAX_VALUE, clock::get);
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> s.lists(ROME));
        reading.await();
        var others = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() -> s.lists(ROME))).toList();
        Thread.sleep(200);
        assertEquals(1, reads.get(), "the other renders wait for the read under way");
        goOn.countDown();
        Sidebar.Lists lists = first.get(10, java.util.concurrent.TimeUnit.SECONDS);
        for (var o : others) assertEquals(lists, o.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(1, reads.get(), "and are given what it read");
    }
}
