import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepted comments per second through the whole pipeline (the real form, its token, the spam filter, the
 * durable write), from many networks: java bench/CommentLoad.java BASE_URL ARTICLE_PATH COUNT CONCURRENCY [FIRST_NETWORK].
 * Every commenter first fetches the page (its own token), all wait the form's 3 seconds together, then the
 * posts go out CONCURRENCY at a time, each from its own /24 network (X-Forwarded-For, as behind a proxy on
 * the same machine). Prints the answers by status and acknowledged comments per second (303 answers over the
 * time from the first post to the last answer); the caller compares that with what the database holds.
 */
public class CommentLoad {
    static final Pattern TOKEN = Pattern.compile("name=\"testata_form\" value=\"([^\"]+)\"");
    static final Pattern POST_ID = Pattern.compile("name=\"comment_post_ID\" value=\"([0-9]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: java bench/CommentLoad.java BASE_URL ARTICLE_PATH COUNT CONCURRENCY");
            System.exit(2);
        }
        String base = args[0];
        String path = args[1];
        int count = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int first = args.length > 4 ? Integer.parseInt(args[4]) : 0; // a warm-up uses other networks (flood control)
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int net = first + i;
            String ip = "10." + (net / 250 % 250) + "." + (net % 250) + ".9";
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("X-Forwarded-For", ip).build(), HttpResponse.BodyHandlers.ofString());
            Matcher t = TOKEN.matcher(page.body());
            Matcher p = POST_ID.matcher(page.body());
            if (!t.find() || !p.find()) throw new IllegalStateException("no comment form at " + path);
            forms.add(ip + "\n" + "author=" + enc("Lettore " + i) + "&email=" + enc("carico" + i + "-" + run + "@example.org")
                    + "&url=&comment=" + enc("Commento di prova " + run + " numero " + i + ": la piazza era piena e il mercato vivace.")
                    + "&comment_parent=0&comment_post_ID=" + p.group(1) + "&testata_form=" + enc(t.group(1)) + "&website_confirm=");
        }
        Thread.sleep(3_300);
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        Semaphore gate = new Semaphore(concurrency);
        long t0 = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String f : forms) {
                gate.acquire();
                pool.submit(() -> {
                    try {
                        String[] parts = f.split("\n", 2);
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/comments/"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-Forwarded-For", parts[0])
                                .POST(HttpRequest.BodyPublishers.ofString(parts[1])).build(), HttpResponse.BodyHandlers.discarding());
                        answers.computeIfAbsent(Integer.toString(r.statusCode()), k -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        answers.computeIfAbsent("no answer", k -> new AtomicInteger()).incrementAndGet();
                    } finally {
                        gate.release();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int acknowledged = answers.getOrDefault("303", new AtomicInteger()).get();
        System.out.printf("answers %s%nacknowledged %d in %.2f s: %.0f comments/s (concurrency %d)%nrun %s%n",
                new TreeMap<>(answers), acknowledged, seconds, acknowledged / seconds, concurrency, run);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
