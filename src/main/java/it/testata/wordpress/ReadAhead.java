package it.testata.wordpress;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads a WordPress export and cleans each item's HTML on threads of their own, a few hundred items ahead at
 * most, while the caller's thread writes: reading and cleaning take about as long as writing, and the machine
 * has two processors or more. Items reach the caller in file order; what the reader meets (a malformed file)
 * is thrown on the caller's thread, in its place in the file.
 */
final class ReadAhead {
    private ReadAhead() {}

    /** An item with its content and its comments already cleaned (the slow part), on the reading thread. */
    record Cleaned(Wxr.Item item, String body, List<String> comments) {
        static Cleaned of(Wxr.Item it) {
            if (!"post".equals(it.type()) && !"page".equals(it.type())) return new Cleaned(it, "", List.of());
            List<String> comments = new ArrayList<>(it.comments().size());
            for (Wxr.Comment c : it.comments()) comments.add(WordPressHtml.comment(c.content()));
            return new Cleaned(it, WordPressHtml.article(it.content()), comments);
        }
    }

    private static final Object END = new Object();

    /** Where the items go, in file order, on the caller's thread. */
    interface Target {
        void channel(Wxr.Channel channel);

        void author(Wxr.Author author);

        void term(Wxr.Term term);

        void cleaned(Cleaned item);
    }

    static void read(InputStream in, Target target) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
        // cleaning is most of the reading side's work: it runs on the other processors, items kept in file order
        ExecutorService cleaners = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
                Thread.ofPlatform().daemon().name("wxr-clean-", 0).factory());
        Thread reader = Thread.ofPlatform().daemon().name("wxr-reader").start(() -> {
            try {
                WxrReader.read(in, new WxrReader.Sink() {
                    @Override
                    public void channel(Wxr.Channel channel) {
                        put(queue, channel);
                    }

                    @Override
                    public void author(Wxr.Author author) {
                        put(queue, author);
                    }

                    @Override
                    public void term(Wxr.Term term) {
                        put(queue, term);
                    }

                    @Override
                    public void item(Wxr.Item item) {
                        put(queue, CompletableFuture.supplyAsync(() -> Cleaned.of(item), cleaners));
                    }
                });
                put(queue, END);
            } catch (Stopped stopped) {
                // the writer gave up: nothing more to read
            } catch (RuntimeException | Error e) {
                try {
                    queue.put(e);
                } catch (InterruptedException ignored) {
                    // the writer gave up already
                }
            }
        });
        try {
            while (true) {
                Object next = queue.take();
                if (next == END) return;
                switch (next) {
                    case Wxr.Channel c -> target.channel(c);
                    case Wxr.Author a -> target.author(a);
                    case Wxr.Term t -> target.term(t);
                    case CompletableFuture<?> f -> target.cleaned((Cleaned) cleaned(f));
                    case RuntimeException e -> throw e;
                    case Error e -> throw e;
                    default -> throw new IllegalStateException("unexpected " + next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } finally {
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cleaners.shutdownNow();
        }
    }

    private static Object cleaned(CompletableFuture<?> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<Object> queue, Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

}
