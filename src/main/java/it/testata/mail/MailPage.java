package it.testata.mail;

import it.testata.admin.AdminFrame;

import java.util.List;
import java.util.Map;

/**
 * What admin/mail.jte receives: the outbox's counts and latest messages (of the chosen status, or all), the mail
 * settings as the form shows them with the errors per field, whether a password is stored, the test form's address
 * and a notice (or the relay's answer to the test).
 */
public record MailPage(AdminFrame frame, Map<String, Integer> counts, String status, List<OutboxMessage> messages,
                       Map<String, String> values, Map<String, String> errors, boolean passwordSet, String testTo,
                       String notice, boolean noticeIsError) {

    public List<String> statuses() {
        return List.of("queued", "sent", "failed");
    }

    public String when(java.time.Instant at) {
        return at == null ? "" : frame.msg().dateTime(at, frame.site().zone());
    }
}
