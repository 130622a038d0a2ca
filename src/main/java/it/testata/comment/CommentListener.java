package it.testata.comment;

import org.jdbi.v3.core.Handle;

/**
 * Told by {@link CommentService} of every {@link CommentChange}, inside the transaction that makes it (before it
 * commits), so that whatever a listener writes (an e-mail in the outbox, a subscription) commits or rolls back with
 * the change. What must wait for the commit (poking the mail sender) hangs on the change log's subscribers instead.
 * Listeners are wired by hand in {@code Site} and told in that order.
 */
@FunctionalInterface
public interface CommentListener {
    void changed(Handle h, CommentChange change);
}
