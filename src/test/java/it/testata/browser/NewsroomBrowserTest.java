package it.testata.browser;

import it.testata.account.Role;
import it.testata.support.Browser;
import it.testata.support.Pictures;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static it.testata.browser.EditorBrowserTest.waiting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom in a real browser with the strict CSP: images uploaded together in the media library, given alt
 * text and inserted into an article with the picker's button (the reader's page shows the alt text); a draft's
 * preview link opened in a fresh browser with no session; an article put in the trash and restored by clicks.
 */
class NewsroomBrowserTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;

    @BeforeAll
    static void start() {
        if (!Browser.available()) return;
        site = TestSite.startEmpty();
        site.site().accounts.add("elena@example.org", "Elena Dori", Role.EDITOR, PASSWORD.toCharArray());
    }

    @BeforeEach
    void needsTheBrowser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
    }

    static void signIn(Browser b) {
        ModerationBrowserTest.signIn(b, site, "elena@example.org", PASSWORD, "/admin/");
    }

    @Test
    void imagesUploadedTogetherGetAltTextAndAreInsertedIntoAnArticle() throws Exception {
        Path dir = Files.createTempDirectory("testata-pictures-");
        Path one = Files.write(dir.resolve("mercato.png"), Pictures.encode(Pictures.picture(800, 500, false), "png"));
        Path two = Files.write(dir.resolve("fiume.png"), Pictures.encode(Pictures.picture(801, 500, false), "png"));
        try (Browser b = Browser.start()) {
            signIn(b);
            b.open(site.url("/admin/media"));
            b.find("#files").sendKeys(one + "\n" + two);
            b.clickThrough("form.media-upload button[type=submit]", "done=uploaded");
            assertThat(b.find("[role=status]").getText()).isEqualTo("2 immagini caricate.");
            assertThat(b.findAll(".media-item img")).hasSize(2);

            b.find(".media-item a[href^='/admin/media/'] .media-name").click();
            waiting(b).until(d -> b.findAll("#alt").size() == 1);
            b.find("#alt").sendKeys("Le bancarelle del mercato");
            b.find("#credit").sendKeys("Foto della redazione");
            b.clickThrough("form[action^='/admin/media/'] button.primary", "done=saved");
            String markdown = b.find("#markdown").getText();
            assertThat(markdown).startsWith("![Le bancarelle del mercato](/media/");

            b.open(site.url("/admin/articles/new"));
            b.find("#title").sendKeys("Il mercato torna in centro");
            b.find("#body").sendKeys("Da sabato le bancarelle tornano.");
            b.find("#media-picker summary").click();
            var button = b.find("#media-picker button.insert-image[data-alt='1']");
            assertThat(button.isDisplayed()).isTrue();
            button.click();
            assertThat(b.find("#body").getDomProperty("value")).isEqualTo("Da sabato le bancarelle tornano.\n\n" + markdown + "\n\n");
            assertThat(b.find("#insert-warning").getText()).isEmpty();
            // the other image has no alt text: the picker warns as it inserts it
            b.find("#media-picker button.insert-image[data-alt='0']").click();
            assertThat(b.find("#insert-warning").getText()).contains("non ha il testo alternativo");
            b.driver().executeScript("arguments[0].value = arguments[1];", b.find("#body"),
                    "Da sabato le bancarelle tornano.\n\n" + markdown + "\n");
            b.find("input[name=status][value=published]").click();
            b.clickThrough("button[value=save]", "?done=saved");
            assertThat(b.findAll("#alt-warning")).isEmpty();
            b.clickThrough(".editor-links a[href^='/20']", "/il-mercato-torna-in-centro/");
            var img = b.find(".article-body img");
            assertThat(img.getDomAttribute("alt")).isEqualTo("Le bancarelle del mercato");
            assertThat((Boolean) b.driver().executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img)).isTrue();
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aDraftsPreviewLinkOpensInAFreshBrowserWithoutASession() {
        String link;
        try (Browser b = Browser.start()) {
            signIn(b);
            b.open(site.url("/admin/articles/new"));
            b.find("#title").sendKeys("Anteprima per il sindaco");
            b.find("#body").sendKeys("Il testo **riservato**.");
            b.clickThrough("button[value=save]", "?done=saved");
            link = b.find("#preview-url").getDomProperty("value");
        }
        try (Browser fresh = Browser.start()) {
            fresh.open(link);
            assertThat(fresh.find("h1").getText()).isEqualTo("Anteprima per il sindaco");
            assertThat(fresh.find(".article-body strong").getText()).isEqualTo("riservato");
            assertThat(fresh.find("meta[name=robots]").getDomAttribute("content")).isEqualTo("noindex");
            assertThat(fresh.driver().manage().getCookies()).isEmpty();
            assertThat(fresh.consoleErrors()).isEmpty();
        }
    }

    @Test
    void anArticleGoesToTheTrashAndComesBack() {
        try (Browser b = Browser.start()) {
            signIn(b);
            b.open(site.url("/admin/articles/new"));
            b.find("#title").sendKeys("Il ponte chiude per lavori");
            b.find("input[name=status][value=published]").click();
            b.clickThrough("button[value=save]", "?done=saved");
            String editorUrl = b.currentUrl().replace("?done=saved", "");
            String path = b.find(".editor-links a[href^='/20']").getDomAttribute("href");
            assertThat(site.get(path).statusCode()).isEqualTo(200);

            b.clickThrough("form.trash-form button", "status=trash");
            assertThat(b.find("[role=status]").getText()).isEqualTo("L'articolo è nel cestino: non è più visibile sul sito.");
            assertThat(b.find("table").getText()).contains("Il ponte chiude per lavori");
            assertThat(site.get(path).statusCode()).isEqualTo(404);

            b.clickThrough("table a", editorUrl.substring(editorUrl.indexOf("/admin/")));
            b.clickThrough(".trash-notice button.primary", "done=untrashed");
            assertThat(b.find("[role=status]").getText()).isEqualTo("L'articolo è uscito dal cestino con lo stato che aveva.");
            assertThat(b.find("input[name=status][value=published]").isSelected()).isTrue();
            assertThat(site.get(path).statusCode()).isEqualTo(200);
            assertThat(b.consoleErrors()).isEmpty();
        }
    }
}
