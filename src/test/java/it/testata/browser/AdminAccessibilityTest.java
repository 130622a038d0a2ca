package it.testata.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.account.Role;
import it.testata.comment.CommentRecord;
import it.testata.comment.CommentService;
import it.testata.support.Browser;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core in a real Chromium finds no violation on any back-office page: sign-in, dashboard, each queue tab, a
 * comment's page, settings (also with errors), users, the articles list, the editor (new and existing) and revisions,
 * the profile (with a QR code), the audit log, the privacy tools and the sign-in's second step. axe-core comes from npm through scripts/fetch-validators.sh
 * into .cache/validators; without it the test is skipped and says so.
 */
public class AdminAccessibilityTest {
    static final Path AXE = Path.of(".cache", "validators", "node_modules", "axe-core", "axe.min.js");
    static final String PASSWORD = "correct horse battery";
    static final String SLUG = "il-fiume-non-e-un-nemico";

    TestSite site;

    @BeforeEach
    void start() {
        Browser.assumeAvailable();
        Assumptions.assumeTrue(Files.isRegularFile(AXE),
                "axe-core check skipped: no " + AXE + " (run scripts/fetch-validators.sh; it needs npm and the registry)");
        site = TestSite.startWithDemo();
        site.site().settings.update(Map.of("comments.flood_seconds", "0"));
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
    }

    @AfterEach
    void stop() {
        if (site != null) site.close();
    }

