package it.testata.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The archive's layout (a zip: db/TABLE.jsonl, one JSON array per row; media/...; manifest.json last) and its
 * verification, which backup runs on what it wrote and restore on what it is given before touching anything.
 */
public final class Archive {
    static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** Entry names an archive may hold: no absolute paths, no "..", only our two folders. */
    private static final Pattern SAFE_NAME = Pattern.compile("(db/[a-z0-9_]+\\.jsonl|media/([A-Za-z0-9_.-]+/)*[A-Za-z0-9_][A-Za-z0-9_.-]*)");

    private Archive() {}

    /** Why an archive cannot be used; restore reports it and exits 2 without changing anything. */
    public static final class Damaged extends Exception {
        public Damaged(String message) {
            super(message);
        }
    }

    static String tableFile(String table) {
        return "db/" + table + ".jsonl";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the whole archive: the manifest, every entry against its SHA-256, every table row as a JSON array of
     * the manifest's width, and the row counts. Returns the manifest when all of it holds.
     */
    public static Manifest verify(Path file) throws Damaged {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry m = zip.getEntry(Manifest.NAME);
            if (m == null) throw new Damaged(file + " is not a Testata backup (it has no " + Manifest.NAME + ")");
            Manifest manifest;
            try (InputStream in = zip.getInputStream(m)) {
                manifest = JSON.readValue(in, Manifest.class);
            } catch (IOException e) {
                throw new Damaged("the manifest of " + file + " cannot be read: " + e.getMessage());
            }
            if (!Manifest.FORMAT.equals(manifest.format()) || manifest.version() != Manifest.VERSION
                    || manifest.tables() == null || manifest.sha256() == null || manifest.schemaVersion() == null) {
                throw new Damaged(file + " is not a Testata backup of a format this version reads");
            }
            Set<String> seen = new LinkedHashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            Map<String, Long> rows = new HashMap<>();
            for (Manifest.TableEntry t : manifest.tables()) rows.put(t.file(), (long) t.columns().size());
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || e.getName().equals(Manifest.NAME)) continue;
                if (!SAFE_NAME.matcher(e.getName()).matches()) throw new Damaged("the archive holds an unexpected entry: " + e.getName());
                String expected = manifest.sha256().get(e.getName());
                if (expected == null) throw new Damaged("the archive holds " + e.getName() + ", which its manifest does not list");
                if (!seen.add(e.getName())) throw new Damaged("the archive holds " + e.getName() + " twice");
                MessageDigest digest = sha256();
                long count;
                try (InputStream in = new DigestInputStream(zip.getInputStream(e), digest)) {
                    Long width = rows.get(e.getName());
                    count = width == null ? drain(in) : countRows(in, e.getName(), width.intValue());
                } catch (IOException ex) {
                    throw new Damaged(e.getName() + " cannot be read: " + ex.getMessage());
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(expected)) {
                    throw new Damaged(e.getName() + " does not match its checksum: the archive is damaged");
                }
                for (Manifest.TableEntry t : manifest.tables()) {
                    if (t.file().equals(e.getName()) && t.rows() != count) {
                        throw new Damaged(e.getName() + " holds " + count + " rows, its manifest says " + t.rows());
                    }
                }
            }
            for (String name : manifest.sha256().keySet()) {
                if (!seen.contains(name)) throw new Damaged("the archive lacks " + name + ", which its manifest lists");
            }
            return manifest;
        } catch (IOException e) {
            throw new Damaged(file + " cannot be read as an archive: " + e.getMessage());
        }
    }

    private static long drain(InputStream in) throws IOException {
        long n = 0;
        byte[] buf = new byte[65536];
        for (int r; (r = in.read(buf)) > 0; ) n += r;
        return n;
    }

    /** Counts the rows of a table file, each line a JSON array of exactly this many scalar values. */
    private static long countRows(InputStream in, String name, int width) throws IOException, Damaged {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long count = 0;
        for (String line; (line = r.readLine()) != null; ) {
            count++;
            try (JsonParser p = JSON.getFactory().createParser(line)) {
                if (p.nextToken() != JsonToken.START_ARRAY) throw new Damaged(name + " row " + count + " is not a JSON array");
                int values = 0;
                for (JsonToken t; (t = p.nextToken()) != JsonToken.END_ARRAY; ) {
                    if (t == null || t.isStructStart()) throw new Damaged(name + " row " + count + " is malformed");
                    values++;
                }
                if (values != width) throw new Damaged(name + " row " + count + " has " + values + " values, not " + width);
                if (p.nextToken() != null) throw new Damaged(name + " row " + count + " has text after its end");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new Damaged(name + " row " + count + " is not valid JSON: " + e.getOriginalMessage());
            }
        }
        return count;
    }
}
