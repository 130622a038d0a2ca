package it.testata.comment;

import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static it.testata.comment.CommentPoster.DEMO_PATH;
import static it.testata.comment.CommentPoster.DEMO_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commenter's email is never public: not in any page reachable from the home page, not in the privacy page,
 * a 404, a reply form, a held comment's page seen by its author, nor in any response header.
 */
class CommentEmailPrivacyTest {
    TestSite site;
    CommentPoster poster;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo(); // moderation "first"
        poster = new CommentPoster(site);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void noCommenterEmailAppearsInAnyPublicPageOrHeader() {
        long demo = CommentPoster.articleId(site, DEMO_SLUG);
        long newest = site.site().articles.list(it.testata.article.ArticleQuery.all(), 1).orElseThrow().items().getFirst().id();
        String newestPath = site.site().articles.list(it.testata.article.ArticleQuery.all(), 1).orElseThrow().items()
                .getFirst().path(site.site().settings.current().zone());

        // the local parts are unique strings: finding one anywhere, in any encoding of the address, is a leak
        Map<String, String> emails = Map.of(
                "qx7approved", "qx7approved@example.org",
                "qx7pending", "qx7pending@example.net",
                "qx7reply", "qx7reply@example.com",
                "qx7spam", "qx7spam@example.org",
                "qx7newest", "qx7newest@example.it");
        long approved = post(demo, "Anna Approvata", emails.get("qx7approved"), "https://anna.example/", "10.11.1.1", 0).id;
        site.site().commentService.moderate(approved, CommentService.Action.APPROVE);
        Posted pending = post(demo, "Piero Pendente", emails.get("qx7pending"), "", "10.11.2.1", 0);
        long reply = post(demo, "Rita Risposta", emails.get("qx7reply"), "", "10.11.3.1", approved).id;
        site.site().commentService.moderate(reply, CommentService.Action.APPROVE);
        long spam = post(demo, "Sam Spam", emails.get("qx7spam"), "https://spam.example/", "10.11.4.1", 0).id;
        site.site().commentService.moderate(spam, CommentService.Action.SPAM);
        long onNewest = post(newest, "Nina Nuova", emails.get("qx7newest"), "", "10.11.5.1", 0).id;
        site.site().commentService.moderate(onNewest, CommentService.Action.APPROVE);
        assertThat(site.site().commentService.list(CommentStatus.APPROVED, null)).hasSize(3);

        // the held comment's author, with the pending cookie, on every address of the article (before anything
        // is in the page cache: a cached page would be served to the author instead, see CommentModerationTest)
        for (String path : List.of(DEMO_PATH, DEMO_PATH + "?moderazione=1", DEMO_PATH + "?replytocom=" + approved, "/")) {
            HttpResponse<String> r = poster.getWithCookies(path, CommentCookies.PENDING, pending.cookie);
            check(path + " with the pending cookie", r, emails.keySet());
        }
        Document own = poster.page(DEMO_PATH + "?moderazione=1", CommentCookies.PENDING, pending.cookie);
        assertThat(own.getElementById("comment-" + pending.id)).as("the author sees the held comment").isNotNull();

        List<String> seen = new ArrayList<>();
        // every page reachable from the home page on this host
        Set<String> visited = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/privacy/", "/pagina-che-non-esiste/", "/feed/",
                DEMO_PATH + "?replytocom=" + approved, DEMO_PATH + "?replytocom=" + reply,
                DEMO_PATH + "?replytocom=" + pending.id, DEMO_PATH + "?moderazione=1",
                newestPath + "?replytocom=" + onNewest));
        while (!queue.isEmpty() && visited.size() < 400) {
            String path = queue.poll();
            if (!visited.add(path)) continue;
            HttpResponse<String> r = poster.get(path);
            check(path, r, emails.keySet());
            seen.add(path);
            if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) continue;
            Document d = Jsoup.parse(r.body(), poster.origin() + path);
            for (Element el : d.select("a[href], link[href], script[src], form[action]")) {
                String abs = el.hasAttr("href") ? el.absUrl("href") : el.hasAttr("src") ? el.absUrl("src") : el.absUrl("action");
                String local = local(abs);
                if (local != null && !visited.contains(local)) queue.add(local);
            }
        }
        assertThat(visited).as("the crawl reached the article, the other articles and the archives")
                .contains(DEMO_PATH, newestPath, "/privacy/").hasSizeGreaterThan(30);
        assertThat(seen).anyMatch(p -> p.startsWith("/category/")).anyMatch(p -> p.startsWith("/author/"))
                .anyMatch(p -> p.startsWith("/tag/"));

        // the comments are really there, so the check above is not vacuous
        Document article = poster.page(DEMO_PATH);
        assertThat(article.getElementById("comment-" + approved)).isNotNull();
        assertThat(article.getElementById("comment-" + reply)).isNotNull();
        assertThat(article.select(".recent-comments").text()).contains("Anna Approvata").contains("Nina Nuova");

        // a refused form shows the typed email back only to who typed it; nobody else's
        HttpResponse<String> refused = poster.form(demo).author("Ugo").email("ugo@example.org").url("javascript:x")
                .from("10.11.9.1").text("x").post();
        assertThat(refused.statusCode()).isEqualTo(422);
        check("a 422 answer", refused, emails.keySet());
        // and the answers to the posts carried no email but the cookie the commenter asked for
        assertThat(pending.response.headers().map().toString().toLowerCase(Locale.ROOT)).doesNotContain("qx7");
    }

    void check(String what, HttpResponse<String> r, Set<String> localParts) {
        String body = r.body().toLowerCase(Locale.ROOT);
        String headers = r.headers().map().toString().toLowerCase(Locale.ROOT);
        for (String local : localParts) {
            assertThat(body).as("body of " + what).doesNotContain(local);
            assertThat(headers).as("headers of " + what).doesNotContain(local);
        }
        assertThat(r.statusCode()).as(what).isIn(200, 404, 422);
    }

    /** A same-host path (with its query, without the fragment) or null for another host. */
    String local(String abs) {
        if (abs == null || abs.isBlank()) return null;
        URI u = URI.create(abs.replace(" ", "%20"));
        if (!poster.origin().equals(u.getScheme() + "://" + u.getRawAuthority())) return null;
        String p = u.getRawPath();
        if (p == null || p.isEmpty() || p.startsWith("/comments/")) return null;
        return u.getRawQuery() == null ? p : p + "?" + u.getRawQuery();
    }

    record Posted(long id, String cookie, HttpResponse<String> response) {}

    Posted post(long article, String name, String email, String url, String network, long parent) {
        var form = poster.form(article).author(name).email(email).url(url).from(network).text("Commento di " + name + ".");
        if (parent > 0) form.parent(parent);
        HttpResponse<String> r = form.post();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        long id = site.site().commentService.list(null, null).getFirst().id();
        return new Posted(id, CommentPoster.cookie(r, CommentCookies.PENDING).orElse(null), r);
    }
}
