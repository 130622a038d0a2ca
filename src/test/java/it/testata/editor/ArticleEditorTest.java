package it.testata.editor;

import it.testata.account.Role;
import it.testata.article.Article;
import it.testata.article.ArticleDraft;
import it.testata.article.StaffQuery;
import it.testata.article.Status;
import it.testata.support.Pictures;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsroom's article pages through the real server: list, editor, preview, roles, CSRF, images, revisions. */
class ArticleEditorTest {
    static final String PASSWORD = "correct horse battery";
    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ada@example.org", "Ada Rossi", Role.ADMIN, PASSWORD.toCharArray());
        site.site().accounts.add("edo@example.org", "Edoardo Galli", Role.EDITOR, PASSWORD.toCharArray());
        site.site().accounts.add("anna@example.org", "Anna Bianchi", Role.AUTHOR, PASSWORD.toCharArray());
        site.site().accounts.add("paolo@example.org", "Paolo Conti", Role.AUTHOR, PASSWORD.toCharArray());
        site.site().accounts.add("mario@example.org", "Mario Verdi", Role.MODERATOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static StaffClient as(String who) {
        StaffClient c = StaffClient.signedIn(site, who + "@example.org", PASSWORD);
        c.page("/admin/articles/new");
        return c;
    }

    static Map<String, String> form(String title, String status, String... more) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("standfirst", "Un sommario per " + title);
        f.put("slug", "");
        f.put("body", "Il testo di **" + title + "**.\n\nSecondo paragrafo.");
        f.put("category", "");
        f.put("category_new", "");
        f.put("tags", "");
        f.put("status", status);
        f.put("publish_at", "");
        f.put("image", "");
        f.put("action", "save");
        for (int i = 0; i < more.length; i += 2) f.put(more[i], more[i + 1]);
        return f;
    }

