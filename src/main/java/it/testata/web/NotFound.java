package it.testata.web;

/** Thrown by a handler or service when the address names nothing public; ErrorPages answers 404. */
public final class NotFound extends RuntimeException {
    public NotFound() {
        super("not found", null, false, false);
    }
}
