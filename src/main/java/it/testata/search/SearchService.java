package it.testata.search;

import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Full-text search over public articles, with this server's own Lucene index in the data folder. The index
 * follows the change log: a change naming "article:N" re-reads article N from the database (indexed when
 * public, removed otherwise); a settings change that switches the language rebuilds it; "search:reindex"
 * (sent by {@code ./testata reindex} while a server holds the index) rebuilds it. A scheduled article is
 * added when its time comes. At start the index is compared with the database (a server that was stopped
 * missed changes) or rebuilt when missing or unreadable, in the background while the site serves.
 * All index writes happen on one thread.
 */
public final class SearchService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchService.class);
    public static final String REINDEX = "search:reindex";
    public static final int PAGE_SIZE = 10;
    private static final int BATCH = 200;

    /** Told how far a rebuild has gone. */
    @FunctionalInterface
    public interface Progress {
        void at(int done, int total);
    }

    /**
     * One page of results; {@code ready} is false while the index is first being built (nothing can be found yet);
     * {@code more}: there are more than {@code total} results (counted exactly up to 1,000), and at least one
     * page after this one.
     */
    public record Results(List<SearchHit> hits, int total, int page, int pages, boolean ready, boolean more) {
        public Results(List<SearchHit> hits, int total, int page, int pages, boolean ready) {
            this(hits, total, page, pages, ready, false);
        }
    }

    private final SearchStore store;
    private final Path folder;
    private final Supplier<String> language;
    private final LongSupplier nextPublication;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("search-indexer").unstarted(r));
    private volatile SearchIndex index;
    private volatile long nextDue = Long.MAX_VALUE;
    private Path privateFolder;

    /**
     * @param folder          where the index lives (the data folder's search-index)
     * @param language        the site's language now ("it" or "en")
     * @param nextPublication epoch millis of the next scheduled publication, or Long.MAX_VALUE
     */
    /** Every page's address by its slug (--- pages ---). */
    public java.util.Map<String, String> pagePaths() {
        return store.pagePaths();
    }

    public SearchService(SearchStore store, Path folder, Supplier<String> language, LongSupplier nextPublication) {
        this.store = store;
        this.folder = folder;
        this.language = language;
        this.nextPublication = nextPublication;
    }

    /** Opens the index and brings it up to date in the background; then follows scheduled publications. */
    public void start() {
        worker.execute(this::openAndCatchUp);
        worker.scheduleWithFixedDelay(this::publishDue, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Articles changed in the database and not yet in the index: the index's lag (for /metrics). */
    public int pending() {
        return pending.size();
    }

    /** A change-log listener: queues the articles named, or a rebuild. Never blocks the writer. */
    public void onChange(Set<String> tags) {
        boolean any = false;
        for (String t : tags) {
            if (t.startsWith("article:")) {
                try {
                    pending.add(Long.parseLong(t.substring("article:".length())));
                    any = true;
                } catch (NumberFormatException ignored) {
                    // not an article id: nothing to index
                }
            }
        }
        if (tags.contains("settings") || tags.contains(REINDEX)) {
            boolean forced = tags.contains(REINDEX);
            worker.execute(() -> languageOrRebuild(forced));
        }
        if (any) worker.execute(this::drain);
    }

    /** One page of results; empty while the index is first being built. */
    public Results search(String typed, int page) {
        swap.readLock().lock();
        try {
            SearchIndex idx = index;
            if (idx == null || typed == null || typed.isBlank()) return new Results(List.of(), 0, 1, 1, idx != null);
            SearchIndex.Results r = idx.search(typed, page, PAGE_SIZE);
            int pages = Math.max(1, (r.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            if (r.more()) pages = Math.max(pages, page + 1);
            return new Results(r.hits(), r.total(), page, pages, true, r.more());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            swap.readLock().unlock();
        }
    }

    /**
     * Rebuilds the index in this folder from the database, for {@code ./testata reindex}; empty when a
     * running server holds the index (the caller then asks it to rebuild through the change log).
     */
    public static Optional<Integer> rebuildOffline(SearchStore store, Path folder, String language, Progress progress) {
        try (SearchIndex idx = SearchIndex.open(folder, language)) {
            return Optional.of(rebuild(store, idx, progress));
        } catch (LockObtainFailedException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- on the indexer thread ----

    private void openAndCatchUp() {
        try {
            SearchIndex idx;
            try {
                idx = SearchIndex.open(folder, language.get());
            } catch (LockObtainFailedException e) {
                // another server on this same data folder keeps that index; this one keeps a private copy
                privateFolder = Files.createTempDirectory("testata-search-");
                log.warn("the search index in {} is held by another process; this server indexes into {}", folder, privateFolder);
                idx = SearchIndex.open(privateFolder, language.get());
            }
            if (idx.fresh()) {
                long t0 = System.nanoTime();
                int n = rebuild(store, idx, (d, t) -> {});
                log.info("search index built: {} articles in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
            } else {
                catchUp(idx);
            }
            index = idx;
            nextDue = nextPublication.getAsLong();
        } catch (IOException | RuntimeException e) {
            log.error("the search index could not be opened; search answers nothing until the next start", e);
        }
    }

    private void drain() {
        SearchIndex idx = index;
        if (idx == null) return; // the start-up catch-up reads everything anyway
        List<Long> ids = new ArrayList<>(pending);
        if (ids.isEmpty()) return;
        pending.removeAll(ids);
        try {
            Instant now = Instant.now();
            for (long id : ids) {
                Optional<IndexedArticle> a = store.publicArticle(id, now);
                if (a.isPresent()) idx.put(a.get()); else idx.delete(id);
            }
            idx.commit();
            nextDue = nextPublication.getAsLong();
        } catch (IOException | RuntimeException e) {
            pending.addAll(ids);
            log.warn("could not update the search index ({}); trying again", e.toString());
            worker.schedule(this::drain, 1, TimeUnit.SECONDS);
        }
    }

    private void publishDue() {
        SearchIndex idx = index;
        if (idx == null || System.currentTimeMillis() < nextDue) return;
        try {
            catchUp(idx);
            nextDue = nextPublication.getAsLong();
        } catch (IOException | RuntimeException e) {
            log.warn("could not add the scheduled articles to the search index: {}", e.toString());
        }
    }

    private void languageOrRebuild(boolean forced) {
        SearchIndex idx = index;
        if (idx == null) return;
        String now = language.get();
        if (!forced && now.equals(idx.language())) return;
        Path where = privateFolder != null ? privateFolder : folder;
        swap.writeLock().lock();
        try {
            idx.close();
            index = null;
            SearchIndex fresh = SearchIndex.open(where, now);
            int n = rebuild(store, fresh, (d, t) -> {});
            index = fresh;
            log.info("search index rebuilt ({}): {} articles", now, n);
        } catch (IOException | RuntimeException e) {
            log.error("the search index could not be rebuilt", e);
        } finally {
            swap.writeLock().unlock();
        }
    }

    /** Brings the index in line with the database: adds what is new or edited, removes what is no longer public. */
    private void catchUp(SearchIndex idx) throws IOException {
        Instant now = Instant.now();
        Map<Long, Instant> db = store.publicStamps(now);
        Map<Long, Instant> indexed = idx.stamps();
        boolean changed = false;
        for (var e : db.entrySet()) {
            if (e.getValue().equals(indexed.get(e.getKey()))) continue;
            Optional<IndexedArticle> a = store.publicArticle(e.getKey(), now);
            if (a.isPresent()) {
                idx.put(a.get());
                changed = true;
            }
        }
        for (long id : indexed.keySet()) {
            if (!db.containsKey(id)) {
                idx.delete(id);
                changed = true;
            }
        }
        if (changed) idx.commit();
    }

    private static int rebuild(SearchStore store, SearchIndex idx, Progress progress) throws IOException {
        Instant now = Instant.now();
        int total = store.countPublic(now);
        idx.deleteAll();
        int done = 0;
        long after = 0;
        progress.at(0, total);
        while (true) {
            List<IndexedArticle> batch = store.publicBatch(after, BATCH, now);
            if (batch.isEmpty()) break;
            for (IndexedArticle a : batch) idx.put(a);
            done += batch.size();
            after = batch.getLast().id();
            progress.at(Math.min(done, total), total);
        }
        idx.commit();
        return done;
    }

    @Override
    public void close() {
        worker.shutdown(); // a write under way finishes: an interrupted write could break the index files
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SearchIndex idx = index;
        index = null;
        if (idx != null) idx.close();
        if (privateFolder != null) {
            try (Stream<Path> walk = Files.walk(privateFolder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind harms nothing
            }
        }
    }
}
