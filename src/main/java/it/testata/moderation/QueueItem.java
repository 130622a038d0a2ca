package it.testata.moderation;

import it.testata.comment.CommentRecord;

import java.util.List;

/**
 * One comment as the queue shows it: the record, its article's title and public address (null while the article
 * has no publication date), the time written out, the filter's verdict and score ready to print, and its reasons.
 */
public record QueueItem(CommentRecord c, String articleTitle, String articlePath, String time, String verdict,
                        String score, List<ReasonText> reasons) {
}
