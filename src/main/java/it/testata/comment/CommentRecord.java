package it.testata.comment;

import java.time.Instant;
import java.util.List;

/**
 * A comment with everything staff may see (the command line, the moderation queue, the API): the e-mail and
 * network, and the spam filter's verdict, probability (null when it did not judge) and reasons; learned is what
 * the filter was taught from it (ham, spam or empty).
 */
public record CommentRecord(long id, long articleId, String articleSlug, Instant articlePublishedAt, Long parentId,
                            CommentStatus status, String authorName, String authorEmail, String authorUrl,
                            String bodyRaw, Instant createdAt, String ipNet, String verdict, Double score,
                            List<String> reasons, String learned) {
}
