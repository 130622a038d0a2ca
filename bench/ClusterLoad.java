import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people of bench/cluster.sh besides the readers (wrk does those): commenters posting through the real
 * form behind the load balancer (fetch the page, wait past the form's 3 seconds, post; each from its own
 * network), an editor changing articles through the API on one server and timing until every other server
 * shows the change, the same editor scheduling articles, a moderator approving through the API, and the same
 * editor uploading a picture through one server's media library, which every server must then serve
 * ({@link ClusterMedia}).
 * <p>
 * java bench/ClusterLoad.java LB_URL SERVER_URLS(comma) API_TOKEN SECONDS COMMENTS PATHS_FILE OUT_DIR
 * (PATHS_FILE: one article a line, "ID PATH")
 * <p>
 * Writes to OUT_DIR: acknowledged.txt (the marker of every comment answered 303), scheduled.txt (ids of the
 * articles it scheduled) and summary.txt (the figures). Servers that do not answer (one is killed on purpose
 * mid-run) are skipped for that round; nothing here retries a POST.
 */
public class ClusterLoad {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final Pattern TOKEN = Pattern.compile("name=\"testata_form\" value=\"([^\"]+)\"");
    static final Pattern POST_ID = Pattern.compile("name=\"comment_post_ID\" value=\"([0-9]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*([0-9]+)");
    static final String[] WORDS = ("la piazza del mercato era piena stamattina e il sindaco ha parlato a lungo "
            + "della fontana nuova del ponte e della scuola che riapre dopo l estate grazie per l articolo").split(" ");

    final String lb;
    final List<String> servers;
    final String apiToken;
    final long endAt;
    final List<String> paths;
    final List<Long> ids;
    final Path out;
    final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    final Map<String, AtomicInteger> commentAnswers = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> editDelays = new ConcurrentLinkedQueue<>();
    /** For each timed edit, how long the request that first showed it took (a render after the drop, mostly). */
    final ConcurrentLinkedQueue<Long> lastRequest = new ConcurrentLinkedQueue<>();
    final AtomicInteger editsNotSeen = new AtomicInteger();
    final AtomicInteger editErrors = new AtomicInteger();
    final AtomicInteger approved = new AtomicInteger();
    final AtomicInteger moderatorErrors = new AtomicInteger();
    final List<Long> scheduled = Collections.synchronizedList(new ArrayList<>());
    volatile String imageServed = "not measured";

    ClusterLoad(String[] a) throws IOException {
        lb = a[0];
        servers = List.of(a[1].split(","));
        apiToken = a[2];
        endAt = System.currentTimeMillis() + Long.parseLong(a[3]) * 1000;
        List<String> lines = Files.readAllLines(Path.of(a[5])).stream().filter(s -> !s.isBlank()).toList();
        paths = lines.stream().map(l -> l.split(" ")[1]).toList();
        ids = lines.stream().map(l -> Long.parseLong(l.split(" ")[0])).toList();
        out = Path.of(a[6]);
        comments = Integer.parseInt(a[4]);
    }

