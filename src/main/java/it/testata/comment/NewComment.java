package it.testata.comment;

/** A validated comment about to be stored. */
public record NewComment(long articleId, Long parentId, CommentStatus status, String authorName, String authorEmail,
                         String authorUrl, String bodyRaw, String bodyHtml, String ipNet, String userAgent) {
}
