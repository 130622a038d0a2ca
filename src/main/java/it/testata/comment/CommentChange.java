package it.testata.comment;

import java.util.Optional;

/**
 * A status a comment gets, as its {@link CommentListener}s are told of it: a new comment (before is null; a reader's
 * carries its {@link Submission}), a moderator's approve, spam or trash (before may equal after), a staff reply and
 * the pending comment it approves. A deleted comment gets no status and makes no change.
 */
public record CommentChange(long commentId, CommentStatus before, CommentStatus after, Optional<Submission> submission) {
    /** What a reader sent with a new comment: the form as typed (the "notify me of replies" box) and their network. */
    public record Submission(CommentForm form, String ipNet) {}

    /** A comment already stored getting a status (moderated, or approved by a staff reply under it). */
    public static CommentChange of(long commentId, CommentStatus before, CommentStatus after) {
        return new CommentChange(commentId, before, after, Optional.empty());
    }

    /** The comment has just become public: new and approved, or approved now and not before. */
    public boolean published() {
        return after == CommentStatus.APPROVED && before != CommentStatus.APPROVED;
    }
}
