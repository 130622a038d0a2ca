package it.testata.comment;

import org.jdbi.v3.core.Handle;

/**
 * Told inside the transaction of a write that gives a comment a status: a new comment (before is null), a moderator's
 * action, a staff reply. Whatever it queues (an e-mail in the outbox) commits or rolls back with the change.
 */
@FunctionalInterface
public interface StatusListener {
    void changed(Handle h, long commentId, CommentStatus before, CommentStatus after);
}
