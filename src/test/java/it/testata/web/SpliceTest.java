package it.testata.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A page with a hole filled per response: the plain and the gzip body both equal the filled page. */
class SpliceTest {
    static String gunzip(byte[] gz) throws IOException {
        return new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void bothBodiesCarryTheHoleContent() throws IOException {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>");
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) page.append("parola").append(r.nextInt(500)).append(' ');
        page.append("<form><!--hole--></form>");
        for (int i = 0; i < 2000; i++) page.append("dopo").append(r.nextInt(300)).append(' ');
        page.append("</body></html>");
        Splice s = Splice.at(page.toString().getBytes(StandardCharsets.UTF_8), "<!--hole-->");
        for (String token : new String[]{"<input value=\"a1\">", "<input value=\"b2-più-lungo\">", ""}) {
            String expected = page.toString().replace("<!--hole-->", token);
            byte[] hole = token.getBytes(StandardCharsets.UTF_8);
            assertThat(new String(s.plain(hole), StandardCharsets.UTF_8)).isEqualTo(expected);
            byte[] gz = s.gzip(hole);
            assertThat(gunzip(gz)).isEqualTo(expected);
            assertThat(gz.length).isLessThan(expected.length() / 2);
        }
    }

    @Test
    void worksAtTheEdgesOfTheBody() throws IOException {
        Splice start = Splice.at("<!--h-->rest".getBytes(StandardCharsets.UTF_8), "<!--h-->");
        assertThat(gunzip(start.gzip("X".getBytes(StandardCharsets.UTF_8)))).isEqualTo("Xrest");
        Splice end = Splice.at("head<!--h-->".getBytes(StandardCharsets.UTF_8), "<!--h-->");
        assertThat(gunzip(end.gzip("Y".getBytes(StandardCharsets.UTF_8)))).isEqualTo("headY");
        assertThat(Splice.at("no marker".getBytes(StandardCharsets.UTF_8), "<!--h-->")).isNull();
    }
}
