package it.testata.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One render of a public page at a time. When the cache has just been emptied (an edit, an approved comment) every
 * reader of a busy page misses at once; without this, each of them renders the same page, and the renders compete
 * for the processors until the first is done (the herd that made an edit slow to show on a loaded server). The first
 * request for a key renders it; the others for the same key wait for that page, up to a bound, and are answered
 * from the cache. A follower that finds nothing after the wait (the page was not cacheable, or an invalidation
 * dropped it again) renders it itself.
 */
final class RenderLocks {
    private final ConcurrentHashMap<String, CountDownLatch> rendering = new ConcurrentHashMap<>();
    private final long waitMillis;

    RenderLocks(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    /**
     * Called on a cache miss: true when another request was rendering this key and this one waited for it (look in
     * the cache again); false when this request leads (it renders, and {@link #release} lets the others go).
     */
    boolean waitedForAnother(String key) {
        CountDownLatch other = rendering.putIfAbsent(key, new CountDownLatch(1));
        if (other == null) return false;
        try {
            other.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Lets the requests waiting for this one's page go (once the page is in the cache, or the request is over). */
    void release(String key) {
        CountDownLatch latch = rendering.remove(key);
        if (latch != null) latch.countDown();
    }

    /** Keys being rendered now (for tests). */
    int rendering() {
        return rendering.size();
    }
}