    final int comments;

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: java bench/ClusterLoad.java LB SERVERS API_TOKEN SECONDS COMMENTS PATHS_FILE OUT_DIR");
            System.exit(2);
        }
        new ClusterLoad(args).runAll();
    }

    void runAll() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.submit(this::schedule);
            pool.submit(this::editor);
            pool.submit(this::moderator);
            pool.submit(this::media);
            long span = Math.max(1, endAt - System.currentTimeMillis() - 8_000);
            for (int i = 0; i < comments; i++) {
                int n = i;
                long startAt = System.currentTimeMillis() + span * i / Math.max(1, comments);
                pool.submit(() -> commenter(n, startAt));
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
        }
        Files.write(out.resolve("acknowledged.txt"), acknowledged);
        Files.write(out.resolve("scheduled.txt"), scheduled.stream().map(String::valueOf).toList());
        List<Long> d = new ArrayList<>(editDelays);
        Collections.sort(d);
        List<Long> last = new ArrayList<>(lastRequest);
        Collections.sort(last);
        String summary = "comment_answers " + new java.util.TreeMap<>(Map.copyOf(commentAnswers)) + "\n"
                + "comments_acknowledged " + acknowledged.size() + "\n"
                + "edits_timed " + d.size() + " not_seen_within_10s " + editsNotSeen.get() + " edit_errors " + editErrors.get() + "\n"
                + "edit_visibility_ms p50 " + pct(d, 50) + " p99 " + pct(d, 99) + " max " + (d.isEmpty() ? "-" : d.getLast()) + "\n"
                + "   of which the request that showed it took (ms) p50 " + pct(last, 50) + " p99 " + pct(last, 99)
                + " max " + (last.isEmpty() ? "-" : last.getLast()) + "\n"
                + "approved_by_moderator " + approved.get() + " moderator_errors " + moderatorErrors.get() + "\n"
                + "scheduled " + scheduled.size() + "\n"
                + "image uploaded through server 1, served by every server: " + imageServed + "\n";
        Files.writeString(out.resolve("summary.txt"), summary);
        System.out.print(summary);
    }

    static String pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return "-";
        return Long.toString(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }

    /** One commenter: the page through the load balancer, three and a bit seconds of typing, the form. */
    void commenter(int n, long startAt) {
        try {
            sleepUntil(startAt);
            String path = paths.get(n % paths.size());
            String marker = "bench-" + run + "-" + n;
            // a network of its own (the load balancer passes the address on): 10.x.y.0/24
            String ip = "10." + (100 + n / 250 % 150) + "." + (n % 250) + ".7";
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(lb + path))
                    .header("X-Forwarded-For", ip).GET());
            Matcher t = TOKEN.matcher(page.body());
            Matcher p = POST_ID.matcher(page.body());
            if (page.statusCode() != 200 || !t.find() || !p.find()) {
                count(page.statusCode() == 200 ? "no form (comments closed)" : "page " + page.statusCode());
                return;
            }
            Thread.sleep(3_300);
            String text = marker + " " + sentence(n);
            String form = "author=" + enc("Lettore " + n) + "&email=" + enc("lettore" + n + "-" + run + "@example.org")
                    + "&url=&comment=" + enc(text) + "&comment_parent=0&comment_post_ID=" + p.group(1)
                    + "&testata_form=" + enc(t.group(1)) + "&website_confirm=";
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(lb + "/comments/"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", ip)
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            count(Integer.toString(r.statusCode()));
            if (r.statusCode() == 303) acknowledged.add(marker);
        } catch (IOException e) {
            count("no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void count(String what) {
        commentAnswers.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    static String sentence(int n) {
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(n);
        for (int i = 0; i < 12 + r.nextInt(12); i++) sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
        return sb.toString().strip() + ".";
    }

    /** Every 2 s: one article's standfirst changed through one server; then how long until each other shows it. */
    void editor() {
        int round = 0;
        while (System.currentTimeMillis() < endAt - 3_000) {
            String path = paths.get(round % paths.size());
            long id = ids.get(round % ids.size());
            String via = servers.get(round % servers.size());
            round++;
            try {
                String mark = "Aggiornato " + run + " n" + round;
                HttpResponse<String> r = send(api(via + "/api/v1/articles/" + id)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"standfirst\":\"" + mark + "\"}"))
                        .header("Content-Type", "application/json"));
                if (r.statusCode() != 200) {
                    editErrors.incrementAndGet();
                    pause(2_000);
                    continue;
                }
                long saved = System.nanoTime();
                List<Thread> watchers = new ArrayList<>();
                for (String other : servers) {
                    if (other.equals(via)) continue;
                    watchers.add(Thread.ofVirtual().start(() -> watch(other, path, mark, saved)));
                }
                for (Thread w : watchers) w.join();
            } catch (IOException e) {
                editErrors.incrementAndGet(); // the server we asked is the one that was killed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(2_000);
        }
    }

    /** Polls one server directly until its page shows the mark (10 s at most); a server that is down is skipped. */
    void watch(String server, String path, String mark, long since) {
        long limit = since + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < limit) {
            try {
                long asked = System.nanoTime();
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server + path)).GET());
                if (r.statusCode() == 200 && r.body().contains(mark)) {
                    long now = System.nanoTime();
                    editDelays.add(TimeUnit.NANOSECONDS.toMillis(now - since));
                    lastRequest.add(TimeUnit.NANOSECONDS.toMillis(now - asked));
                    return;
                }
            } catch (IOException e) {
                return; // down (killed): not a visibility delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(10);
        }
        editsNotSeen.incrementAndGet();
    }

    /** Schedules five articles, due 20 to 60 s from now, through the load balancer. */
    void schedule() {
        for (int i = 0; i < 5; i++) {
            Instant due = Instant.now().plusSeconds(20 + 10L * i);
            String body = "{\"title\":\"Programmato " + run + " " + i + "\",\"body\":\"Uscirà da solo.\",\"status\":\"scheduled\","
                    + "\"published_at\":\"" + due + "\"}";
            try {
                HttpResponse<String> r = send(api(lb + "/api/v1/articles").POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json"));
                Matcher m = ID.matcher(r.body());
                if (r.statusCode() == 201 && m.find()) scheduled.add(Long.parseLong(m.group(1)));
                else System.err.println("cluster-load: scheduling answered " + r.statusCode() + ": " + r.body());
            } catch (IOException e) {
                System.err.println("cluster-load: scheduling failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Every 3 s: the pending comments, approved one by one through the load balancer. */
    void moderator() {
        while (System.currentTimeMillis() < endAt) {
            try {
                HttpResponse<String> r = send(api(lb + "/api/v1/comments?status=pending&per_page=50").GET());
                if (r.statusCode() == 200) {
                    Matcher m = Pattern.compile("\\{\"id\"\\s*:\\s*([0-9]+)").matcher(r.body());
                    while (m.find()) {
                        HttpResponse<String> a = send(api(lb + "/api/v1/comments/" + m.group(1) + "/approve")
                                .POST(HttpRequest.BodyPublishers.noBody()));
                        if (a.statusCode() == 200) approved.incrementAndGet();
                        else moderatorErrors.incrementAndGet();
                    }
                } else {
                    moderatorErrors.incrementAndGet();
                }
            } catch (IOException e) {
                moderatorErrors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(3_000);
        }
    }

    /**
     * The image check: 5 s in, the editor uploads a picture through server 1's media library; every server is then
     * asked for it at once, and again after the run (after the killed server has come back).
     */
    void media() {
        pause(5_000);
        ClusterMedia media = new ClusterMedia(servers.getFirst());
        try {
            String file = media.upload(System.getenv().getOrDefault("BENCH_EDITOR", "editor@bench.example"),
                    System.getenv().getOrDefault("BENCH_PASSWORD", "bench-password-1"), run);
            String atOnce = media.servedBy(servers);
            sleepUntil(endAt);
            pause(3_000);
            imageServed = "at once " + atOnce + "; after the run " + media.servedBy(servers) + "; file " + file;
        } catch (IOException e) {
            imageServed = "no: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    HttpRequest.Builder api(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + apiToken);
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void sleepUntil(long at) throws InterruptedException {
        long wait = at - System.currentTimeMillis();
        if (wait > 0) Thread.sleep(wait);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
