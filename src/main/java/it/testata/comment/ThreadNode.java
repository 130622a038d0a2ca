package it.testata.comment;

import java.util.List;

/** One comment in the thread with the replies under it. */
public record ThreadNode(Comment comment, int depth, boolean canReply, List<ThreadNode> replies) {
}
