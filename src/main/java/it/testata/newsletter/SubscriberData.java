package it.testata.newsletter;

import it.testata.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.Set;

/**
 * Newsletter subscriptions as personal data: the address, its name and the proof of its consent. Erasing forgets
 * the subscriber and drops the copies still queued for it (sent ones stay in the outbox's history only as rows
 * without a subscriber).
 */
public final class SubscriberData implements PersonalData {
    private static final String COLUMNS = "id, email, name, status, consent_at, consent_net, consent_source, confirmed_at, "
            + "confirmed_net, failures";

    @Override
    public String name() {
        return "newsletter";
    }

    @Override
    public int count(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM subscribers WHERE LOWER(email) = :e").bind("e", email)
                .mapTo(Integer.class).one();
    }

    @Override
    public Object export(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM subscribers WHERE LOWER(email) = :e ORDER BY id")
                .bind("e", email).mapToMap().list();
    }

    @Override
    public int erase(Handle h, String email, boolean deleteText, Set<String> touched) {
        h.createUpdate("DELETE FROM outbox WHERE status = 'queued' AND subscriber_id IN "
                + "(SELECT id FROM subscribers WHERE LOWER(email) = :e)").bind("e", email).execute();
        return h.createUpdate("DELETE FROM subscribers WHERE LOWER(email) = :e").bind("e", email).execute();
    }
}
