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
import java.util.Map;

import static it.testata.editor.ArticleEditorTest.form;
import static org.assertj.core.api.Assertions.assertThat;

/** The editor's side of issue 11: texts cleaned of control characters, a slug holding one refused, dates in 1900-9999. */
class EditorInputTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;
    static StaffClient edo;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("edo@example.org", "Edoardo Galli", Role.EDITOR, PASSWORD.toCharArray());
        edo = StaffClient.signedIn(site, "edo@example.org", PASSWORD);
        edo.page("/admin/articles/new");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void controlCharactersAreRemovedFromTextsAndASlugHoldingOneIsRefused() {
        Map<String, String> f = form("Tito\u0000lo\u0085 pulito", "draft", "body", "Riga\u0000 uno\r\nriga\u001b due",
                "tags", "uno\u0007, due");
        HttpResponse<String> r = edo.postMultipart("/admin/articles/new", f, "image_file", "", "application/octet-stream", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D+(\\d+).*", "$1"));
        Article a = site.site().articles.article(id).orElseThrow();
        assertThat(a.title()).isEqualTo("Titolo pulito");
        assertThat(a.bodyMd()).isEqualTo("Riga uno\nriga due");
        assertThat(a.tags()).extracting(t -> t.name()).containsExactlyInAnyOrder("uno", "due");

        HttpResponse<String> slug = edo.postMultipart("/admin/articles/new", form("Con slug sporco", "draft", "slug", "slug\u0000sporco"),
                "image_file", "", "application/octet-stream", null);
        assertThat(slug.statusCode()).isEqualTo(422);
        Document d = Jsoup.parse(slug.body());
        assertThat(d.select("#slug-error").text()).isNotBlank();
        assertThat(d.select("#title").val()).isEqualTo("Con slug sporco");
    }

    @Test
    void aDateOutsideTheYears1900To9999IsRefused422() {
        for (String when : new String[]{"0999-05-01T10:00", "1899-12-31T10:00"}) {
            HttpResponse<String> r = edo.postMultipart("/admin/articles/new", form("Fuori tempo " + when.substring(0, 4), "published",
                    "publish_at", when), "image_file", "", "application/octet-stream", null);
            assertThat(r.statusCode()).as(when).isEqualTo(422);
            Document d = Jsoup.parse(r.body());
            assertThat(d.select("#publish_at-error").text()).isEqualTo("La data deve essere compresa fra gli anni 1900 e 9999.");
            assertThat(d.select("#publish_at").val()).isEqualTo(when);
        }
    }
}
