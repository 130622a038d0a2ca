package it.testata.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The server's metrics, in one Prometheus registry that /metrics exposes. Names (as Prometheus sees them) are
 * listed in docs/OPERATIONS.md and used by docs/grafana-dashboard.json:
 * http_server_requests_seconds (method, route template, status; histogram), testata_page_cache_{hits,misses}_total,
 * testata_comments (stored, by verdict), testata_spam_discards, testata_spam_lessons, testata_scheduler_*,
 * testata_search_index_pending, testata_backup_*, hikaricp_connections_*, jvm_*, process_*.
 * Outbox depth and failures (the mail engineer's outbox) register here as testata_outbox_depth and
 * testata_outbox_failures_total, through {@link #gauge} and {@link #counter}.
 */
public final class Metrics {
    /** Latency buckets of the request histogram: cached pages take well under a millisecond, rendering a few. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(250_000), Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> levels = new ConcurrentHashMap<>();
    private final java.util.List<Object> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The text a scrape returns (Prometheus text format 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** One request Javalin answered: its method, the route template it matched, its status, how long it took. */
    public void request(String method, String route, int status, long nanos) {
        String key = method + ' ' + route + ' ' + status;
        Timer t = timers.get(key);
        if (t == null) {
            t = timers.computeIfAbsent(key, k -> Timer.builder("http.server.requests")
                    .description("HTTP requests answered through the route table, by route template and status")
                    .tags("method", method, "route", route, "status", String.valueOf(status))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
        t.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** A counter read from a number the code keeps anyway (a LongAdder, an AtomicLong). */
    public <T> void counter(String name, String description, T source, ToDoubleFunction<T> read, String... tags) {
        held.add(source); // Micrometer holds a function counter's source weakly
        FunctionCounter.builder(name, source, read).description(description).tags(tags).register(registry);
    }

    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> read, String... tags) {
        Gauge.builder(name, source, read).description(description).tags(tags).strongReference(true).register(registry);
    }

    /** A gauge whose value is set from outside (by {@link #set}), e.g. counts read from the database. */
    public void set(String name, String description, long value, String... tags) {
        String key = name + String.join(",", tags);
        AtomicLong holder = levels.get(key);
        if (holder == null) {
            holder = levels.computeIfAbsent(key, k -> {
                AtomicLong h = new AtomicLong();
                Gauge.builder(name, h, AtomicLong::get).description(description).tags(tags).register(registry);
                return h;
            });
        }
        holder.set(value);
    }

    /** Reads a supplier now and then rather than on every scrape (for values that cost a query). */
    public static <T> Supplier<T> everyFewSeconds(Supplier<T> source, Duration interval) {
        return new Supplier<>() {
            private volatile T last;
            private volatile long at;

            @Override
            public T get() {
                long now = System.nanoTime();
                if (last == null || now - at > interval.toNanos()) {
                    last = source.get();
                    at = now;
                }
                return last;
            }
        };
    }
}
