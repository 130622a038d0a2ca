package it.testata.comment;

import java.util.List;

/**
 * A validated comment about to be stored, with the spam filter's verdict (approve, hold, spam; empty when the
 * filter did not judge it, as for imported comments), its probability (null likewise) and its reasons.
 */
public record NewComment(long articleId, Long parentId, CommentStatus status, String authorName, String authorEmail,
                         String authorUrl, String bodyRaw, String bodyHtml, String ipNet, String userAgent,
                         String verdict, Double score, List<String> reasons) {
    public NewComment {
        reasons = List.copyOf(reasons);
    }

    /** A comment the filter did not judge. */
    public NewComment(long articleId, Long parentId, CommentStatus status, String authorName, String authorEmail,
                      String authorUrl, String bodyRaw, String bodyHtml, String ipNet, String userAgent) {
        this(articleId, parentId, status, authorName, authorEmail, authorUrl, bodyRaw, bodyHtml, ipNet, userAgent,
                "", null, List.of());
    }
}
