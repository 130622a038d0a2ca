package it.testata.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** One row of the outbox. */
public record OutboxMessage(long id, String kind, String to, String replyTo, String subject, String text, String html,
                            String messageId, String unsubscribeUrl, boolean autoSubmitted, String status, int attempts,
                            Instant nextAttemptAt, String lastError, Long issueId, Long subscriberId, Instant createdAt,
                            Instant sentAt) {

    static OutboxMessage map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long sent = rs.getLong("sent_at");
        Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
        long issue = rs.getLong("issue_id");
        Long issueId = rs.wasNull() ? null : issue;
        long subscriber = rs.getLong("subscriber_id");
        Long subscriberId = rs.wasNull() ? null : subscriber;
        return new OutboxMessage(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"), rs.getString("reply_to"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("message_id"),
                rs.getString("unsubscribe_url"), rs.getInt("auto_submitted") == 1, rs.getString("status"),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
                issueId, subscriberId, Instant.ofEpochMilli(rs.getLong("created_at")), sentAt);
    }
}
