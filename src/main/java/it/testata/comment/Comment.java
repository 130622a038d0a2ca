package it.testata.comment;

import java.time.Instant;

/**
 * A comment as public pages show it. It has no email field, so no template can print one. {@code staff} marks a
 * reply written by the newsroom from the moderation queue.
 */
public record Comment(long id, long articleId, Long parentId, CommentStatus status, String authorName,
                      String authorUrl, String bodyHtml, Instant createdAt, boolean staff) {
}
