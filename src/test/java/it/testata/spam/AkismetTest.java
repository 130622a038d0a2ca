package it.testata.spam;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Akismet-compatible calls over real HTTP: the key, comment-check with rules and classifier, lessons. */
class AkismetTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    TestSite site;
    String key;

    @BeforeEach
    void start() {
        site = TestSite.startEmpty();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    HttpResponse<String> call(String method, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(site.url("/akismet/1.1/" + method)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    Map<String, String> comment(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("api_key", key);
        m.put("blog", "https://altro-sito.example");
        m.put("user_ip", "198.51.100.23");
        m.put("user_agent", "Mozilla/5.0");
        m.put("comment_type", "comment");
        m.put("comment_author", "Lettore");
        m.put("comment_author_email", "lettore@example.org");
        m.put("comment_author_url", "");
        m.put("comment_content", text);
        return m;
    }

    @Test
    void offWithoutAKeyThenChecksAndLearnsWithIt() throws Exception {
        key = "not-yet";
        assertThat(call("comment-check", comment("Ciao")).statusCode()).isEqualTo(403);
        key = "0123456789abcdef0123456789abcdef";
        site.site().settings.putSecret(AkismetHandlers.KEY_SETTING, key);
        assertThat(call("verify-key", Map.of("key", key, "blog", "https://altro-sito.example")).body()).isEqualTo("valid");
        assertThat(call("verify-key", Map.of("key", "wrong", "blog", "x")).body()).isEqualTo("invalid");

        HttpResponse<String> ham = call("comment-check", comment("Bell'articolo sul consiglio comunale di ieri."));
        assertThat(ham.statusCode()).isEqualTo(200);
        assertThat(ham.body()).isEqualTo("false");

        Map<String, String> noIp = comment("Senza indirizzo");
        noIp.remove("user_ip");
        HttpResponse<String> bad = call("comment-check", noIp);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("user_ip");

        site.site().settings.update(Map.of("spam.disallowed_words", "casinò"));
        HttpResponse<String> rule = call("comment-check", comment("Vieni al casinò stasera"));
        assertThat(rule.body()).isEqualTo("true");
        assertThat(rule.headers().firstValue("X-Testata-Reasons").orElse("")).contains("disallowed-word casinò");

        String zorblax = "Frimbelle zorblax quintavo in offerta, scrivi a zorblax su WhatsApp oggi"; // a contact: the classifier may block it
        assertThat(call("comment-check", comment(zorblax)).body()).isEqualTo("false");
        for (int i = 0; i < 30; i++) {
            assertThat(call("submit-spam", comment("Offerta zorblax quintavo " + i + ": frimbelle per tutti")).statusCode()).isEqualTo(200);
            assertThat(call("submit-ham", comment("Il consiglio comunale " + i + " ha parlato di parcheggi")).statusCode()).isEqualTo(200);
        }
        assertThat(site.site().spam.learned()).isEqualTo(60);
        HttpResponse<String> learned = call("comment-check", comment(zorblax));
        assertThat(learned.body()).isEqualTo("true");
        assertThat(learned.headers().firstValue("X-Testata-Reasons").orElse("")).contains("classifier").contains("zorblax");
        // another site's comments are judged and learned, never stored here
        assertThat(site.site().commentService.list(null, null)).isEmpty();
    }
}
