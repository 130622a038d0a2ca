package it.testata.support;

import it.testata.comment.CommentForm;
import it.testata.comment.FormToken;
import it.testata.web.Signer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Posts the comment form over real HTTP as a reader would, with a token minted ten seconds ago by the site's key. */
public final class CommentForms {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final TestSite site;
    private final FormToken tokens;

    public CommentForms(TestSite site) {
        this.site = site;
        this.tokens = new FormToken(new Signer(site.site().settings.signingKey()));
    }

    /** Comment number n (its author, e-mail and network follow n, so flood control lets a burst through). */
    public HttpResponse<String> post(long articleId, int n, String text) throws IOException, InterruptedException {
        return post(articleId, n, text, Map.of());
    }

    /** The same with some fields set otherwise (the honeypot filled, say). */
    public HttpResponse<String> post(long articleId, int n, String text, Map<String, String> changed)
            throws IOException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("author", "Lettore " + n);
        f.put("email", "lettore" + n + "@example.org");
        f.put("url", "");
        f.put("comment", text);
        f.put("comment_post_ID", String.valueOf(articleId));
        f.put("comment_parent", "0");
        f.put(CommentForm.HONEYPOT, "");
        f.put(CommentForm.TOKEN, tokens.issue(Instant.now().minusSeconds(10)));
        f.putAll(changed);
        String body = f.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(site.url("/comments/")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", site.url(""))
                .header("X-Forwarded-For", "198.51." + (n % 200) + ".7")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
