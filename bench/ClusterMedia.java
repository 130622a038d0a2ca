import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/cluster.sh's image check, run by {@link ClusterLoad}: an editor signs in on one server (directly, not
 * through the load balancer), uploads a picture through the media library's form as a browser sends it, and
 * every server is then asked directly for the stored file: served by all, with the same bytes, or not.
 */
final class ClusterMedia {
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final Pattern FILE = Pattern.compile("/media/([A-Za-z0-9._-]+\\.(?:png|jpg|webp))");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    private final String via;
    String file;

    ClusterMedia(String via) {
        this.via = via;
    }

    /** Signs in and uploads; returns the stored file's name (as /media/ serves it), or throws saying what failed. */
    String upload(String email, String password, String run) throws IOException, InterruptedException {
        String login = get("/admin/login").body();
        String form = "csrf=" + enc(token(login)) + "&email=" + enc(email) + "&password=" + enc(password);
        HttpResponse<String> in = http.send(request("/admin/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (in.statusCode() != 303) throw new IOException("sign-in answered " + in.statusCode());
        String library = get("/admin/media").body();
        String boundary = "----cluster" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token(library)
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cluster-" + run
                + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(picture());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> up = http.send(request("/admin/media")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (up.statusCode() != 303) throw new IOException("upload answered " + up.statusCode());
        Matcher m = FILE.matcher(get("/admin/media").body()); // the newest first
        if (!m.find()) throw new IOException("the library lists no file after the upload");
        file = m.group(1);
        return file;
    }

    /** How many of the servers answer the file with 200 and the same bytes as the first; the others, named. */
    String servedBy(List<String> servers) throws InterruptedException {
        byte[] first = null;
        int same = 0;
        StringBuilder missing = new StringBuilder();
        for (String s : servers) {
            try {
                HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s + "/media/" + file))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 200 && (first == null || Arrays.equals(first, r.body()))) {
                    if (first == null) first = r.body();
                    same++;
                } else {
                    missing.append(' ').append(s).append('=').append(r.statusCode());
                }
            } catch (IOException e) {
                missing.append(' ').append(s).append("=unreachable");
            }
        }
        return (same == servers.size() ? "yes" : "no") + " (" + same + " of " + servers.size() + missing + ")";
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("GET " + path + " answered " + r.statusCode());
        return r;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(via + path)).timeout(Duration.ofSeconds(30));
    }

    private static String token(String html) throws IOException {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new IOException("no csrf field on the page");
        return m.group(1);
    }

    /** A small picture of our own: a few coloured bands. */
    private static byte[] picture() throws IOException {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Color[] bands = {new Color(0x1d3557), new Color(0x457b9d), new Color(0xa8dadc), new Color(0xf1faee)};
        for (int i = 0; i < bands.length; i++) {
            g.setColor(bands[i]);
            g.fillRect(0, i * 90, 640, 90);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
