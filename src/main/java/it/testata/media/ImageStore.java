package it.testata.media;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for uploaded images: their rows, and their bytes (each file, original or variant) in image_files. */
public final class ImageStore {
    private static final String COLUMNS = "id, name, width, height, bytes, source_name, created_at, alt, caption, credit";

    private final Jdbi jdbi;

    public ImageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Image> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM images WHERE name = :name")
                .bind("name", name).map(ImageStore::map).findOne());
    }

    public Optional<Image> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM images WHERE id = :id")
                .bind("id", id).map(ImageStore::map).findOne());
    }

    /** The newest images first. */
    public List<Image> recent(int limit) {
        return page(limit, 0);
    }

    /** A page of the library, newest first. */
    public List<Image> page(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM images ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset).map(ImageStore::map).list());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM images").mapTo(Integer.class).one());
    }

    /** The images with these names (those that exist). */
    public List<Image> byNames(List<String> names) {
        if (names.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM images WHERE name IN (<names>)")
                .bindList("names", names).map(ImageStore::map).list());
    }

    /** Records an image once; a second upload of the same content keeps the first row. */
    static void insert(Handle h, String name, int width, int height, long bytes, String sourceName, Long uploadedBy,
                       Instant now) {
        h.createUpdate("""
                        INSERT INTO images (name, width, height, bytes, source_name, uploaded_by, created_at)
                        VALUES (:name, :width, :height, :bytes, :source, :by, :at) ON CONFLICT (name) DO NOTHING""")
                .bind("name", name).bind("width", width).bind("height", height).bind("bytes", bytes)
                .bind("source", sourceName).bind("by", uploadedBy).bind("at", now.toEpochMilli())
                .execute();
    }

    static void describe(Handle h, long id, String alt, String caption, String credit) {
        h.createUpdate("UPDATE images SET alt = :alt, caption = :caption, credit = :credit WHERE id = :id")
                .bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("id", id).execute();
    }

    /** Removes an image's row and every stored file of it. */
    static void delete(Handle h, Image img) {
        h.createUpdate("DELETE FROM image_files WHERE file LIKE :prefix").bind("prefix", img.hash() + "%").execute();
        h.createUpdate("UPDATE articles SET image = NULL WHERE image = :name").bind("name", img.name()).execute();
        h.createUpdate("DELETE FROM images WHERE id = :id").bind("id", img.id()).execute();
    }

    /** Stores one file's bytes once (the same name always has the same content). */
    static void putFile(Handle h, String file, String mediaType, byte[] content) {
        h.createUpdate("INSERT INTO image_files (file, media_type, content) VALUES (:file, :type, :content) "
                        + "ON CONFLICT (file) DO NOTHING")
                .bind("file", file).bind("type", mediaType).bind("content", content).execute();
    }

    public boolean hasFile(String file) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM image_files WHERE file = :file")
                .bind("file", file).mapTo(Integer.class).one() > 0);
    }

    /** One stored file's bytes. */
    public Optional<byte[]> file(String file) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content FROM image_files WHERE file = :file")
                .bind("file", file).map((rs, ctx) -> rs.getBytes(1)).findOne());
    }

    /** The articles (id, title, kind) whose featured image this is or whose body shows it. */
    public List<Use> uses(Image img) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, title, kind FROM articles
                        WHERE image = :name OR body_md LIKE :inBody ORDER BY id DESC""")
                .bind("name", img.name()).bind("inBody", "%/media/" + img.hash() + "%")
                .map((rs, ctx) -> new Use(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
    }

    /** An article that uses an image. */
    public record Use(long articleId, String title, String kind) {}

    private static Image map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Image(rs.getLong("id"), rs.getString("name"), rs.getInt("width"), rs.getInt("height"),
                rs.getLong("bytes"), rs.getString("source_name"), Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("alt"), rs.getString("caption"), rs.getString("credit"));
    }
}
