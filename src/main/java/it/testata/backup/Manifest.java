package it.testata.backup;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * What an archive holds, written last into it as manifest.json: where it comes from, the schema version of its
 * tables, each table's columns and row count, and the SHA-256 of every other entry.
 */
public record Manifest(String format, int version, String createdAt, String source,
                       @JsonProperty("schema_version") String schemaVersion,
                       List<TableEntry> tables, Map<String, String> sha256) {
    public static final String FORMAT = "testata-backup";
    public static final int VERSION = 1;
    public static final String NAME = "manifest.json";

    /** One table: its columns (name, kind) in the order of each row's values, its file and row count. */
    public record TableEntry(String name, List<Column> columns, String file, long rows) {}
}
