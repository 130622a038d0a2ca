package it.testata.moderation;

import it.testata.comment.CommentRecord;
import it.testata.comment.CommentService;
import it.testata.settings.SettingsService;
import it.testata.settings.SpamSettings;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the moderation queue does beyond one comment at a time: an action on many comments at once, and bans
 * taken from a comment (its e-mail, its e-mail's domain, its network) added to the spam filter's lists.
 */
public final class ModerationService {
    private final CommentService comments;
    private final SettingsService settings;

    public ModerationService(CommentService comments, SettingsService settings) {
        this.comments = comments;
        this.settings = settings;
    }

    /** Applies the action to each comment through {@link CommentService#moderate}; returns how many existed. */
    public int apply(CommentService.Action action, Collection<Long> ids) {
        int done = 0;
        for (long id : ids) {
            if (comments.moderate(id, action)) done++;
        }
        return done;
    }

    /**
     * Adds the comment's e-mail, domain or network to its list setting (one entry a line), unless it is there
     * already; returns the entry, or empty when the comment has nothing to ban of that kind.
     */
    public Optional<String> ban(CommentRecord c, Ban ban) {
        String entry = ban.entry(c.authorEmail(), c.ipNet());
        if (entry.isEmpty()) return Optional.empty();
        Map<String, String> rows = settings.rows();
        String current = rows.getOrDefault(ban.setting, "");
        if (!SpamSettings.list(current).contains(entry)) {
            String next = current.isBlank() ? entry : current.stripTrailing() + "\n" + entry;
            settings.update(Map.of(ban.setting, next));
        }
        return Optional.of(entry);
    }
}
