package it.testata.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.support.Browser;
import it.testata.support.Content;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of public page passes the Nu Html Checker (vnu.jar, offline) with no error, and axe-core in a real
 * Chromium with no violation, at 1280 and at 390 px. Both come from npm through scripts/fetch-validators.sh into .cache/validators;
 * without them (no npm, no network) the tests are skipped and say so.
 */
class ValidPagesTest {
    static final Path VALIDATORS = Path.of(".cache", "validators", "node_modules");
    static final Path AXE = VALIDATORS.resolve("axe-core/axe.min.js");
    static final String ARTICLE = "/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/";

    /** Name and address of every kind of public page. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("home", "/");
        PAGES.put("home, page 2", "/page/2/");
        PAGES.put("article with comments", ARTICLE);
        PAGES.put("article, replying", ARTICLE + "?replytocom=1#respond");
        PAGES.put("category", "/category/cronaca/");
        PAGES.put("tag", "/tag/lavoro/");
        PAGES.put("author", "/author/giulia-bertolini/");
        PAGES.put("month", "/2026/11/");
        PAGES.put("search", "/?s=relazione");
        PAGES.put("search, nothing found", "/?s=xyzzyqwerty");
        PAGES.put("search, page 2", "/search/la/page/2/");
        PAGES.put("not found", "/non-esiste/");
        PAGES.put("privacy", "/privacy/");
        // --- mail ---
        PAGES.put("contact", "/contatti/");
        PAGES.put("contact, sent", "/contatti/?inviato=1");
        PAGES.put("newsletter", "/newsletter/");
        PAGES.put("newsletter, asked", "/newsletter/?iscritto=1");
        PAGES.put("newsletter, bad link", "/newsletter/unsubscribe?t=forged");
        // --- front ---
        PAGES.put("article with pictures, related and a newsroom reply", "/2026/11/24/il-vecchio-lanificio-diventa-un-museo-del-lavoro/");
        PAGES.put("year", "/2026/");
        PAGES.put("year, page 2", "/2026/page/2/");
    }

    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.startWithFullDemo(); // pictures, logo, menus and comments, as ./testata serve shows it
        String slug = "l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito";
        long first = Content.approvedComment(site, slug, "Maria Rossi", "maria@example.org", "Finalmente, **era ora**.\n\nUn secondo paragrafo con https://example.org/link.");
        Content.approvedComment(site, slug, "Paolo Verdi", "paolo@example.org", "Sono d'accordo con Maria.");
        PAGES.put("article, replying", ARTICLE + "?replytocom=" + first + "#respond");
        // a password-protected article, locked: the title and the password form
        String locked = "bilancio-comunale-la-minoranza-chiede-piu-fondi-per-le-frazioni";
        site.site().articles.setPassword(site.site().articles.publicArticle(locked).orElseThrow().id(), "segreta");
        PAGES.put("protected article, locked", "/2026/10/01/" + locked + "/");
        // --- notify --- a reader ticks "notify me of replies": the confirm button of the link they get, and a bad link
        var article = site.site().articles.publicArticle(slug).orElseThrow();
        var asked = site.site().commentService.submit(article, new it.testata.comment.CommentForm(article.id(), null, "Lia Neri",
                "lia@example.org", "", "Grazie per l'articolo, avvisatemi se qualcuno risponde.", false, "", "", true),
                site.site().settings.current().comments(), it.testata.settings.SpamSettings.defaults(), "10.9.9.0/24", "test");
        assertThat(asked).isInstanceOfAny(it.testata.comment.CommentService.Outcome.Held.class, it.testata.comment.CommentService.Outcome.Published.class);
        String mail = site.site().db.jdbi().withHandle(h -> h.createQuery(
                "SELECT body_text FROM outbox WHERE kind = 'reply-confirm' AND recipient = 'lia@example.org'").mapTo(String.class).one());
        var confirm = java.util.regex.Pattern.compile("/replies/confirm\\?t=\\S+").matcher(mail);
        assertThat(confirm.find()).isTrue();
        PAGES.put("reply notifications, confirm", confirm.group());
        PAGES.put("reply notifications, bad link", "/replies/unsubscribe-all?t=forged");
        // --- end notify ---
        // --- pages: a page under a parent page, at its nested address with its parent's link ---
        long about = it.testata.page.Pages.published(site, "Chi siamo", "chi-siamo", null, "Giulia Bertolini");
        it.testata.page.Pages.published(site, "La redazione", "la-redazione", about, "Giulia Bertolini");
        PAGES.put("page under a parent page", "/chi-siamo/la-redazione/");
        long deadline = System.currentTimeMillis() + 10_000;
        while (!site.get("/?s=relazione").body().contains("search-result") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    @Test
    void everyPublicPagePassesTheNuHtmlChecker() throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (var page : PAGES.entrySet()) {
            HttpResponse<String> r = site.get(page.getValue());
            assertThat(r.statusCode()).as(page.getKey()).isIn(200, 404);
            bodies.put(page.getKey() + " " + page.getValue(), r.body());
        }
        assertThat(it.testata.support.NuChecker.errors(bodies)).as("Nu Html Checker errors").isEmpty();
    }


    @Test
    void everyPublicPageHasNoAxeViolationInARealBrowser() throws Exception {
        Browser.assumeAvailable();
        Assumptions.assumeTrue(Files.isRegularFile(AXE),
                "axe-core check skipped: no " + AXE + " (run scripts/fetch-validators.sh; it needs npm and the registry)");
        String axe = Files.readString(AXE);
        List<String> violations = new ArrayList<>();
        for (int width : new int[]{1280, 390}) try (Browser b = Browser.start(new Browser.Options().window(width, 900))) {
            if (width == 390) b.phone();
            for (var page : PAGES.entrySet()) {
                b.open(site.url(page.getValue()));
                b.driver().executeScript(axe);
                Object result = b.driver().executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']})
                          .then(r => done(JSON.stringify(r.violations.map(v => ({
                              id: v.id, impact: v.impact, help: v.help,
                              nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\n/g, ' '))})))))
                          .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'error', help: String(e), nodes: []}])));
                        """);
                for (JsonNode v : new ObjectMapper().readTree(String.valueOf(result))) {
                    violations.add(width + " px " + page.getKey() + " " + page.getValue() + ": " + v.path("id").asText() + " ("
                            + v.path("impact").asText() + ") " + v.path("help").asText() + " " + v.path("nodes"));
                }
            }
        }
        assertThat(violations).as("axe-core violations").isEmpty();
    }
}
