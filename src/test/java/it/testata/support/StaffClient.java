package it.testata.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A member of staff's browser without the browser: keeps cookies (as a browser would, by host and path),
 * follows no redirect, reads the sign-in form and the CSRF token from pages as they are served.
 */
public final class StaffClient {
    private final TestSite site;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    /** The CSRF token of the last admin page read (the hidden field named csrf). */
    public String csrf;

    public StaffClient(TestSite site) {
        this.site = site;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client signed in as this user; fails the test when signing in does not redirect. */
    public static StaffClient signedIn(TestSite site, String email, String password) {
        StaffClient c = new StaffClient(site);
        HttpResponse<String> r = c.login(email, password);
        if (r.statusCode() != 303) throw new AssertionError("sign-in answered " + r.statusCode() + ": " + r.body());
        c.page("/admin/");
        return c;
    }

    /** Opens the sign-in form and sends it, with the form's own token; extra headers go on both requests. */
    public HttpResponse<String> login(String email, String password, String... headers) {
        HttpResponse<String> form = get("/admin/login", headers);
        String token = Jsoup.parse(form.body()).selectFirst("form[action=/admin/login] input[name=csrf]").val();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", token);
        fields.put("email", email);
        fields.put("password", password);
        return post("/admin/login", fields, headers);
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.build());
    }

    /** GETs an admin page that must answer 200, and remembers its CSRF token. */
    public Document page(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " answered " + r.statusCode());
        Document d = Jsoup.parse(r.body(), site.url(path));
        Element field = d.selectFirst("input[name=csrf]");
        if (field != null) csrf = field.val();
        return d;
    }

    public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.build());
    }

    /** POSTs an already encoded form body (for repeated fields such as the queue's checked ids). */
    public HttpResponse<String> postRaw(String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(b.build());
    }

    /** POSTs a form with this client's current CSRF token added. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf);
        return post(path, all);
    }

    /**
     * POSTs a multipart form (as a browser sends a form with a file field) with this client's CSRF token; the
     * file part goes out only when content is not null.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField,
                                              String fileName, String contentType, byte[] content) {
        String boundary = "----testata" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("csrf", csrf);
        all.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + (v == null ? "" : v) + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** POSTs a multipart form with several files under one field name (a multiple file input), with the CSRF token. */
    public HttpResponse<String> postFiles(String path, String fileField, Map<String, byte[]> files) {
        String boundary = "----testata" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        files.forEach((name, content) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** The value of a cookie this client holds for /admin/. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(URI.create(site.url("/admin/"))).stream()
                .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
