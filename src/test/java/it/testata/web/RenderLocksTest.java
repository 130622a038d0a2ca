package it.testata.web;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One render of a page at a time: the first miss renders, the others for the same key wait for its page. */
class RenderLocksTest {

    @Test
    void aSecondMissOfTheSameKeyWaitsUntilTheFirstHasRenderedWhileOtherKeysDoNot() throws Exception {
        RenderLocks locks = new RenderLocks(60_000);
        assertFalse(locks.waitedForAnother("http://x/a/"), "the first miss leads");
        assertFalse(locks.waitedForAnother("http://x/b/"), "another page is not held up by it");

        CompletableFuture<Boolean> follower = CompletableFuture.supplyAsync(() -> locks.waitedForAnother("http://x/a/"));
        Thread.sleep(200);
        assertFalse(follower.isDone(), "the second reader of /a/ waits for the first one's render");

        locks.release("http://x/a/");
        assertTrue(follower.get(10, TimeUnit.SECONDS), "once released it looks in the cache again");
        assertEquals(1, locks.rendering(), "only /b/ is still being rendered");

        locks.release("http://x/b/");
        assertFalse(locks.waitedForAnother("http://x/a/"), "after the render a new miss leads again");
    }

    @Test
    void aFollowerStopsWaitingAfterTheBoundWhenTheLeaderNeverReleases() throws Exception {
        RenderLocks locks = new RenderLocks(50);
        assertFalse(locks.waitedForAnother("k"));
        CompletableFuture<Boolean> follower = CompletableFuture.supplyAsync(() -> locks.waitedForAnother("k"));
        assertTrue(follower.get(10, TimeUnit.SECONDS), "it gives up waiting and renders the page itself");
    }
}
