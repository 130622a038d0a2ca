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
    void theBuffersWrittenForAnAnswerHoldTheSameBytes() throws IOException {
        byte[] page = ("<html><body>" + "testo ".repeat(5000) + "<!--hole-->" + "coda ".repeat(3000) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        Splice s = Splice.at(page, "<!--hole-->");
        byte[] hole = "<input name=\"t\" value=\"gettone-è\">".getBytes(StandardCharsets.UTF_8);
        // a direct buffer, as the server's pool gives, with room to spare and a position not at zero
        java.nio.ByteBuffer gz = java.nio.ByteBuffer.allocateDirect(s.gzipLength(hole.length) + 100).position(7);
        s.writeGzip(gz, hole);
        assertThat(gz.position()).isEqualTo(7 + s.gzipLength(hole.length));
        byte[] written = new byte[s.gzipLength(hole.length)];
        gz.flip().position(7);
        gz.get(written);
        assertThat(written).isEqualTo(s.gzip(hole));
        String expected = new String(page, StandardCharsets.UTF_8).replace("<!--hole-->", new String(hole, StandardCharsets.UTF_8));
        assertThat(gunzip(written)).isEqualTo(expected);
        java.nio.ByteBuffer plain = java.nio.ByteBuffer.allocateDirect(s.plainLength(hole.length));
        s.writePlain(plain, hole);
        byte[] p = new byte[plain.flip().remaining()];
        plain.get(p);
        assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void theChecksumCombinedFromThePartsIsTheChecksumOfTheWhole() {
        Random r = new Random(11);
        for (int round = 0; round < 50; round++) {
            byte[] a = new byte[r.nextInt(5000)];
            byte[] b = new byte[r.nextInt(300)];
            byte[] c = new byte[r.nextInt(70_000)];
            r.nextBytes(a);
            r.nextBytes(b);
            r.nextBytes(c);
            java.util.zip.CRC32 whole = new java.util.zip.CRC32();
            whole.update(a);
            whole.update(b);
            whole.update(c);
            int combined = Crc.combine(Crc.update(Crc.of(a), b), Crc.shiftBytes(c.length), Crc.of(c));
            assertThat(combined).as("round " + round).isEqualTo((int) whole.getValue());
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
