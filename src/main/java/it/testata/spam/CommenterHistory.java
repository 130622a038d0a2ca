package it.testata.spam;

import org.jdbi.v3.core.Handle;

import java.util.Locale;
import java.util.Optional;

/**
 * What this site's moderators made of a commenter before: the comments stored with the same e-mail address or the
 * same website, approved and in Spam. Read from the database, so every server sharing it knows the same history.
 * Clearly more approved than spam is strong ham evidence; clearly more spam than approved, strong spam evidence.
 */
public record CommenterHistory(long approved, long spam) {
    static final CommenterHistory NONE = new CommenterHistory(0, 0);

    public static CommenterHistory of(Handle h, String email, String website) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String w = website == null ? "" : website.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() && w.isEmpty()) return NONE;
        long[] n = new long[2];
        h.createQuery("""
                        SELECT status, COUNT(*) AS n FROM comments
                        WHERE status IN ('approved', 'spam') AND ((:e <> '' AND author_email = :e) OR (:w <> '' AND lower(author_url) = :w))
                        GROUP BY status""")
                .bind("e", e).bind("w", w)
                .map((rs, ctx) -> {
                    n["approved".equals(rs.getString("status")) ? 0 : 1] = rs.getLong("n");
                    return 0;
                }).list();
        return new CommenterHistory(n[0], n[1]);
    }

    /** The reason this history gives, if any: "history-ham N" or "history-spam N". */
    public Optional<Reason> reason() {
        if (approved > 0 && approved >= 2 * spam) return Optional.of(new Reason("history-ham", Long.toString(approved), Verdict.APPROVE));
        if (spam > 0 && spam >= 2 * approved) return Optional.of(new Reason("history-spam", Long.toString(spam), Verdict.SPAM));
        return Optional.empty();
    }
}
