package it.testata.db;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Many small writes, one durable commit: callers hand their unit of work to a single writer thread, which takes
 * everything waiting (up to {@code maxBatch}), runs it in order in one {@link ChangeLog#write} transaction and
 * commits once (one fsync for the lot), then answers each caller. A caller's {@link #run} returns only after that
 * commit, so "answered" still means "stored". Each unit sees the ones before it in the same transaction, so checks
 * that count earlier rows (flood, duplicates) stay exact; each runs under its own savepoint, so one that fails
 * rolls back alone and its caller gets the exception, while the others commit. {@code beforeBatch} runs first in
 * every transaction (the lock that orders batches of several servers on PostgreSQL).
 * <p>
 * The writer never waits to fill a batch: a lone request is written at once; a batch grows only from what arrives
 * while the previous one commits.
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Item<R>(ChangeLog.Work<R> work, CompletableFuture<R> done) {}

    /** Put in the queue by {@link #close}: the writer finishes what came before it, then stops at once. */
    private static final Item<Void> STOP = new Item<>((h, touched) -> null, new CompletableFuture<>());

    private final ChangeLog changes;
    private final Consumer<Handle> beforeBatch;
    private final int maxBatch;
    private final LinkedBlockingQueue<Item<?>> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    public GroupCommit(String name, ChangeLog changes, Consumer<Handle> beforeBatch, int maxBatch) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1");
        this.changes = changes;
        this.beforeBatch = beforeBatch;
        this.maxBatch = maxBatch;
        this.writer = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    /**
     * Runs the work in the next batch and returns its result once that batch is committed; rethrows what the work
     * (or the commit) threw.
     */
    public <R> R run(ChangeLog.Work<R> work) {
        if (closed) throw new IllegalStateException("the group writer is closed");
        Item<R> item = new Item<>(work, new CompletableFuture<>());
        waiting.add(item);
        if (closed && waiting.remove(item)) throw new IllegalStateException("the group writer is closed");
        try {
            return item.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void loop() {
        List<Item<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Item<?> first;
            try {
                first = waiting.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                if (closed) break;
                continue;
            }
            if (first == STOP) break;
            batch.add(first);
            waiting.drainTo(batch, maxBatch - 1);
            boolean stop = batch.remove(STOP);
            write(batch);
            batch.clear();
            if (stop) break;
        }
        Item<?> left;
        while ((left = waiting.poll()) != null) left.done().completeExceptionally(new IllegalStateException("the group writer is closed"));
    }

    private void write(List<Item<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        try {
            changes.write((h, touched) -> {
                beforeBatch.accept(h);
                for (int i = 0; i < batch.size(); i++) {
                    Set<String> own = new TreeSet<>();
                    String savepoint = "unit" + i;
                    h.savepoint(savepoint);
                    try {
                        results[i] = batch.get(i).work().run(h, own);
                        h.release(savepoint);
                        touched.addAll(own);
                    } catch (RuntimeException e) {
                        h.rollbackToSavepoint(savepoint);
                        failures[i] = e;
                    }
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            // the commit (or the lock) failed: nothing of this batch is stored, and every caller hears so
            log.warn("a batch of {} writes failed: {}", batch.size(), e.toString());
            for (Item<?> item : batch) item.done().completeExceptionally(e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) complete(batch.get(i), results[i], failures[i]);
    }

    @SuppressWarnings("unchecked")
    private static <R> void complete(Item<R> item, Object result, Throwable failure) {
        if (failure != null) item.done().completeExceptionally(failure);
        else item.done().complete((R) result);
    }

    /** Lets the batch being written finish, then stops; later callers get an IllegalStateException. */
    @Override
    public void close() {
        closed = true;
        waiting.add(STOP);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
