package it.testata.media;

import it.testata.account.Role;
import it.testata.support.Pictures;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library over real HTTP: many images uploaded by one plain form, listed with thumbnails, described
 * (alt text, caption, credit, refused with the typed values when too long), shown where used, deleted only when
 * unused; and image files of an older version, kept only on disk, moved into the database at start.
 */
class MediaLibraryTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("ed@example.org", "Elena Dori", Role.EDITOR, PASSWORD.toCharArray());
        site.site().accounts.add("au@example.org", "Aldo Ugo", Role.AUTHOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static StaffClient editor() {
        return StaffClient.signedIn(site, "ed@example.org", PASSWORD);
    }

    static byte[] png(int w, int h) {
        return Pictures.encode(Pictures.picture(w, h, false), "png");
    }

    /** Uploads one image through the library's form and answers its row. */
    static Image uploaded(StaffClient c, String name, int w, int h) {
        HttpResponse<String> r = c.postFiles("/admin/media", "files", Map.of(name, png(w, h)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return site.site().images.recent(50).stream().filter(i -> i.sourceName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void manyImagesUploadAtOnceAndTheListShowsThumbnails() {
        StaffClient c = editor();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("uno.png", png(301, 200));
        files.put("due.png", png(302, 200));
        files.put("tre.png", png(303, 200));
        HttpResponse<String> r = c.postFiles("/admin/media", "files", files);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/media?done=uploaded&n=3");
        Document list = c.page("/admin/media?done=uploaded&n=3");
        assertThat(list.select(".notice").text()).isEqualTo("3 immagini caricate.");
        for (String name : files.keySet()) {
            Element item = list.select(".media-item:contains(" + name + ")").first();
            assertThat(item).as(name).isNotNull();
            String thumb = item.selectFirst("img").attr("src");
            assertThat(thumb).matches("/media/[0-9a-f]{24}-600\\.png");
            assertThat(site.getBytes(thumb).statusCode()).isEqualTo(200);
            assertThat(item.select(".badge.warning").text()).isEqualTo("Manca il testo alternativo");
        }
        assertThat(list.selectFirst("input[type=file][name=files]").hasAttr("multiple")).isTrue();
    }

    @Test
    void aFileThatIsNotAnImageIsNamedWhileTheOthersAreStored() {
        StaffClient c = editor();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("buona.png", png(310, 200));
        files.put("finta.png", "non sono un'immagine".getBytes());
        HttpResponse<String> r = c.postFiles("/admin/media", "files", files);
        assertThat(r.statusCode()).isEqualTo(422);
        Document page = org.jsoup.Jsoup.parse(r.body());
        assertThat(page.select(".form-errors li").text()).isEqualTo("finta.png: Questo file non è un'immagine JPEG, PNG, WebP o GIF.");
        assertThat(page.select(".notice").text()).isEqualTo("Un'immagine caricata.");
        assertThat(page.select(".media-item").text()).contains("buona.png");
    }

    @Test
    void altTextCaptionAndCreditAreSavedAndAnOverlongAltIsRefusedWithTheValuesKept() {
        StaffClient c = editor();
        Image img = uploaded(c, "porto.png", 320, 200);
        HttpResponse<String> r = c.postForm("/admin/media/" + img.id(),
                Map.of("alt", "Barche nel porto al tramonto", "caption", "Il porto vecchio", "credit", "Foto di Elena Dori"));
        assertThat(r.statusCode()).isEqualTo(303);
        Document page = c.page("/admin/media/" + img.id() + "?done=saved");
        assertThat(page.selectFirst("#alt").val()).isEqualTo("Barche nel porto al tramonto");
        assertThat(page.selectFirst("#caption").text()).isEqualTo("Il porto vecchio");
        assertThat(page.selectFirst("#credit").val()).isEqualTo("Foto di Elena Dori");
        assertThat(page.selectFirst("#markdown").text()).isEqualTo("![Barche nel porto al tramonto](" + img.url() + ")");

        String tooLong = "x".repeat(301);
        r = c.postForm("/admin/media/" + img.id(), Map.of("alt", tooLong, "caption", "Nuova didascalia", "credit", ""));
        assertThat(r.statusCode()).isEqualTo(422);
        Document refused = org.jsoup.Jsoup.parse(r.body());
        assertThat(refused.selectFirst("#alt").val()).isEqualTo(tooLong);
        assertThat(refused.selectFirst("#caption").text()).isEqualTo("Nuova didascalia");
        assertThat(refused.select(".form-errors").text()).contains("300 caratteri");
        assertThat(site.site().images.image(img.name()).orElseThrow().alt()).isEqualTo("Barche nel porto al tramonto");
    }

    @Test
    void anImageUsedByAnArticleIsListedThereAndCannotBeDeletedUntilItIsUnused() {
        StaffClient c = editor();
        Image img = uploaded(c, "piazza.png", 330, 200);
        HttpResponse<String> r = c.postForm("/admin/articles/new", Map.of("title", "La piazza rinnovata", "status", "draft",
                "body", "Prima.\n\n![](" + img.url(600) + ")\n\nDopo."));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String editorPath = r.headers().firstValue("Location").orElseThrow().replace("?done=saved", "");

        Document page = c.page("/admin/media/" + img.id());
        assertThat(page.select("#uses a").text()).isEqualTo("La piazza rinnovata");
        assertThat(page.selectFirst("#uses a").attr("href")).isEqualTo(editorPath);
        r = c.postForm("/admin/media/" + img.id() + "/delete", Map.of());
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(org.jsoup.Jsoup.parse(r.body()).select(".form-errors").text())
                .isEqualTo("L'immagine è usata da un articolo: toglila prima di eliminarla.");
        assertThat(site.getBytes(img.url()).statusCode()).isEqualTo(200);

        r = c.postForm(editorPath, Map.of("title", "La piazza rinnovata", "status", "draft", "body", "Senza immagine."));
        assertThat(r.statusCode()).isEqualTo(303);
        r = c.postForm("/admin/media/" + img.id() + "/delete", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/media?done=deleted");
        assertThat(site.site().images.image(img.name())).isEmpty();
        for (String file : ImageService.files(img.name())) {
            assertThat(site.get("/media/" + file).statusCode()).as(file).isEqualTo(404);
            assertThat(site.dataDir.resolve("media").resolve(file)).doesNotExist();
        }
    }

    @Test
    void authorsDescribeImagesButOnlyEditorsAndAdminsDelete() {
        Image img = uploaded(editor(), "faro.png", 340, 200);
        StaffClient author = StaffClient.signedIn(site, "au@example.org", PASSWORD);
        assertThat(author.page("/admin/media/" + img.id()).select("form[action$=/delete]")).isEmpty();
        assertThat(author.postForm("/admin/media/" + img.id(), Map.of("alt", "Il faro", "caption", "", "credit", ""))
                .statusCode()).isEqualTo(303);
        assertThat(author.postForm("/admin/media/" + img.id() + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(site.site().images.image(img.name())).isPresent();
    }

    @Test
    void filesOnlyOnDiskFromAnOlderVersionMoveIntoTheDatabaseAtStart() throws Exception {
        Image img = uploaded(editor(), "vecchia.png", 350, 200);
        Path cached = site.dataDir.resolve("media").resolve(img.name());
        byte[] original = Files.readAllBytes(cached);
        site.stop();
        // as an older version left it: the files in DATA/media, no bytes in the database
        try (var db = it.testata.db.Db.open(site.config)) {
            db.jdbi().useHandle(h -> h.execute("DELETE FROM image_files"));
        }
        site.start(false);
        HttpResponse<byte[]> served = site.getBytes(img.url(0));
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(original);
        // the bytes are now in the database: with the cache emptied the server still serves them
        for (String file : ImageService.files(img.name())) Files.delete(site.dataDir.resolve("media").resolve(file));
        assertThat(site.getBytes(img.url(0)).body()).isEqualTo(original);
        assertThat(site.getBytes(img.url(600)).statusCode()).isEqualTo(200);
    }
}
