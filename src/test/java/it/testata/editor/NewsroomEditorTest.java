package it.testata.editor;

import it.testata.account.Role;
import it.testata.article.Article;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's completions over real HTTP: the trash (out of every public page, back with its status, deleted for
 * good by admins only and only from the trash), signed preview links, the byline chosen from the staff, the
 * per-article comments switch, word count and reading time, and pages kept out of the articles list.
 */
class NewsroomEditorTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
        site.site().accounts.add("ed@example.org", "Elena Dori", Role.EDITOR, PASSWORD.toCharArray());
        site.site().accounts.add("au@example.org", "Aldo Ugo", Role.AUTHOR, PASSWORD.toCharArray());
        site.site().accounts.add("mod@example.org", "Mara Odi", Role.MODERATOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static StaffClient as(String email) {
        return StaffClient.signedIn(site, email, PASSWORD);
    }

    static Map<String, String> fields(String title, String status, String... more) {
        Map<String, String> f = new LinkedHashMap<>(Map.of("title", title, "status", status, "body", "Il testo di " + title + ".",
                "comments_open", "1"));
        for (int i = 0; i < more.length; i += 2) f.put(more[i], more[i + 1]);
        return f;
    }

    /** Saves a new article through the editor and answers its id. */
    static long created(StaffClient c, Map<String, String> fields) {
        HttpResponse<String> r = c.postForm("/admin/articles/new", fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+)\\?done=saved$", "$1"));
    }

    static Article article(long id) {
        return site.site().articles.article(id).orElseThrow();
    }

    static String publicPath(long id) {
        return article(id).path(site.site().settings.current().zone());
    }

    @Test
    void aTrashedArticleLeavesEveryPublicPageAndComesBackPublished() {
        StaffClient c = as("ed@example.org");
        long id = created(c, fields("Il ponte riapre", "published"));
        String path = publicPath(id);
        assertThat(site.get(path).statusCode()).isEqualTo(200);
        assertThat(site.get("/").body()).contains("Il ponte riapre");

        HttpResponse<String> r = c.postForm("/admin/articles/" + id + "/trash", Map.of());
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/articles?status=trash&done=trashed");
        assertThat(site.get(path).statusCode()).isEqualTo(404);
        assertThat(site.get("/").body()).doesNotContain("Il ponte riapre");
        assertThat(site.get("/feed/").body()).doesNotContain("Il ponte riapre");
        Document trash = c.page("/admin/articles?status=trash&done=trashed");
        assertThat(trash.select(".admin-table td a").eachText()).contains("Il ponte riapre");
        assertThat(c.page("/admin/articles").select(".admin-table td a").eachText()).doesNotContain("Il ponte riapre");
        // editing it is refused until it is restored
        Document editor = c.page("/admin/articles/" + id);
        assertThat(editor.select(".trash-notice").text()).contains("nel cestino");
        assertThat(c.postForm("/admin/articles/" + id, fields("Il ponte riapre", "published")).statusCode()).isEqualTo(409);

        r = c.postForm("/admin/articles/" + id + "/untrash", Map.of());
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/articles/" + id + "?done=untrashed");
        assertThat(article(id).status().db()).isEqualTo("published");
        assertThat(site.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void anArticleSavedWhileInTheTrashStaysThereWithTheStatusItWillGetBack() {
        StaffClient c = as("ed@example.org");
        long id = created(c, fields("Salvato nel cestino", "draft"));
        assertThat(c.postForm("/admin/articles/" + id + "/trash", Map.of()).statusCode()).isEqualTo(303);
        Article a = article(id);
        // as the API or a revision's restore would save it
        site.site().articles.update(id, new it.testata.article.ArticleDraft(a.slug(), "Salvato nel cestino", "", "Testo.",
                it.testata.article.Status.PUBLISHED, Instant.now().minusSeconds(60), a.author().name(), null,
                java.util.List.of()), null);
        assertThat(article(id).status().db()).isEqualTo("draft");
        assertThat(site.get(publicPath(id)).statusCode()).isEqualTo(404);
        // and as an import would (matched by slug)
        site.site().articles.save(new it.testata.article.ArticleDraft(a.slug(), "Salvato nel cestino", "", "Importato.",
                it.testata.article.Status.PUBLISHED, Instant.now().minusSeconds(60), a.author().name(), null,
                java.util.List.of()), "");
        assertThat(article(id).status().db()).isEqualTo("draft");
        assertThat(article(id).bodyMd()).isEqualTo("Importato.");
        assertThat(c.postForm("/admin/articles/" + id + "/untrash", Map.of()).statusCode()).isEqualTo(303);
        assertThat(article(id).status().db()).isEqualTo("published");
        assertThat(site.get(publicPath(id)).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAnAdminDeletesForGoodAndOnlyFromTheTrash() {
        long id = created(as("ed@example.org"), fields("Da buttare", "draft"));
        StaffClient admin = as("ada@example.org");
        assertThat(admin.postForm("/admin/articles/" + id + "/delete", Map.of()).statusCode()).isEqualTo(409);
        assertThat(as("ed@example.org").postForm("/admin/articles/" + id + "/trash", Map.of()).statusCode()).isEqualTo(303);
        assertThat(as("ed@example.org").page("/admin/articles/" + id).select("form[action$=/delete]")).isEmpty();
        assertThat(as("ed@example.org").postForm("/admin/articles/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.page("/admin/articles/" + id).select("form[action$=/delete]")).hasSize(1);
        HttpResponse<String> r = admin.postForm("/admin/articles/" + id + "/delete", Map.of());
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/articles?status=trash&done=deleted");
        assertThat(site.site().articles.article(id)).isEmpty();
    }

    @Test
    void anAuthorTrashesOnlyTheirOwnArticles() {
        long others = created(as("ed@example.org"), fields("Non tuo", "draft"));
        assertThat(as("au@example.org").postForm("/admin/articles/" + others + "/trash", Map.of()).statusCode()).isEqualTo(403);
        assertThat(as("mod@example.org").postForm("/admin/articles/" + others + "/trash", Map.of()).statusCode()).isEqualTo(403);
        assertThat(site.site().articles.article(others).orElseThrow().status().db()).isEqualTo("draft");
    }

    @Test
    void aPreviewLinkShowsADraftToAnyoneForSevenDaysNeverCachedNorIndexed() {
        StaffClient c = as("ed@example.org");
        long id = created(c, fields("Bozza segreta", "draft", "body", "Un testo **in anteprima**."));
        Document editor = c.page("/admin/articles/" + id);
        String link = editor.selectFirst("#preview-url").val();
        assertThat(link).startsWith(site.url("/preview/"));
        String path = link.substring(site.url("").length());

        HttpResponse<String> r = site.get(path); // no session, no cookie
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(r.headers().firstValue("X-Robots-Tag")).hasValue("noindex, nofollow");
        Document page = Jsoup.parse(r.body());
        assertThat(page.select("h1").text()).isEqualTo("Bozza segreta");
        assertThat(page.select(".article-body strong").text()).isEqualTo("in anteprima");
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(page.getElementById("commentform")).isNull();
        assertThat(site.get(publicPath(id)).statusCode()).isEqualTo(404);

        // altered, expired, or of an article now in the trash: not found
        assertThat(site.get(path.substring(0, path.length() - 2) + "xx").statusCode()).isEqualTo(404);
        NewsroomService links = new NewsroomService(site.site().articles, null, null,
                new it.testata.web.Signer(site.site().settings.signingKey()));
        String old = links.previewPath(id, Instant.now().minus(7, ChronoUnit.DAYS).minusSeconds(5));
        assertThat(site.get(old).statusCode()).isEqualTo(404);
        String fresh = links.previewPath(id, Instant.now().minus(6, ChronoUnit.DAYS));
        assertThat(site.get(fresh).statusCode()).isEqualTo(200);
        // once published the link leads to the article's address
        assertThat(c.postForm("/admin/articles/" + id, fields("Bozza segreta", "published")).statusCode()).isEqualTo(303);
        r = site.get(path);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(publicPath(id));
        assertThat(c.page("/admin/articles/" + id).select("#preview-url")).isEmpty();
    }

    @Test
    void editorsSignWithAnyStaffBylineAndAuthorsAsThemselves() {
        StaffClient editor = as("ed@example.org");
        Document form = editor.page("/admin/articles/new");
        assertThat(form.select("#byline option").eachText()).containsExactly("Ada Rossi", "Aldo Ugo", "Elena Dori");
        long id = created(editor, fields("Scritto per Aldo", "draft", "byline", "Aldo Ugo"));
        assertThat(article(id).author().name()).isEqualTo("Aldo Ugo");
        assertThat(editor.page("/admin/articles/" + id).selectFirst("#byline option[selected]").text()).isEqualTo("Aldo Ugo");

        HttpResponse<String> r = editor.postForm("/admin/articles/new", fields("Firma inventata", "draft", "byline", "Mara Odi"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select("#byline-error").text()).isEqualTo("Scegli una firma tra quelle della redazione.");
        assertThat(Jsoup.parse(r.body()).selectFirst("#title").val()).isEqualTo("Firma inventata");

        StaffClient author = as("au@example.org");
        assertThat(author.page("/admin/articles/new").select("#byline")).isEmpty();
        long own = created(author, fields("Il mio pezzo", "draft", "byline", "Ada Rossi"));
        assertThat(article(own).author().name()).isEqualTo("Aldo Ugo");
    }

    @Test
    void theCommentsSwitchClosesAnArticlesComments() {
        StaffClient c = as("ed@example.org");
        long id = created(c, fields("Commenti chiusi", "published"));
        assertThat(article(id).commentsOpen()).isTrue();
        Map<String, String> closed = fields("Commenti chiusi", "published");
        closed.remove("comments_open");
        assertThat(c.postForm("/admin/articles/" + id, closed).statusCode()).isEqualTo(303);
        assertThat(article(id).commentsOpen()).isFalse();
        assertThat(c.page("/admin/articles/" + id).selectFirst("#comments_open").hasAttr("checked")).isFalse();
        Document page = Jsoup.parse(site.get(publicPath(id)).body());
        assertThat(page.select(".comments-closed").text()).isEqualTo("I commenti sono chiusi.");
        assertThat(page.getElementById("commentform")).isNull();
    }

    @Test
    void theEditorCountsWordsAndReadingTime() {
        StaffClient c = as("ed@example.org");
        String body = "## Titolo\n\n" + "parola ".repeat(449) + "[link](https://example.org/un-indirizzo-lungo)";
        long id = created(c, fields("Lungo", "draft", "body", body));
        assertThat(c.page("/admin/articles/" + id).select("#body-count").text()).isEqualTo("451 parole, 2 minuti di lettura");
        assertThat(c.page("/admin/articles/new").select("#body-count").text()).isEqualTo("Nessuna parola, nessun minuto di lettura");
    }

    @Test
    void pagesHaveTheirOwnListAndAreServedAtTheirSlug() {
        StaffClient c = as("ed@example.org");
        Document form = c.page("/admin/pages/new");
        assertThat(form.select("h1").text()).isEqualTo("Nuova pagina");
        assertThat(form.selectFirst("input[name=kind]").val()).isEqualTo("page");
        long id = created(c, fields("Chi siamo davvero", "published", "slug", "chi-siamo-davvero", "kind", "page"));
        assertThat(site.get("/chi-siamo-davvero/").statusCode()).isEqualTo(200);
        assertThat(c.page("/admin/pages").select(".admin-table td a").eachText()).contains("Chi siamo davvero");
        assertThat(c.page("/admin/articles").select(".admin-table td a").eachText()).doesNotContain("Chi siamo davvero");
        assertThat(c.page("/admin/articles/" + id).selectFirst(".editor-links a[href='/chi-siamo-davvero/']")).isNotNull();
        // a page is in no list of articles (the footer menu may link it: that is navigation, not a list)
        assertThat(org.jsoup.Jsoup.parse(site.get("/").body()).select("main").text()).doesNotContain("Chi siamo davvero");
    }
}
