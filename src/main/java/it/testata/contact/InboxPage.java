package it.testata.contact;

import it.testata.admin.AdminFrame;

import java.util.List;
import java.util.Map;

/** What admin/messages.jte receives: counts, the chosen status (null: all but spam), the list, and one message open. */
public record InboxPage(AdminFrame frame, Map<String, Integer> counts, String status, List<ContactMessage> messages,
                        ContactMessage open, String notice) {

    public String when(java.time.Instant at) {
        return frame.msg().dateTime(at, frame.site().zone());
    }

    /** A mailto: address answering the open message (subject "Re: ..."), for the staff's own mail program. */
    public String replyLink() {
        return "mailto:" + open.email() + "?subject=" + java.net.URLEncoder.encode("Re: " + open.subject(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
