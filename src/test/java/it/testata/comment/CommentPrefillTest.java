package it.testata.comment;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The cached page becomes the remembered reader's: values filled in escaped, the box ticked, nothing else. */
class CommentPrefillTest {
    static final String PAGE = """
            <input id="author" name="s" value="">
            <form action="/comments/" method="post" id="commentform">
            <input id="author" name="author" type="text" value="" size="30">
            <input id="email" name="email" type="email" value="" size="30">
            <input id="url" name="url" type="url" value="" size="30">
            <input id="remember" name="remember" type="checkbox" value="yes">
            <input type="hidden" name="comment_parent" value="0">
            </form>""";

    static Document filled(String page, CommentCookies.Commenter who) {
        return Jsoup.parse(new String(CommentPrefill.fill(page.getBytes(StandardCharsets.UTF_8), who), StandardCharsets.UTF_8));
    }

    @Test
    void fillsTheThreeFieldsEscapedAndTicksTheBox() {
        Document d = filled(PAGE, new CommentCookies.Commenter("Zoë \"Z\" <b>&", "zoe@example.org", "https://z.example/?a=1&b='2'"));
        var form = d.getElementById("commentform");
        assertThat(form.selectFirst("input[name=author]").val()).isEqualTo("Zoë \"Z\" <b>&");
        assertThat(form.selectFirst("input[name=email]").val()).isEqualTo("zoe@example.org");
        assertThat(form.selectFirst("input[name=url]").val()).isEqualTo("https://z.example/?a=1&b='2'");
        assertThat(form.selectFirst("input[name=remember]").hasAttr("checked")).isTrue();
        assertThat(form.select("b")).isEmpty();
        assertThat(d.selectFirst("input[name=s]").val()).as("only the form's fields").isEmpty();
        assertThat(form.selectFirst("input[name=comment_parent]").val()).isEqualTo("0");
    }

    @Test
    void aPageWithoutTheFormIsLeftAsItIs() {
        byte[] page = "<p>Archivio</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(CommentPrefill.fill(page, new CommentCookies.Commenter("A", "a@b.it", ""))).isSameAs(page);
    }
}