    @Test
    void everyAdminPageHasNoAxeViolation() throws Exception {
        CommentRecord c = ModerationBrowserTest.held(site, SLUG, "Piero Sarti",
                "Guardate https://a.example/ e https://b.example/ e https://c.example/ ora", "198.51.100.0/24");
        CommentRecord approved = ModerationBrowserTest.held(site, SLUG, "Lia Fonti", "Un commento approvato.", "203.0.113.0/24");
        CommentRecord spam = ModerationBrowserTest.held(site, SLUG, "Ugo Neri", "Un commento nello spam.", "192.0.2.0/24");
        CommentRecord trash = ModerationBrowserTest.held(site, SLUG, "Ada Bassi", "Un commento nel cestino.", "198.18.0.0/24");
        site.site().commentService.moderate(approved.id(), CommentService.Action.APPROVE);
        site.site().commentService.moderate(spam.id(), CommentService.Action.SPAM);
        site.site().commentService.moderate(trash.id(), CommentService.Action.TRASH);

        Map<String, String> pages = pages(site, c.id());
        pages.put("queue pingbacks and trackbacks", "/admin/comments?status=approved&kind=pings"); // --- harden ---
        // --- staff: profile (TOTP being set up: the QR code), audit log, privacy tools ---
        long ada = site.site().accounts.user("ada@example.org").orElseThrow().id();
        site.site().twoFactor.startTotp(ada);
        pages.put("profile", "/admin/profile");
        pages.put("audit", "/admin/audit");
        pages.put("audit filtered", "/admin/audit?actor=ada%40example.org&action=login&from=2020-01-01&to=2099-12-31");
        pages.put("privacy", "/admin/privacy");
        pages.put("privacy found", "/admin/privacy?email=piero.sarti%40esempio.it");
        // --- mail ---
        site.site().newsletter.importLines(List.of("lettrice@example.org,Lettrice"), true, "198.51.100.0");
        pages.put("mail", "/admin/mail");
        pages.put("messages", "/admin/messages");
        pages.put("newsletter", "/admin/newsletter");
        pages.put("newsletter issues", "/admin/newsletter/issues");
        // --- front ---
        pages.put("menus", "/admin/menus?done=added");
        pages.put("design", "/admin/design?saved=1");
        String axe = Files.readString(AXE);
        List<String> violations = new ArrayList<>();
        try (Browser b = Browser.start()) {
            b.open(site.url("/admin/login"));
            violations.addAll(check(b, axe, "login"));
            b.open(site.url("/admin/password-reset")); // --- mail ---
            violations.addAll(check(b, axe, "password reset"));
            ModerationBrowserTest.signIn(b, site, "ada@example.org", PASSWORD, "/admin/");
            for (var page : pages.entrySet()) {
                b.open(site.url(page.getValue()));
                violations.addAll(check(b, axe, page.getKey()));
            }
            // forms sent back with errors: settings and a new user
            b.open(site.url("/admin/settings"));
            b.find("input[name='comments.thread_depth']").clear();
            b.find("input[name='comments.thread_depth']").sendKeys("tre");
            b.find("form.settings button[type=submit]").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(
                    org.openqa.selenium.By.cssSelector(".field-error")).isEmpty());
            violations.addAll(check(b, axe, "settings with errors"));
            b.open(site.url("/admin/users"));
            b.find("#new-email").sendKeys("ada@example.org");
            b.find("#new-name").sendKeys("Ada");
            b.find("section[aria-labelledby=add-title] button[type=submit]").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(
                    org.openqa.selenium.By.cssSelector(".field-error")).isEmpty());
            violations.addAll(check(b, axe, "users with errors"));
            // --- front: the menu and design forms sent back with errors ---
            b.open(site.url("/admin/menus"));
            new org.openqa.selenium.support.ui.Select(b.find("#footer-kind")).selectByValue("link");
            b.find("#footer-url").sendKeys("nowhere");
            b.find("#menu-footer form.menu-add button[type=submit]").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(
                    org.openqa.selenium.By.cssSelector(".field-error")).isEmpty());
            violations.addAll(check(b, axe, "menus with errors"));
            b.open(site.url("/admin/design"));
            b.find("#d-accent").clear();
            b.find("#d-accent").sendKeys("#eeeeee");
            b.find("form.design button[type=submit]").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(
                    org.openqa.selenium.By.cssSelector(".field-error")).isEmpty());
            violations.addAll(check(b, axe, "design with errors"));
            // --- staff: the sign-in's second step ---
            b.find(".admin-logout button").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/admin/login?out=1"));
            byte[] secret = site.site().twoFactor.pendingTotp(ada).orElseThrow();
            site.site().twoFactor.confirmTotp(ada, it.testata.support.TotpCodes.code(it.testata.twofactor.Totp.base32(secret), 0));
            b.find("#email").sendKeys("ada@example.org");
            b.find("#password").sendKeys(PASSWORD);
            b.find("form[action='/admin/login'] button[type=submit]").click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin/login/2fa"));
            violations.addAll(check(b, axe, "second factor"));
            // the two 422 answers are logged as failed loads; nothing else may be (CSP violations, script errors)
            assertThat(b.consoleErrors()).allMatch(e -> e.contains("status of 422"));
            // --- front: the new pages at 390 px too ---
            b.phone();
            for (String path : List.of("/admin/menus", "/admin/design")) {
                b.open(site.url(path));
                violations.addAll(check(b, axe, "390 px " + path));
            }
        }
        assertThat(violations).as("axe-core violations").isEmpty();
    }

    /**
     * Every back-office page at 390 px, as on a phone: no axe-core violation, and nothing wider than the screen
     * (the document scrolls only up and down).
     */
    @Test
    void everyAdminPageFitsA390PixelPhone() throws Exception {
        CommentRecord c = ModerationBrowserTest.held(site, SLUG, "Piero Sarti",
                "Guardate https://a.example/unindirizzomoltolungosenzaspazichepotrebbeallargarelapagina e altro", "198.51.100.0/24");
        String axe = Files.readString(AXE);
        List<String> violations = new ArrayList<>();
        List<String> overflowing = new ArrayList<>();
        try (Browser b = Browser.start(new Browser.Options().window(500, 844))) {
            // headless Chromium keeps windows at least 500 px wide: the phone's screen is emulated instead
            b.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            b.open(site.url("/admin/login"));
            assertThat(((Number) b.driver().executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
            violations.addAll(check(b, axe, "login at 390 px"));
            overflowing.addAll(overflow(b, "login"));
            ModerationBrowserTest.signIn(b, site, "ada@example.org", PASSWORD, "/admin/");
            for (var page : pages(site, c.id()).entrySet()) {
                b.open(site.url(page.getValue()));
                violations.addAll(check(b, axe, page.getKey() + " at 390 px"));
                overflowing.addAll(overflow(b, page.getKey()));
            }
        }
        assertThat(violations).as("axe-core violations at 390 px").isEmpty();
        assertThat(overflowing).as("pages wider than a 390 px screen").isEmpty();
    }

    /** The page's width beyond the screen's, as "name: N px wide (widest: element)"; empty when it fits. */
    static List<String> overflow(Browser b, String name) {
        Object r = b.driver().executeScript("""
                const w = document.documentElement.scrollWidth;
                if (w <= 390) return null;
                const wide = [];
                for (const e of document.querySelectorAll('body *')) {
                  if (e.getBoundingClientRect().right > 391 && wide.length < 3) {
                    wide.push(e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
                  }
                }
                return w + ' px wide (' + wide.join(', ') + ')';
                """);
        return r == null ? List.of() : List.of(name + " " + b.currentUrl() + ": " + r);
    }

    /** Name and address of every back-office page (with the demo content, a comment, an image, a trashed article). */
    public static Map<String, String> pages(TestSite site, long commentId) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("dashboard", "/admin/");
        pages.put("queue pending", "/admin/comments?status=pending");
        pages.put("queue approved", "/admin/comments?status=approved&done=approve&n=1");
        pages.put("queue spam", "/admin/comments?status=spam");
        pages.put("queue trash", "/admin/comments?status=trash");
        pages.put("comment", "/admin/comments/" + commentId);
        pages.put("settings", "/admin/settings?saved=1");
        pages.put("users", "/admin/users");
        long article = site.site().articles.publicArticle(SLUG).orElseThrow().id();
        pages.put("articles", "/admin/articles");
        pages.put("articles filtered", "/admin/articles?status=published&q=fiume");
        pages.put("new article", "/admin/articles/new");
        pages.put("edit article", "/admin/articles/" + article);
        pages.put("revisions", "/admin/articles/" + article + "/revisions");
        // --- newsroom ---
        it.testata.media.Image img = site.site().images.upload(
                it.testata.support.Pictures.encode(it.testata.support.Pictures.picture(1600, 900, false), "png"),
                "una-fotografia-con-un-nome-di-file-molto-lungo-senza-spazi.png", null);
        // --- pages: the list with a page under its parent, and that page's editor with its parent chosen ---
        long about = it.testata.page.Pages.published(site, "Chi siamo", "", null, "Ada Rossi");
        long team = it.testata.page.Pages.published(site, "La redazione", "", about, "Ada Rossi");
        pages.put("pages", "/admin/pages");
        pages.put("new page", "/admin/pages/new");
        pages.put("edit page under a parent", "/admin/articles/" + team);
        pages.put("media library", "/admin/media?done=uploaded&n=1");
        pages.put("media image", "/admin/media/" + img.id());
        it.testata.article.Article draft = site.site().articles.create(new it.testata.article.ArticleDraft("", "Una bozza",
                "", "Testo con ![](" + img.url() + ")", it.testata.article.Status.DRAFT, null, "Ada Rossi", null,
                List.of()), null);
        pages.put("draft with preview link and alt warning", "/admin/articles/" + draft.id());
        it.testata.article.Article trashed = site.site().articles.create(new it.testata.article.ArticleDraft("", "Nel cestino",
                "", "Testo", it.testata.article.Status.DRAFT, null, "Ada Rossi", null, List.of()), null);
        new it.testata.editor.NewsroomService(site.site().articles, new it.testata.editor.EditorStore(site.site().db.jdbi()),
                site.site().changes, null).trash(trashed.id());
        pages.put("article in the trash", "/admin/articles/" + trashed.id());
        pages.put("articles trash", "/admin/articles?status=trash&done=trashed");
        return pages;
    }

    static List<String> check(Browser b, String axe, String name) throws Exception {
        b.driver().executeScript(axe);
        Object result = b.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\n/g, ' '))})))))
                  .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'error', help: String(e), nodes: []}])));
                """);
        JsonNode found = new ObjectMapper().readTree(String.valueOf(result));
        assertThat(found.isArray()).as("axe-core ran on " + name).isTrue();
        List<String> out = new ArrayList<>();
        for (JsonNode v : found) {
            out.add(name + " " + b.currentUrl() + ": " + v.path("id").asText() + " (" + v.path("impact").asText() + ") "
                    + v.path("help").asText() + " " + v.path("nodes"));
        }
        return out;
    }
}
