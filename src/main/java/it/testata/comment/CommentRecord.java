package it.testata.comment;

import java.time.Instant;

/** A comment with everything staff may see (the command line, later the moderation queue). */
public record CommentRecord(long id, long articleId, String articleSlug, Instant articlePublishedAt, Long parentId,
                            CommentStatus status, String authorName, String authorEmail, String authorUrl,
                            String bodyRaw, Instant createdAt, String ipNet) {
}
