package it.testata.comment;

import it.testata.article.Article;
import it.testata.support.TestSite;
import it.testata.web.Signer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Sends the comment form as a browser would: a form-urlencoded POST to /comments/ with the site's own Origin,
 * redirects not followed, cookies kept by the test. Tokens are minted with the site's real key (issued ten
 * seconds ago) unless a test sets one, so tests need not wait three seconds each.
 */
final class CommentPoster {
    static final String DEMO_SLUG = "l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito";
    static final String DEMO_PATH = "/2026/10/23/" + DEMO_SLUG + "/";
    static final String DEMO_TITLE = "L'agenzia per il lavoro apre uno sportello a San Vito";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final FormToken tokens;

    /** Also makes the test its site's proxy: the site trusts X-Forwarded-For from loopback, so {@link Form#from} works. */
    CommentPoster(TestSite site) {
        this("http://127.0.0.1:" + site.site().port(), site.site().settings.signingKey());
        site.trustLoopbackProxy();
    }

    /** For a server this test does not hold in process (a separate JVM): its base URL and its signing key. */
    CommentPoster(String base, byte[] signingKey) {
        this.base = base;
        this.tokens = new FormToken(new Signer(signingKey));
    }

    String origin() {
        return base;
    }

    /** A valid token, issued ten seconds ago with the site's key. */
    String token() {
        return token(Instant.now().minusSeconds(10));
    }

    String token(Instant issued) {
        return tokens.issue(issued);
    }

    /** A form for this article with valid defaults; change what the test is about. */
    Form form(long articleId) {
        return new Form(articleId);
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.build());
    }

    /** GET with these cookies (name, value, name, value ...). */
    HttpResponse<String> getWithCookies(String path, String... cookies) {
        if (cookies.length == 0) return get(path);
        return get(path, "Cookie", cookieHeader(cookies));
    }

    Document page(String path, String... cookies) {
        HttpResponse<String> r = getWithCookies(path, cookies);
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " answered " + r.statusCode());
        return Jsoup.parse(r.body(), base + path);
    }

    HttpResponse<String> post(Map<String, String> fields, List<String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/comments/")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String cookieHeader(String... nameValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) parts.add(nameValues[i] + "=" + nameValues[i + 1]);
        return String.join("; ", parts);
    }

    /** The full Set-Cookie line for this cookie name, if the response sets it. */
    static Optional<String> setCookie(HttpResponse<?> r, String name) {
        return setCookie(r.headers(), name);
    }

    static Optional<String> setCookie(HttpHeaders headers, String name) {
        return headers.allValues("Set-Cookie").stream().filter(v -> v.startsWith(name + "=")).findFirst();
    }

    /** The value the response gives this cookie, if it sets it. */
    static Optional<String> cookie(HttpResponse<?> r, String name) {
        return setCookie(r, name).map(v -> {
            String pair = v.split(";", 2)[0];
            return pair.substring(name.length() + 1);
        });
    }

    static long articleId(TestSite site, String slug) {
        return article(site, slug).id();
    }

    static Article article(TestSite site, String slug) {
        return site.site().articles.publicArticle(slug).orElseThrow(() -> new AssertionError("no article " + slug));
    }

    /** Polls until the condition holds, failing after the limit (changes show "within a second"). */
    static void within(long limitMillis, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if ((System.nanoTime() - start) / 1_000_000 > limitMillis) {
                throw new AssertionError("not seen within " + limitMillis + " ms: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** One submission of the form. Defaults are valid; a network (X-Forwarded-For from a trusted proxy) may be set. */
    final class Form {
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<String> headers = new ArrayList<>(List.of("Origin", base));

        private Form(long articleId) {
            fields.put("author", "Lettrice di prova");
            fields.put("email", "lettrice@example.org");
            fields.put("url", "");
            fields.put("comment", "Un commento di prova.");
            fields.put("comment_post_ID", String.valueOf(articleId));
            fields.put("comment_parent", "0");
            fields.put(CommentForm.HONEYPOT, "");
            fields.put(CommentForm.TOKEN, CommentPoster.this.token());
        }

        Form author(String v) { return set("author", v); }
        Form email(String v) { return set("email", v); }
        Form url(String v) { return set("url", v); }
        Form text(String v) { return set("comment", v); }
        Form parent(long id) { return set("comment_parent", String.valueOf(id)); }
        Form token(String v) { return set(CommentForm.TOKEN, v); }
        Form honeypot(String v) { return set(CommentForm.HONEYPOT, v); }
        Form remember() { return set("remember", "yes"); }

        Form set(String field, String value) {
            fields.put(field, value);
            return this;
        }

        Form without(String field) {
            fields.remove(field);
            return this;
        }

        /** As a reader on this address behind the site's own proxy (server.trusted_proxies names loopback). */
        Form from(String ip) {
            return header("X-Forwarded-For", ip);
        }

        Form origin(String v) {
            int i = headers.indexOf("Origin");
            headers.set(i + 1, v);
            return this;
        }

        Form cookies(String... nameValues) {
            return header("Cookie", cookieHeader(nameValues));
        }

        Form header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        HttpResponse<String> post() {
            return CommentPoster.this.post(fields, headers);
        }
    }
}
