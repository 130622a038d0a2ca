package it.testata.moderation;

import it.testata.admin.AdminFrame;
import it.testata.comment.CommentStatus;

import java.util.List;
import java.util.Map;

/** What admin/comments.jte receives: one tab of the queue, one page of it. */
public record QueuePage(AdminFrame frame, CommentStatus tab, Map<CommentStatus, Integer> counts, List<QueueItem> items,
                        int page, int pages, String notice, boolean pings, int otherCount) {

    public List<CommentStatus> tabs() {
        return List.of(CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM, CommentStatus.TRASH);
    }

    /** The actions offered on this tab: everything but what the comments already are. */
    public List<String> actions() {
        return actionsFor(tab);
    }

    static List<String> actionsFor(CommentStatus tab) {
        return switch (tab) {
            case PENDING -> List.of("approve", "spam", "trash");
            case APPROVED -> List.of("spam", "trash");
            case SPAM -> List.of("approve", "trash", "delete");
            case TRASH -> List.of("approve", "spam", "delete");
        };
    }

    public String href(CommentStatus status, int n) {
        return ModerationHandlers.queueAddress(status, n, pings);
    }

    /** The same tab of the other list: reader comments, or pingbacks and trackbacks. */
    public String otherHref() {
        return ModerationHandlers.queueAddress(tab, 1, !pings);
    }
}
