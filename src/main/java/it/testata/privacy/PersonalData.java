package it.testata.privacy;

import org.jdbi.v3.core.Handle;

import java.util.Set;

/**
 * One kind of personal data the site keeps about a reader, found by e-mail address (matched case-insensitively).
 * The privacy tools ask every provider wired in Site: comments first; newsletter subscriptions and contact
 * messages plug in the same way. Each method runs inside the caller's transaction.
 */
public interface PersonalData {
    /** The key of this provider's part in an export, e.g. "comments". */
    String name();

    /** How many records this address has here. */
    int count(Handle h, String email);

    /** Everything kept about this address, as values Jackson writes as JSON (records, maps, lists, strings). */
    Object export(Handle h, String email);

    /**
     * Erases this address: anonymises its records (or deletes them with their text when deleteText), adds the cache
     * tags of the public pages that change to touched, and returns how many records were changed or deleted.
     */
    int erase(Handle h, String email, boolean deleteText, Set<String> touched);
}
