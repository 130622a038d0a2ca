package it.testata.audit;

import java.time.Instant;

/**
 * One line of the audit log: when, who (the account's id and its e-mail at the time, or "cli", or the e-mail typed
 * at a failed sign-in), what (an action name such as {@code login.ok} or {@code POST /admin/comments}), on what
 * (the target: path parameters, an e-mail, an id), details, from which network, and the HTTP status (0 outside HTTP).
 */
public record AuditEntry(long id, Instant at, Long actorId, String actor, String action, String target, String detail,
                         String ipNet, int status) {
}
