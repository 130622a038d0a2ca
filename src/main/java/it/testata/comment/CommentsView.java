package it.testata.comment;

import java.util.List;
import java.util.Map;

/**
 * The comment section of an article page: the thread, the count, and the form with whatever the reader typed.
 * {@code tokenHtml} holds the form's hidden token; on cached pages it is a marker the server fills as it sends.
 */
public record CommentsView(List<ThreadNode> thread, int count, boolean open, CommentForm form,
                           Map<String, String> errors, Comment replyTo, String message, boolean heldNotice,
                           String tokenHtml) {

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
