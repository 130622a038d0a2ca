package it.testata.backup;

import java.sql.Types;

/** A column of a backed-up table and the portable kind its values are written as. */
public record Column(String name, Kind kind) {

    /** How a value travels in the archive: JSON numbers, strings, booleans, and blobs as Base64 text. */
    public enum Kind {
        INTEGER, REAL, TEXT, BLOB, BOOLEAN;

        /** The kind of a JDBC type as DatabaseMetaData reports it, on SQLite or PostgreSQL. */
        static Kind of(int jdbcType, String typeName) {
            return switch (jdbcType) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> INTEGER;
                case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> REAL;
                case Types.BOOLEAN, Types.BIT -> BOOLEAN;
                case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> BLOB;
                default -> {
                    String t = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT);
                    if (t.contains("INT")) yield INTEGER;
                    if (t.contains("REAL") || t.contains("DOUB") || t.contains("FLOA")) yield REAL;
                    if (t.contains("BLOB") || t.contains("BYTEA")) yield BLOB;
                    if (t.startsWith("BOOL")) yield BOOLEAN;
                    yield TEXT;
                }
            };
        }
    }
}
