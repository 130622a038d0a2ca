package it.testata.spam;

/**
 * Why the filter judged a comment as it did: a short code, a detail, and the verdict this reason alone asks for.
 * Stored one a line as "code detail" (for example "links 3 > 2", "disallowed-word casino", "classifier 0.9731").
 */
public record Reason(String code, String detail, Verdict verdict) {
    public String text() {
        return detail.isEmpty() ? code : code + " " + detail;
    }
}
