package it.testata.comment;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many readers post at the same moment (submissions are stored in group commits): every comment from its own
 * network and address is acknowledged and stored, exactly once; from one network, or with one address, only the
 * first of the burst gets through and the others are refused as a flood, as when they came one by one.
 */
class CommentBurstTest {
    static TestSite site;
    static CommentPoster poster;
    static long articleId;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        poster = new CommentPoster(site);
        articleId = CommentPoster.articleId(site, DEMO_SLUG);
        site.site().settings.update(Map.of("comments.moderation", "open"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    record Sent(String text, String group, HttpResponse<String> answer) {}

    @Test
    void aBurstFromManyNetworksIsAllStoredAndAFloodInItIsStillRefused() throws Exception {
        List<CommentPoster.Form> forms = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // one network and one address each
            add(forms, texts, groups, "many", poster.form(articleId).author("Lettore " + i).email("lettore" + i + "@example.org")
                    .from("10.61." + i + ".7"), "Commento numero " + i + " della raffica, da una rete sua.");
        }
        for (int i = 0; i < 8; i++) { // one network, eight addresses
            add(forms, texts, groups, "net", poster.form(articleId).author("Vicino " + i).email("vicino" + i + "@example.org")
                    .from("10.62.0." + (10 + i)), "Dalla stessa rete, commento " + i + ".");
        }
        for (int i = 0; i < 6; i++) { // one address, six networks
            add(forms, texts, groups, "email", poster.form(articleId).author("Insistente").email("insistente@example.org")
                    .from("10.63." + i + ".7"), "Stesso indirizzo, commento " + i + ".");
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Sent>> pending = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < forms.size(); i++) {
                CommentPoster.Form f = forms.get(i);
                String text = texts.get(i);
                String group = groups.get(i);
                pending.add(pool.submit(() -> {
                    go.await();
                    return new Sent(text, group, f.post());
                }));
            }
            go.countDown();
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<Sent> f : pending) sent.add(f.get());

        Map<String, CommentRecord> stored = site.site().commentService.list(null, DEMO_SLUG).stream()
                .filter(c -> texts.contains(c.bodyRaw()))
                .collect(Collectors.toMap(CommentRecord::bodyRaw, Function.identity(), (a, b) -> {
                    throw new AssertionError("stored twice: " + a.bodyRaw());
                }));
        for (Sent s : sent) {
            int status = s.answer().statusCode();
            if (status == 303) {
                // acknowledged = stored: the id in the answer is the stored comment with this text
                String location = s.answer().headers().firstValue("Location").orElseThrow();
                CommentRecord c = stored.get(s.text());
                assertThat(c).as("stored: " + s.text()).isNotNull();
                // published (moderation is open), unless the spam filter held it: then the answer says so
                if (c.status() == CommentStatus.APPROVED) assertThat(location).isEqualTo(DEMO_PATH + "#comment-" + c.id());
                else assertThat(location).isEqualTo(DEMO_PATH + "?moderazione=1#respond");
            } else {
                assertThat(status).as(s.text() + ": " + s.answer().body()).isEqualTo(429);
                assertThat(stored).doesNotContainKey(s.text());
            }
        }
        assertThat(count(sent, "many", 303)).isEqualTo(60);
        assertThat(count(sent, "net", 303)).as("one comment per network in the flood interval").isEqualTo(1);
        assertThat(count(sent, "net", 429)).isEqualTo(7);
        assertThat(count(sent, "email", 303)).as("one comment per address in the flood interval").isEqualTo(1);
        assertThat(count(sent, "email", 429)).isEqualTo(5);
        assertThat(stored).hasSize(62);
    }

    private static void add(List<CommentPoster.Form> forms, List<String> texts, List<String> groups, String group,
                            CommentPoster.Form form, String text) {
        forms.add(form.text(text));
        texts.add(text);
        groups.add(group);
    }

    private static long count(List<Sent> sent, String group, int status) {
        return sent.stream().filter(s -> s.group().equals(group) && s.answer().statusCode() == status).count();
    }
}
