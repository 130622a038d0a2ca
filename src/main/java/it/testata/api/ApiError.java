package it.testata.api;

import java.util.Map;

/** An API request that cannot be answered as asked: the status, a message, and per-field problems if any. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final Map<String, String> fields;

    public ApiError(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiError(int status, String message, Map<String, String> fields) {
        super(message);
        this.status = status;
        this.fields = Map.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