    /** Saves through the editor and answers the new article's id (the redirect's). */
    static long save(StaffClient c, String path, Map<String, String> fields) {
        HttpResponse<String> r = c.postForm(path, fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/admin/articles/\\d+\\?done=saved");
        return Long.parseLong(location.replaceAll("\\D+(\\d+).*", "$1"));
    }

    static Article article(long id) {
        return site.site().articles.article(id).orElseThrow();
    }

    static String local(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    @Test
    void anAuthorWritesAndPublishesAnArticleWithANewTagAndItIsOnTheSiteAndTheTagPage() {
        StaffClient anna = as("anna");
        long id = save(anna, "/admin/articles/new", form("Il ponte riapre a marzo", "published",
                "tags", "Viabilità nuova, Ponti", "category_new", "Cronaca locale"));
        Article a = article(id);
        assertThat(a.slug()).isEqualTo("il-ponte-riapre-a-marzo");
        assertThat(a.author().name()).isEqualTo("Anna Bianchi");
        assertThat(a.status()).isEqualTo(Status.PUBLISHED);
        assertThat(a.tags()).extracting(t -> t.slug()).containsExactlyInAnyOrder("viabilita-nuova", "ponti");

        Document editor = anna.page("/admin/articles/" + id + "?done=saved");
        assertThat(editor.select("[role=status]").text()).isEqualTo("L'articolo è stato salvato.");
        assertThat(editor.select("#title").val()).isEqualTo("Il ponte riapre a marzo");
        assertThat(editor.select("#tags").val()).contains("Viabilità nuova").contains("Ponti");
        String publicPath = editor.select("a:contains(Vedilo sul sito)").attr("href");
        assertThat(publicPath).isEqualTo(a.path(ROME));

        HttpResponse<String> page = site.get(publicPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Il ponte riapre a marzo");
        assertThat(page.body()).contains("<strong>Il ponte riapre a marzo</strong>");
        HttpResponse<String> tag = site.get("/tag/viabilita-nuova/");
        assertThat(tag.statusCode()).isEqualTo(200);
        assertThat(tag.body()).contains("Il ponte riapre a marzo");
        assertThat(site.get("/category/cronaca-locale/").body()).contains("Il ponte riapre a marzo");

        // an edit shows on the public page at once (the save drops the cached page)
        save(anna, "/admin/articles/" + id, form("Il ponte riapre ad aprile", "published",
                "slug", a.slug(), "publish_at", local(a.publishedAt().atZone(ROME).toLocalDateTime())));
        assertThat(site.get(publicPath).body()).contains("Il ponte riapre ad aprile");
        assertThat(article(id).publishedAt()).isEqualTo(a.publishedAt()); // to the millisecond
    }

    @Test
    void aScheduledArticleIsNotPublicBeforeItsTimeAndAPastTimeIsRefused() {
        StaffClient edo = as("edo");
        String later = local(LocalDateTime.now(ROME).plusHours(3));
        long id = save(edo, "/admin/articles/new", form("Domani il consiglio comunale", "scheduled",
                "publish_at", later, "tags", "Consiglio"));
        Article a = article(id);
        assertThat(a.status()).isEqualTo(Status.SCHEDULED);
        assertThat(local(a.publishedAt().atZone(ROME).toLocalDateTime())).isEqualTo(later);
        assertThat(site.get(a.path(ROME)).statusCode()).isEqualTo(404);
        assertThat(site.get("/").body()).doesNotContain("Domani il consiglio comunale");
        Document editor = edo.page("/admin/articles/" + id);
        assertThat(editor.select("input[name=status][checked]").val()).isEqualTo("scheduled");
        assertThat(editor.select("#publish_at").val()).isEqualTo(later);

        String past = local(LocalDateTime.now(ROME).minusHours(1));
        HttpResponse<String> r = edo.postForm("/admin/articles/new", form("Ieri sera", "scheduled", "publish_at", past));
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#publish_at-error").text()).isEqualTo("L'ora di pubblicazione programmata deve essere nel futuro.");
        assertThat(d.select("#publish_at").val()).isEqualTo(past);
        assertThat(d.select("#title").val()).isEqualTo("Ieri sera");

        HttpResponse<String> noTime = edo.postForm("/admin/articles/new", form("Senza ora", "scheduled"));
        assertThat(noTime.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(noTime.body()).select("#publish_at-error").text()).contains("data e ora");
    }

    @Test
    void thePreviewButtonShowsTheArticleWithTheValuesKeptAndSavesNothing() {
        StaffClient anna = as("anna");
        int before = count();
        HttpResponse<String> r = anna.postForm("/admin/articles/new", form("Un'anteprima", "draft",
                "body", "Testo in **grassetto**\n\n<script>alert(1)</script>", "action", "preview", "tags", "Uno, Due"));
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#preview").hasAttr("hidden")).isFalse();
        assertThat(d.select("#preview .preview-title").text()).isEqualTo("Un'anteprima");
        assertThat(d.select("#preview .preview-body strong").text()).isEqualTo("grassetto");
        assertThat(d.select("#preview script")).isEmpty();
        assertThat(d.select("#title").val()).isEqualTo("Un'anteprima");
        assertThat(d.select("#tags").val()).isEqualTo("Uno, Due");
        assertThat(d.select("#body").text()).contains("<script>alert(1)</script>");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theLivePreviewEndpointAnswersSanitizedHtmlAndWantsTheToken() {
        StaffClient anna = as("anna");
        HttpResponse<String> r = anna.post("/admin/articles/preview",
                Map.of("body", "## Titoletto\n\n<img src=x onerror=alert(1)>"), "X-CSRF-Token", anna.csrf);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).contains("<h2>Titoletto</h2>").doesNotContain("onerror");
        assertThat(anna.post("/admin/articles/preview", Map.of("body", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    void aTakenOrInvalidSlugIs422WithEveryValueKept() {
        StaffClient edo = as("edo");
        save(edo, "/admin/articles/new", form("Il primo", "draft", "slug", "stesso-indirizzo"));
        int before = count();
        Map<String, String> second = form("Il secondo", "published", "slug", "stesso-indirizzo",
                "tags", "Alfa, Beta", "category_new", "Sport");
        HttpResponse<String> r = edo.postForm("/admin/articles/new", second);
        assertThat(r.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("[role=alert]").text()).contains("Un altro articolo ha già questo slug.");
        assertThat(d.select("#slug-error").text()).isEqualTo("Un altro articolo ha già questo slug.");
        assertThat(d.select("#slug").attr("aria-invalid")).isEqualTo("true");
        assertThat(d.select("#slug").attr("aria-describedby")).contains("slug-error");
        assertThat(d.select("#slug").val()).isEqualTo("stesso-indirizzo");
        assertThat(d.select("#title").val()).isEqualTo("Il secondo");
        assertThat(d.select("#standfirst").text()).isEqualTo("Un sommario per Il secondo");
        assertThat(d.select("#body").text()).contains("Il testo di **Il secondo**.");
        assertThat(d.select("#tags").val()).isEqualTo("Alfa, Beta");
        assertThat(d.select("#category_new").val()).isEqualTo("Sport");
        assertThat(d.select("input[name=status][checked]").val()).isEqualTo("published");
        assertThat(count()).isEqualTo(before);

        HttpResponse<String> bad = edo.postForm("/admin/articles/new", form("Il terzo", "draft", "slug", "Non Valido!"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.body()).select("#slug-error").text()).contains("lettere minuscole");
        HttpResponse<String> untitled = edo.postForm("/admin/articles/new", form("", "draft"));
        assertThat(untitled.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(untitled.body()).select("#title-error").text()).isEqualTo("Scrivi un titolo.");
    }

    @Test
    void anAuthorCannotEditAnotherAuthorsArticleButAnEditorCan() {
        long paolos = save(as("paolo"), "/admin/articles/new", form("L'articolo di Paolo", "draft"));
        StaffClient anna = as("anna");
        assertThat(anna.get("/admin/articles/" + paolos).statusCode()).isEqualTo(403);
        HttpResponse<String> post = anna.postForm("/admin/articles/" + paolos, form("Preso da Anna", "published"));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("Gli autori possono modificare solo i propri articoli.");
        assertThat(article(paolos).title()).isEqualTo("L'articolo di Paolo");
        assertThat(anna.get("/admin/articles/" + paolos + "/revisions").statusCode()).isEqualTo(403);
        long rev = site.site().articles.revisions(paolos).getFirst().id();
        assertThat(anna.postForm("/admin/articles/" + paolos + "/revisions/" + rev + "/restore", Map.of()).statusCode())
                .isEqualTo(403);
        // her list holds only her own articles, with no author filter
        Document list = anna.page("/admin/articles");
        assertThat(list.select("table").text()).doesNotContain("L'articolo di Paolo");
        assertThat(list.select("#f-author")).isEmpty();

        StaffClient edo = as("edo");
        assertThat(edo.get("/admin/articles/" + paolos).statusCode()).isEqualTo(200);
        save(edo, "/admin/articles/" + paolos, form("L'articolo di Paolo, rivisto", "draft", "slug", article(paolos).slug()));
        assertThat(article(paolos).author().name()).isEqualTo("Paolo Conti"); // the byline stays
        assertThat(edo.page("/admin/articles").select("table").text()).contains("L'articolo di Paolo, rivisto");

        StaffClient mario = StaffClient.signedIn(site, "mario@example.org", PASSWORD);
        assertThat(mario.get("/admin/articles").statusCode()).isEqualTo(403);
        assertThat(mario.get("/admin/articles/new").statusCode()).isEqualTo(403);
        assertThat(new StaffClient(site).get("/admin/articles/new").statusCode()).isEqualTo(303);
        assertThat(anna.get("/admin/articles/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndSavesNothing() {
        StaffClient anna = as("anna");
        int before = count();
        Map<String, String> f = form("Senza gettone", "published");
        assertThat(anna.post("/admin/articles/new", f).statusCode()).isEqualTo(403);
        f.put("csrf", "forged");
        assertThat(anna.post("/admin/articles/new", f).statusCode()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
        Document editor = anna.page("/admin/articles/new");
        assertThat(editor.select("form[method=post]")).allSatisfy(form ->
                assertThat(form.select("input[type=hidden][name=csrf]").val()).isEqualTo(anna.csrf));
    }

    @Test
    void theFeaturedImageIsUploadedWithTheFormAndShownOnTheArticleWithoutItsGpsData() {
        StaffClient anna = as("anna");
        byte[] photo = Pictures.withExif(Pictures.encode(Pictures.picture(1600, 900, false), "jpg"), 1);
        HttpResponse<String> r = anna.postMultipart("/admin/articles/new", form("Con la foto", "published"),
                "image_file", "DSC_0042.jpg", "image/jpeg", photo);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
        Article a = article(id);
        assertThat(a.image()).matches("[0-9a-f]{24}\\.jpg");
        assertThat(a.imageUrl()).isEqualTo("/media/" + a.image().replace(".jpg", "-1200.jpg"));
        assertThat(a.imageUrl(600)).endsWith("-600.jpg");

        Document page = Jsoup.parse(site.get(a.path(ROME)).body());
        assertThat(page.select(".article-image img").attr("src")).isEqualTo(a.imageUrl());
        assertThat(page.select("meta[property=og:image]").attr("content")).endsWith(a.imageUrl()).startsWith("http");
        HttpResponse<byte[]> img = site.getBytes(a.imageUrl());
        assertThat(img.statusCode()).isEqualTo(200);
        assertThat(img.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(new String(img.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(Pictures.indexOf(img.body(), Pictures.GPS_LATITUDE)).isEqualTo(-1);

        // the editor keeps it, and a text file named .jpg is refused with every value kept
        Document editor = anna.page("/admin/articles/" + id);
        assertThat(editor.select("input[name=image]").val()).isEqualTo(a.image());
        Map<String, String> again = form("Con la foto, corretto", "published", "slug", a.slug(), "image", a.image(),
                "publish_at", local(a.publishedAt().atZone(ROME).toLocalDateTime()));
        HttpResponse<String> refused = anna.postMultipart("/admin/articles/" + id, again, "image_file", "foto.jpg",
                "image/jpeg", "solo testo, non una foto".repeat(30).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(refused.body());
        assertThat(d.select("#image-error").text()).contains("non è un'immagine JPEG, PNG, WebP o GIF");
        assertThat(d.select("#title").val()).isEqualTo("Con la foto, corretto");
        assertThat(d.select("input[name=image]").val()).isEqualTo(a.image());
        assertThat(article(id).title()).isEqualTo("Con la foto");

        // removing it
        again.put("image_remove", "1");
        HttpResponse<String> removed = anna.postMultipart("/admin/articles/" + id, again, "image_file", "", "application/octet-stream", new byte[0]);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(303);
        assertThat(article(id).image()).isNull();
        assertThat(Jsoup.parse(site.get(a.path(ROME)).body()).select(".article-image")).isEmpty();
    }

    @Test
    void revisionsAreListedComparedAndRestored() {
        StaffClient edo = as("edo");
        long id = save(edo, "/admin/articles/new", form("Prima versione", "draft", "standfirst", "Fisso",
                "body", "riga uno\nriga due\nriga tre"));
        String slug = article(id).slug();
        save(edo, "/admin/articles/" + id, form("Seconda versione", "draft", "slug", slug, "standfirst", "Fisso",
                "body", "riga uno\nriga due\nriga tre"));
        save(edo, "/admin/articles/" + id, form("Seconda versione", "draft", "slug", slug, "standfirst", "Fisso",
                "body", "riga uno\nriga 2\nriga tre\nriga quattro"));

        Document list = edo.page("/admin/articles/" + id + "/revisions");
        var rows = list.select("table.revisions tbody tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).text()).contains("Prima versione").contains("Edoardo Galli");
        // by default the two newest are compared
        assertThat(list.select("input[name=to][checked]").val()).isEqualTo(rows.get(0).select("input[name=to]").val());
        assertThat(list.select("input[name=from][checked]").val()).isEqualTo(rows.get(1).select("input[name=from]").val());

        String first = rows.get(2).select("input[name=from]").val();
        String last = rows.get(0).select("input[name=to]").val();
        Document compare = edo.page("/admin/articles/" + id + "/revisions?from=" + first + "&to=" + last);
        assertThat(compare.select(".compare del").eachText()).contains("Tolto: Prima versione", "Tolto: riga due");
        assertThat(compare.select(".compare ins").eachText())
                .contains("Aggiunto: Seconda versione", "Aggiunto: riga 2", "Aggiunto: riga quattro");
        assertThat(compare.select(".compare .diff-same").eachText()).contains("riga uno", "riga tre");
        assertThat(compare.select(".diff-unchanged").text()).isEqualTo("Nessuna modifica."); // the standfirst

        HttpResponse<String> restore = edo.postForm("/admin/articles/" + id + "/revisions/" + first + "/restore", Map.of());
        assertThat(restore.statusCode()).isEqualTo(303);
        assertThat(restore.headers().firstValue("Location")).hasValue("/admin/articles/" + id + "?done=restored");
        assertThat(article(id).title()).isEqualTo("Prima versione");
        assertThat(article(id).bodyMd()).isEqualTo("riga uno\nriga due\nriga tre");
        assertThat(edo.page("/admin/articles/" + id + "/revisions").select("table.revisions tbody tr")).hasSize(4);
        assertThat(edo.post("/admin/articles/" + id + "/revisions/" + first + "/restore", Map.of()).statusCode())
                .isEqualTo(403); // without the token
    }

    @Test
    void theListFiltersByStatusAuthorAndCategorySearchesAndPages() {
        var articles = site.site().articles;
        for (int i = 1; i <= 23; i++) {
            articles.create(new ArticleDraft("", "Elenco numero " + i, "", "testo", i % 2 == 0 ? Status.PUBLISHED : Status.DRAFT,
                    null, "Paolo Conti", i % 3 == 0 ? "Economia" : null, List.of()), null);
        }
        StaffClient ada = as("ada");
        Document all = ada.page("/admin/articles?q=Elenco+numero");
        assertThat(all.select(".list-count").text()).isEqualTo("23 articoli");
        assertThat(all.select("table tbody tr")).hasSize(20);
        String older = all.select("nav.pager a[rel=next]").attr("href");
        assertThat(older).startsWith("/admin/articles?q=Elenco+numero&before=");
        assertThat(ada.page(older).select("table tbody tr")).hasSize(3);

        Document drafts = ada.page("/admin/articles?q=Elenco+numero&status=draft");
        assertThat(drafts.select(".list-count").text()).isEqualTo("12 articoli");
        assertThat(drafts.select("#f-status option[selected]").val()).isEqualTo("draft");
        Document economy = ada.page("/admin/articles?q=Elenco&category=economia");
        assertThat(economy.select(".list-count").text()).isEqualTo("7 articoli");
        Document byPaolo = ada.page("/admin/articles?author=paolo-conti&q=numero+1");
        assertThat(byPaolo.select("table tbody tr").eachText()).allMatch(t -> t.contains("Paolo Conti"));
        assertThat(ada.page("/admin/articles?q=numero+7").select("table tbody td:first-child").eachText())
                .containsExactly("Elenco numero 7");
        assertThat(ada.page("/admin/articles?author=anna-bianchi&q=Elenco").select(".list-count").text())
                .isEqualTo("Nessun articolo");
    }

    static int count() {
        return site.site().articles.staffList(StaffQuery.all(), 1, 1).total();
    }
}
