package it.testata.privacy;

import it.testata.audit.AuditLog;
import it.testata.db.ChangeLog;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readers' rights of access and erasure, by e-mail address, over every {@link PersonalData} provider; and the
 * deletion of comments' networks after the retention period. Every export and erasure is in the audit log (an
 * erasure in the same transaction as the change).
 */
public final class PrivacyService {
    /** Comment ids per transaction when old networks are deleted. */
    static final long FORGET_BATCH = 10_000;
    private final Jdbi jdbi;
    private final ChangeLog changes;
    private final List<PersonalData> providers;

    public PrivacyService(Jdbi jdbi, ChangeLog changes, List<PersonalData> providers) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.providers = List.copyOf(providers);
    }

    /** Who asks, for the audit log. */
    public record Actor(Long id, String name, String ipNet) {
        public static final Actor CLI = new Actor(null, AuditLog.CLI, "");
    }

    /** The address as compared: trimmed, lower case; refused when it is not an e-mail address. */
    public static String normalize(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() > 320 || !e.matches("[^@\\s]+@[^@\\s]+")) throw new IllegalArgumentException("'" + e + "' is not an e-mail address");
        return e;
    }

    /** How many records each provider has for this address. */
    public Map<String, Integer> counts(String email) {
        String e = normalize(email);
        return jdbi.withHandle(h -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (PersonalData p : providers) out.put(p.name(), p.count(h, e));
            return out;
        });
    }

    /** Everything kept about this address, by provider, ready to write as JSON. */
    public Map<String, Object> export(String email, Actor actor) {
        String e = normalize(email);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", e);
        out.put("exported_at", Instant.now().toString());
        jdbi.useHandle(h -> {
            for (PersonalData p : providers) out.put(p.name(), p.export(h, e));
        });
        changes.write((h, touched) -> {
            AuditLog.record(h, actor.id(), actor.name(), "privacy.export", e, "", actor.ipNet());
            return null;
        });
        return out;
    }

    /** Erases this address everywhere, in one transaction; returns what each provider changed. */
    public Map<String, Integer> erase(String email, boolean deleteText, Actor actor) {
        String e = normalize(email);
        return changes.write((h, touched) -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (PersonalData p : providers) out.put(p.name(), p.erase(h, e, deleteText, touched));
            AuditLog.record(h, actor.id(), actor.name(), "privacy.erase", e,
                    (deleteText ? "text deleted " : "text kept ") + out, actor.ipNet());
            return out;
        });
    }

    /** Deletes comments' networks older than the retention; returns how many comments lost theirs. */
    public int forgetNetworks(int retentionDays) {
        Instant before = Instant.now().minus(Duration.ofDays(retentionDays));
        long[] span = jdbi.withHandle(CommentData::idSpan);
        if (span == null) return 0;
        int n = 0;
        for (long from = span[0]; from <= span[1]; from += FORGET_BATCH) { // one short transaction per id range
            long lo = from;
            n += changes.write((h, touched) -> CommentData.forgetNetworks(h, before, lo, lo + FORGET_BATCH - 1));
        }
        return n;
    }
}
