package it.testata.moderation;

import it.testata.admin.AdminFrame;
import it.testata.comment.CommentStatus;
import it.testata.paging.Keyset;

import java.util.List;
import java.util.Map;

/**
 * What admin/comments.jte receives: one tab of the queue, one page of it. {@code place} is the page's own place
 * ("" for the first page, else "before=..." or "after=..."), kept by its forms; {@code newer} and {@code older}
 * are the neighbouring pages' places (null when there is none).
 */
public record QueuePage(AdminFrame frame, CommentStatus tab, Map<CommentStatus, Integer> counts, List<QueueItem> items,
                        String place, Keyset newer, Keyset older, String notice, boolean pings, int otherCount) {

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

    /** The first page of a tab. */
    public String href(CommentStatus status) {
        return ModerationHandlers.queueAddress(status, pings, "");
    }

    /** The newer page of this tab, or null on the first page. */
    public String newerHref() {
        return newer == null ? null : ModerationHandlers.queueAddress(tab, pings, ModerationHandlers.place(null, newer));
    }

    /** The older page of this tab, or null on the last page. */
    public String olderHref() {
        return older == null ? null : ModerationHandlers.queueAddress(tab, pings, ModerationHandlers.place(older, null));
    }

    /** The name of the hidden field that keeps this page's place in its forms ("before" or "after"), or null. */
    public String placeName() {
        return place.isEmpty() ? null : place.substring(0, place.indexOf('='));
    }

    public String placeValue() {
        return place.isEmpty() ? null : place.substring(place.indexOf('=') + 1);
    }

    /** The same tab of the other list: reader comments, or pingbacks and trackbacks. */
    public String otherHref() {
        return ModerationHandlers.queueAddress(tab, !pings, "");
    }
}
