package it.testata.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A program using the JSON API with a Bearer token (or none). */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    public static final ObjectMapper JSON = new ObjectMapper();

    private final TestSite site;
    private final String token;

    public ApiClient(TestSite site, String token) {
        this.site = site;
        this.token = token;
    }

    /** An answer: status, headers, and the body parsed as JSON (null when empty). */
    public record Answer(int status, HttpResponse<String> raw, JsonNode json) {
        public String message() {
            return json == null || !json.has("message") ? null : json.get("message").asText();
        }
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a body as given when it is a String (raw), else as its JSON. */
    public Answer send(String method, String path, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(20))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            if (text != null) b.header("Content-Type", "application/json");
            if (token != null) b.header("Authorization", "Bearer " + token);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = r.body().isEmpty() ? null : JSON.readTree(r.body());
            return new Answer(r.statusCode(), r, json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
