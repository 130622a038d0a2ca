package it.testata.notify;

import it.testata.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reply notifications as personal data: the address, its proof of consent and the comments it follows. Erasing
 * forgets the address with what it follows and drops its reply e-mails still waiting in the outbox.
 */
public final class ReplyNotifications implements PersonalData {
    @Override
    public String name() {
        return "replies";
    }

    @Override
    public int count(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM reply_subscribers WHERE LOWER(email) = :e").bind("e", email)
                .mapTo(Integer.class).one();
    }

    @Override
    public Object export(Handle h, String email) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (ReplySubscriber s : h.createQuery("SELECT " + NotifyStore.COLUMNS + " FROM reply_subscribers WHERE LOWER(email) = :e")
                .bind("e", email).map(NotifyStore::map).list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("email", s.email());
            row.put("status", s.status());
            row.put("consent_at", s.consentAt().toString());
            row.put("consent_net", s.consentNet());
            row.put("confirmed_at", s.confirmedAt() == null ? null : s.confirmedAt().toString());
            row.put("confirmed_net", s.confirmedNet());
            row.put("follows_comments", NotifyStore.subscriptions(h, s.id()));
            out.add(row);
        }
        return out;
    }

    @Override
    public int erase(Handle h, String email, boolean deleteText, Set<String> touched) {
        h.createUpdate("DELETE FROM outbox WHERE status = 'queued' AND kind IN ('reply', 'reply-confirm') "
                + "AND LOWER(recipient) = :e").bind("e", email).execute();
        return h.createUpdate("DELETE FROM reply_subscribers WHERE LOWER(email) = :e").bind("e", email).execute();
    }
}
