package it.testata.page;

import it.testata.account.Role;
import it.testata.menu.Menu;
import it.testata.menu.MenuService;
import it.testata.menu.MenuStore;
import it.testata.support.ApiClient;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parent pages over real HTTP: a page put under another in the editor is served at the nested address (and shown
 * so in the pages list, the page's parent links, the menus and the API); a slug or parent change keeps the old
 * addresses with a 301; a parent that would make a loop, or a tree deeper than three levels, is refused with 422
 * and the typed values kept.
 */
class ParentPagesTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;
    static StaffClient editor;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ed@example.org", "Elena Dori", Role.EDITOR, PASSWORD.toCharArray());
        editor = StaffClient.signedIn(site, "ed@example.org", PASSWORD);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Map<String, String> page(String title, String slug, String parent) {
        Map<String, String> f = new LinkedHashMap<>(Map.of("title", title, "slug", slug, "status", "published",
                "body", "Il testo di " + title + ".", "kind", "page"));
        if (parent != null) f.put("parent_id", parent);
        return f;
    }

    static long created(Map<String, String> fields) {
        HttpResponse<String> r = editor.postForm("/admin/articles/new", fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("^/admin/articles/(\\d+)\\?done=saved$", "$1"));
    }

    static void saved(long id, Map<String, String> fields) {
        HttpResponse<String> r = editor.postForm("/admin/articles/" + id, fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    }

    static boolean sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    static void assertRedirect(String from, String to) {
        HttpResponse<String> r = site.get(from);
        assertThat(r.statusCode()).as(from).isEqualTo(301);
        assertThat(r.headers().firstValue("Location").orElse("")).as(from).isEqualTo(to);
    }

    @Test
    void aPageUnderAParentIsServedAtTheNestedAddressEverywhere() throws Exception {
        long about = created(page("Chi siamo", "chi-siamo", null));
        long team = created(page("La redazione", "la-redazione", String.valueOf(about)));

        HttpResponse<String> r = site.get("/chi-siamo/la-redazione/");
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("h1").text()).isEqualTo("La redazione");
        assertThat(d.select(".page-parents a").attr("href")).isEqualTo("/chi-siamo/");
        assertThat(d.select("link[rel=canonical]").attr("href")).endsWith("/chi-siamo/la-redazione/");
        assertThat(site.get("/la-redazione/").statusCode()).isEqualTo(404);
        assertThat(site.get("/altro/la-redazione/").statusCode()).isEqualTo(404);
        assertRedirect("/chi-siamo/la-redazione", "/chi-siamo/la-redazione/");

        // the pages list shows the hierarchy and the address; the editor shows the parent chosen
        Document list = editor.page("/admin/pages");
        assertThat(list.select("td:has(a[href=/admin/articles/" + team + "])").text())
                .contains("Chi siamo \u203A La redazione").contains("/chi-siamo/la-redazione/");
        Document form = editor.page("/admin/articles/" + team);
        assertThat(form.select("select#parent option[selected]").attr("value")).isEqualTo(String.valueOf(about));
        assertThat(form.select(".editor-links a").eachAttr("href")).contains("/chi-siamo/la-redazione/");
        // the parent's own editor does not offer itself nor its child
        Document parentForm = editor.page("/admin/articles/" + about);
        assertThat(parentForm.select("select#parent option").eachAttr("value")).doesNotContain(String.valueOf(about), String.valueOf(team));

        // a menu's page entry, the sitemap and the API use the nested address
        new MenuService(new MenuStore(site.site().db.jdbi()), site.site().changes).add(Menu.PRIMARY, "page", "la-redazione", "");
        assertThat(Jsoup.parse(site.get("/").body()).select("header nav a[href=/chi-siamo/la-redazione/]")).isNotEmpty();
        assertThat(site.get("/sitemaps/articles-1.xml").body()).contains("/chi-siamo/la-redazione/</loc>");
        ApiClient api = new ApiClient(site, site.site().accounts.createToken("ed@example.org", "test"));
        assertThat(api.get("/api/v1/articles/" + team).json().get("url").asText()).endsWith("/chi-siamo/la-redazione/");
        // search finds it at that address too (the index follows the change log on its own thread)
        long deadline = System.currentTimeMillis() + 10_000;
        Document found;
        do {
            found = Jsoup.parse(site.get("/?s=redazione").body());
        } while (found.select("main a[href=/chi-siamo/la-redazione/]").isEmpty() && System.currentTimeMillis() < deadline
                && sleep());
        assertThat(found.select("main a[href=/chi-siamo/la-redazione/]")).isNotEmpty();
    }

    @Test
    void aSlugOrParentChangeKeepsTheOldAddressesWorking() {
        long parent = created(page("Storia", "storia", null));
        long child = created(page("Le origini", "origini", String.valueOf(parent)));
        long grandchild = created(page("Il 1987", "il-1987", String.valueOf(child)));
        assertThat(site.get("/storia/origini/il-1987/").statusCode()).isEqualTo(200);

        // the parent's slug changes: it and every page under it move, their old addresses redirect
        saved(parent, page("Storia", "la-storia", null));
        assertThat(site.get("/la-storia/origini/il-1987/").statusCode()).isEqualTo(200);
        assertRedirect("/storia/", "/la-storia/");
        assertRedirect("/storia/origini/", "/la-storia/origini/");
        assertRedirect("/storia/origini/il-1987/", "/la-storia/origini/il-1987/");

        // a page moves to the top level: its old addresses (both of them) lead to the new one
        saved(child, page("Le origini", "origini", ""));
        assertThat(site.get("/origini/").statusCode()).isEqualTo(200);
        assertThat(site.get("/origini/il-1987/").statusCode()).isEqualTo(200);
        assertRedirect("/la-storia/origini/", "/origini/");
        assertRedirect("/storia/origini/", "/origini/");
        assertRedirect("/la-storia/origini/il-1987/", "/origini/il-1987/");

        // a slug changed through the API moves the subpages too
        ApiClient api = new ApiClient(site, site.site().accounts.createToken("ed@example.org", "api"));
        assertThat(api.patch("/api/v1/articles/" + child, Map.of("slug", "inizi")).status()).isEqualTo(200);
        assertRedirect("/origini/il-1987/", "/inizi/il-1987/");
        assertRedirect("/origini/", "/inizi/");
        assertThat(site.get("/inizi/il-1987/").statusCode()).isEqualTo(200);
        assertThat(grandchild).isPositive();
    }

    @Test
    void aPreviewLinkOfAPageThatIsNowPublicLeadsToItsNestedAddress() {
        long parent = created(page("Servizi", "servizi", null));
        Map<String, String> draft = page("Abbonamenti", "abbonamenti", String.valueOf(parent));
        draft.put("status", "draft");
        long id = created(draft);
        String link = editor.page("/admin/articles/" + id).select("#preview-url").val();
        String path = link.replaceFirst("^https?://[^/]+", "");
        assertThat(path).startsWith("/preview/");
        assertThat(site.get(path).statusCode()).isEqualTo(200);
        saved(id, page("Abbonamenti", "abbonamenti", String.valueOf(parent)));
        HttpResponse<String> r = site.get(path);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/servizi/abbonamenti/");
    }

    @Test
    void deletingAParentMovesItsPagesUpAndTheirOldAddressesRedirect() {
        long parent = created(page("Archivio", "archivio", null));
        created(page("Foto", "foto", String.valueOf(parent)));
        assertThat(site.get("/archivio/foto/").statusCode()).isEqualTo(200);
        assertThat(site.site().articles.delete(parent)).isTrue();
        assertThat(site.get("/foto/").statusCode()).isEqualTo(200);
        assertRedirect("/archivio/foto/", "/foto/");
    }

    @Test
    void aLoopOrATreeTooDeepIsRefusedWith422AndTheValuesKept() {
        long a = created(page("Sezione A", "sezione-a", null));
        long b = created(page("Sezione B", "sezione-b", String.valueOf(a)));
        long c = created(page("Sezione C", "sezione-c", String.valueOf(b)));
        Map<String, String> article = page("Un articolo", "un-articolo", null);
        article.remove("kind");
        long post = created(article); // an article is no parent

        for (String wrong : new String[]{String.valueOf(b), String.valueOf(c), String.valueOf(a), "abc", String.valueOf(post), "999999"}) {
            Map<String, String> typed = page("Sezione A rinominata", "sezione-a-nuova", wrong);
            HttpResponse<String> r = editor.postForm("/admin/articles/" + a, typed);
            assertThat(r.statusCode()).as(wrong).isEqualTo(422);
            Document d = Jsoup.parse(r.body());
            assertThat(d.select("#parent-error").text()).as(wrong).isNotEmpty();
            assertThat(d.select("#parent").attr("aria-invalid")).isEqualTo("true");
            assertThat(d.select("input#title").val()).isEqualTo("Sezione A rinominata");
            assertThat(d.select("input#slug").val()).isEqualTo("sezione-a-nuova");
            assertThat(d.select("textarea#body").text()).isEqualTo("Il testo di Sezione A rinominata.");
        }
        // nothing was saved
        assertThat(site.get("/sezione-a/sezione-b/sezione-c/").statusCode()).isEqualTo(200);
        assertThat(site.site().articles.article(a).orElseThrow().title()).isEqualTo("Sezione A");

        // a fourth level is refused for a new page too, with its values kept
        Map<String, String> deep = page("Sezione D", "sezione-d", String.valueOf(c));
        HttpResponse<String> r = editor.postForm("/admin/articles/new", deep);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select("input#title").val()).isEqualTo("Sezione D");
        int stored = site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles WHERE slug = 'sezione-d'")
                .mapTo(Integer.class).one());
        assertThat(stored).isZero();
        // and a page with children cannot go under a page where they would be too deep
        HttpResponse<String> moved = editor.postForm("/admin/articles/" + b, page("Sezione B", "sezione-b", String.valueOf(created(page("Altra", "altra", String.valueOf(a))))));
        assertThat(moved.statusCode()).isEqualTo(422);
    }
}
