package it.testata.moderation;

import it.testata.admin.AdminFrame;

import java.util.Map;

/**
 * What admin/comment.jte receives: one comment with its edit form (the values typed, or the comment's own), its
 * reply form, the ban buttons, and the errors of whichever form was sent (field name to message).
 */
public record CommentPage(AdminFrame frame, QueueItem item, String author, String url, String text,
                          Map<String, String> editErrors, String reply, Map<String, String> replyErrors, String notice) {

    /** The actions offered for the comment's status, as on its tab of the queue. */
    public java.util.List<String> actions() {
        return QueuePage.actionsFor(item.c().status());
    }
}
