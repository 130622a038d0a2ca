package it.testata.staffnotify;

import it.testata.account.Role;

import java.util.Locale;
import java.util.Optional;

/**
 * One member of staff's choice of e-mail: held comments at once, in an hourly digest, or not at all (only for those
 * who moderate), and whether to be told of new public comments on their own articles (only for those who write).
 * Without a stored choice: held comments at once for admins, editors and moderators (in a small newsroom a held
 * comment otherwise waits unseen until someone opens the queue, and held comments are few, since spam goes to the
 * Spam tab), and nothing about one's own articles (an author asks for it).
 */
public record NotifyPrefs(Held held, boolean ownComments) {

    public enum Held {
        IMMEDIATE, HOURLY, NONE;

        public String db() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Held> parse(String v) {
            for (Held h : values()) {
                if (h.db().equals(v)) return Optional.of(h);
            }
            return Optional.empty();
        }
    }

    public static NotifyPrefs defaults(Role role) {
        return new NotifyPrefs(role.moderates() ? Held.IMMEDIATE : Held.NONE, false);
    }

    /** What the profile page shows: the choice, and which parts of it apply to this role. */
    public record View(NotifyPrefs prefs, boolean moderates, boolean writes) {}
}
