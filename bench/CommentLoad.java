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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepted comments per second through the whole pipeline (the real form, its token, the spam filter, the
 * durable write), from many networks: java bench/CommentLoad.java BASE_URL ARTICLE_PATH COUNT CONCURRENCY [FIRST_NETWORK].
 * Every commenter first fetches the page (its own token), all wait the form's 3 seconds together, then the
 * posts go out CONCURRENCY at a time, each from its own /24 network (X-Forwarded-For, as behind a proxy on
 * the same machine). Prints the answers by status and acknowledged comments per second (303 answers over the
 * time from the first post to the last answer); the caller compares that with what the database holds. With
 * SERVER_PID set (the server's process id), also the server's CPU time (user + system) per acknowledged comment
 * over the same span, a figure that depends much less than the rate on what else the machine is doing.
 * <p>
 * The posts go out over CONCURRENCY kept-alive connections as prepared bytes (plain sockets, only the status
 * line and the headers are read): the client must cost far less than the server, which shares the machine.
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
        URI target = URI.create(base);
        ConcurrentLinkedQueue<byte[]> posts = new ConcurrentLinkedQueue<>();
        for (String f : forms) {
            String[] parts = f.split("\n", 2);
            byte[] body = parts[1].getBytes(StandardCharsets.UTF_8);
            posts.add(("POST /comments/ HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Forwarded-For: " + parts[0]
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n" + parts[1]).getBytes(StandardCharsets.UTF_8));
        }
        Thread.sleep(3_300);
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        String serverPid = System.getenv("SERVER_PID");
        long cpu0 = serverPid == null ? 0 : cpuTicks(serverPid);
        long t0 = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                pool.submit(() -> {
                    Connection conn = null;
                    byte[] post;
                    while ((post = posts.poll()) != null) {
                        String status;
                        try {
                            if (conn == null) conn = new Connection(target.getHost(), target.getPort());
                            status = conn.send(post);
                        } catch (Exception e) {
                            status = "no answer";
                            if (conn != null) conn.close();
                            conn = null;
                        }
                        answers.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    }
                    if (conn != null) conn.close();
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int acknowledged = answers.getOrDefault("303", new AtomicInteger()).get();
        System.out.printf("answers %s%nacknowledged %d in %.2f s: %.0f comments/s (concurrency %d)%nrun %s%n",
                new TreeMap<>(answers), acknowledged, seconds, acknowledged / seconds, concurrency, run);
        if (serverPid != null && acknowledged > 0) {
            long ticks = cpuTicks(serverPid) - cpu0;   // clock ticks of 10 ms
            System.out.printf("server cpu %.2f ms per acknowledged comment (%.1f s over the run)%n",
                    ticks * 10.0 / acknowledged, ticks / 100.0);
        }
    }

    /** utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15). */
    static long cpuTicks(String pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** One kept-alive HTTP/1.1 connection: sends a prepared request, reads the status and skips the body. */
    static final class Connection {
        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;

        Connection(String host, int port) throws java.io.IOException {
            socket = new java.net.Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
        }

        String send(byte[] request) throws java.io.IOException {
            socket.getOutputStream().write(request);
            String statusLine = line();
            if (statusLine == null) throw new java.io.EOFException("connection closed");
            long length = 0;
            boolean chunked = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).trim());
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else {
                in.skipNBytes(length);
            }
            return statusLine.split(" ")[1];
        }

        private String line() throws java.io.IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') return b.toString();
                if (c != '\r') b.append((char) c);
            }
            return b.isEmpty() ? null : b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (java.io.IOException ignored) {
                // nothing to do
            }
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
