package it.testata.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.testata.account.Role;
import it.testata.support.Pictures;
import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Image uploads through the real server: the type is told from the content, the pixels are written again so no
 * EXIF (GPS) survives, variants of 1200 and 600 pixels are served with a year of immutable caching.
 */
class ImageUploadTest {
    static final String PASSWORD = "correct horse battery";
    static final ObjectMapper JSON = new ObjectMapper();
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        site.site().accounts.add("anna@example.org", "Anna Bianchi", Role.AUTHOR, PASSWORD.toCharArray());
        site.site().accounts.add("mario@example.org", "Mario Verdi", Role.MODERATOR, PASSWORD.toCharArray());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static StaffClient author() {
        return StaffClient.signedIn(site, "anna@example.org", PASSWORD);
    }

    static HttpResponse<String> upload(StaffClient c, String fileName, String type, byte[] content) {
        return c.postMultipart("/admin/images", Map.of(), "image", fileName, type, content);
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void aPngIsStoredWithVariantsServedForAYear() throws Exception {
        HttpResponse<String> r = upload(author(), "wide.png", "image/png", Pictures.encode(Pictures.picture(2000, 1000, false), "png"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode img = json(r);
        assertThat(img.get("width").asInt()).isEqualTo(2000);
        assertThat(img.get("name").asText()).matches("[0-9a-f]{24}\\.png");
        assertThat(img.get("url").asText()).endsWith("-1200.png");

        for (var entry : Map.of("original", 2000, "1200", 1200, "600", 600).entrySet()) {
            HttpResponse<byte[]> f = site.getBytes(img.get("variants").get(entry.getKey()).asText());
            assertThat(f.statusCode()).isEqualTo(200);
            assertThat(f.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(f.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            BufferedImage served = ImageIO.read(new ByteArrayInputStream(f.body()));
            assertThat(served.getWidth()).isEqualTo(entry.getValue());
            assertThat(served.getHeight()).isEqualTo(entry.getValue() / 2);
        }
        // the files live in the data folder
        try (Stream<Path> files = Files.list(site.dataDir.resolve("media"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains(img.get("name").asText(), img.get("name").asText().replace(".png", "-600.png"));
        }
    }

    @Test
    void aJpegWithGpsExifComesOutWithoutAnyExifAndTurnedAsTheCameraSaid() throws Exception {
        byte[] upload = Pictures.withExif(Pictures.encode(Pictures.picture(400, 200, false), "jpg"), 6);
        assertThat(Pictures.segments(upload)).contains(0xE1); // the upload does carry EXIF with a GPS position
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif");
        assertThat(ImageIO.read(new ByteArrayInputStream(upload)).getWidth()).isEqualTo(400);

        HttpResponse<String> r = upload(author(), "IMG_0001.JPG", "image/jpeg", upload);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode img = json(r);
        assertThat(img.get("name").asText()).endsWith(".jpg");
        // orientation 6 (turn 90° clockwise) was applied to the pixels, since the tag itself is gone
        assertThat(img.get("width").asInt()).isEqualTo(200);
        assertThat(img.get("height").asInt()).isEqualTo(400);
        for (String variant : new String[] {"original", "1200", "600"}) {
            HttpResponse<byte[]> f = site.getBytes(img.get("variants").get(variant).asText());
            assertThat(f.statusCode()).isEqualTo(200);
            assertThat(f.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(Pictures.segments(f.body())).doesNotContain(0xE1, 0xE2, 0xED, 0xFE); // no EXIF/XMP, ICC, IPTC, comment
            assertThat(new String(f.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
            assertThat(Pictures.indexOf(f.body(), Pictures.GPS_LATITUDE)).isEqualTo(-1);
        }
        // what was the left edge (red) is now the top edge
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(site.getBytes(img.get("variants").get("original").asText()).body()));
        Color top = new Color(served.getRGB(100, 2));
        assertThat(top.getRed()).isGreaterThan(200);
    }

    @Test
    void aTextFileNamedJpgIsRefusedWhateverItsContentTypeSays() throws Exception {
        long before = mediaFiles();
        HttpResponse<String> r = upload(author(), "photo.jpg", "image/jpeg",
                "this is not a picture, only text\n".repeat(20).getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(json(r).get("message").asText()).contains("JPEG, PNG, WebP o GIF");
        // magic bytes of a JPEG followed by garbage: the type matches but the pixels cannot be read
        byte[] fake = new byte[600];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        HttpResponse<String> broken = upload(author(), "photo.jpg", "image/jpeg", fake);
        assertThat(broken.statusCode()).isEqualTo(415);
        assertThat(mediaFiles()).isEqualTo(before);
    }

    @Test
    void aPngNamedJpgIsTakenAsThePngItIs() throws Exception {
        HttpResponse<String> r = upload(author(), "holiday.jpg", "image/jpeg", Pictures.encode(Pictures.picture(300, 300, true), "png"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).get("name").asText()).endsWith(".png");
    }

    @Test
    void gifAndWebpAreDecodedAndStoredAsPngOrJpeg() throws Exception {
        JsonNode gif = json(upload(author(), "a.gif", "image/gif", Pictures.encode(Pictures.picture(64, 32, false), "gif")));
        assertThat(gif.get("name").asText()).endsWith(".png");
        assertThat(gif.get("width").asInt()).isEqualTo(64);

        JsonNode webp = json(upload(author(), "a.webp", "image/webp", resource("gradient.webp")));
        assertThat(webp.get("name").asText()).endsWith(".jpg");
        assertThat(webp.get("width").asInt()).isEqualTo(160);
        assertThat(webp.get("height").asInt()).isEqualTo(90);
        HttpResponse<byte[]> f = site.getBytes(webp.get("variants").get("600").asText());
        assertThat(ImageIO.read(new ByteArrayInputStream(f.body())).getWidth()).isEqualTo(160); // never enlarged

        JsonNode alpha = json(upload(author(), "b.webp", "image/webp", resource("gradient-alpha.webp")));
        assertThat(alpha.get("name").asText()).endsWith(".png");
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(site.getBytes(alpha.get("url").asText()).body()));
        assertThat(new Color(served.getRGB(150, 45), true).getAlpha()).isEqualTo(96);
    }

    @Test
    void tooLargeAnUploadIsRefusedWith413() throws Exception {
        byte[] big = new byte[(int) ImageService.MAX_BYTES + 10];
        byte[] png = Pictures.encode(Pictures.picture(10, 10, false), "png");
        System.arraycopy(png, 0, big, 0, png.length);
        HttpResponse<String> r = upload(author(), "big.png", "image/png", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("message").asText()).contains("10 MB");
    }

    @Test
    void onlyWritersMayUploadAndOnlyWithTheToken() {
        byte[] png = Pictures.encode(Pictures.picture(10, 10, false), "png");
        StaffClient moderator = StaffClient.signedIn(site, "mario@example.org", PASSWORD);
        assertThat(upload(moderator, "a.png", "image/png", png).statusCode()).isEqualTo(403);
        StaffClient anna = author();
        assertThat(anna.postMultipart("/admin/images", Map.of("csrf", "forged"), "image", "a.png", "image/png", png)
                .statusCode()).isEqualTo(403);
        assertThat(upload(new StaffClient(site), "a.png", "image/png", png).statusCode()).isEqualTo(403);
        assertThat(site.get("/media/000000000000000000000000-600.png").statusCode()).isEqualTo(404);
        assertThat(site.get("/media/..%2Ftestata.db").statusCode()).isEqualTo(404);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageUploadTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        }
    }

    private long mediaFiles() throws IOException {
        Path dir = site.dataDir.resolve("media");
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
