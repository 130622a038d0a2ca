package it.testata.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal's error stream: how much of the file is read, items and comments per
 * second, and the time left. Redrawn at most five times a second; nothing at all when the output is not a
 * terminal (a script, a test, a pipe).
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    private ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = Math.max(1, total);
    }

    /** A bar when standard error is a terminal, else one that draws nothing. */
    static ProgressBar onTerminal(long totalBytes) {
        return new ProgressBar(terminal() ? System.err : null, totalBytes);
    }

    void show(long bytes, long items, long comments) {
        if (out == null) return;
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < 200_000_000L) return;
        lastDrawn = now;
        drawn = true;
        out.print("\r" + line(bytes, items, comments, (now - started) / 1e9));
        out.flush();
    }

    String line(long bytes, long items, long comments, double seconds) {
        double done = Math.min(1.0, bytes / (double) total);
        int filled = (int) Math.round(done * WIDTH);
        double rate = seconds > 0 ? 1 / seconds : 0;
        long left = done > 0.01 && seconds > 0 ? Math.round(seconds / done - seconds) : -1;
        return String.format(Locale.ROOT, "[%s%s] %3.0f%%  %d items (%.0f/s)  %d comments (%.0f/s)  ETA %s ",
                "#".repeat(filled), " ".repeat(WIDTH - filled), done * 100, items, items * rate, comments,
                comments * rate, left < 0 ? "--:--" : String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60));
    }

    @Override
    public void close() {
        if (out != null && drawn) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }

    /** Console.isTerminal() (Java 22) when the runtime has it; otherwise a console at all. */
    private static boolean terminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
