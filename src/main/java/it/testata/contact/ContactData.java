package it.testata.contact;

import it.testata.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.Set;

/**
 * Messages sent through the contact form as personal data. A message is the reader's own words addressed to the
 * newsroom, so erasing deletes it whatever the text choice.
 */
public final class ContactData implements PersonalData {
    @Override
    public String name() {
        return "messages";
    }

    @Override
    public int count(Handle h, String email) {
        return h.createQuery("SELECT COUNT(*) FROM contact_messages WHERE LOWER(email) = :e").bind("e", email)
                .mapTo(Integer.class).one();
    }

    @Override
    public Object export(Handle h, String email) {
        return h.createQuery("SELECT id, name, email, subject, body, ip_net, status, created_at FROM contact_messages "
                + "WHERE LOWER(email) = :e ORDER BY id").bind("e", email).mapToMap().list();
    }

    @Override
    public int erase(Handle h, String email, boolean deleteText, Set<String> touched) {
        return h.createUpdate("DELETE FROM contact_messages WHERE LOWER(email) = :e").bind("e", email).execute();
    }
}
