package it.testata.media;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for uploaded images. */
public final class ImageStore {
    private static final String COLUMNS = "id, name, width, height, bytes, source_name, created_at";

    private final Jdbi jdbi;

    public ImageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Image> byName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM images WHERE name = :name")
                .bind("name", name).map(ImageStore::map).findOne());
    }

    /** The newest images first. */
    public List<Image> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM images ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map(ImageStore::map).list());
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

    private static Image map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Image(rs.getLong("id"), rs.getString("name"), rs.getInt("width"), rs.getInt("height"),
                rs.getLong("bytes"), rs.getString("source_name"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
