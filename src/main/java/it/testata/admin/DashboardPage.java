package it.testata.admin;

import it.testata.comment.CommentRecord;

import java.util.List;
import java.util.Map;

/**
 * What admin/dashboard.jte receives: articles by status, comments waiting and in spam, the latest comments
 * waiting (with their time written out), and what the spam filter threw away unstored in the last days, by reason.
 */
public record DashboardPage(AdminFrame frame, boolean moderates, Map<String, Integer> articles, int pending, int spam,
                            List<Waiting> waiting, Map<String, Long> discards, int discardDays) {

    public record Waiting(CommentRecord comment, String time, String excerpt) {}
}
