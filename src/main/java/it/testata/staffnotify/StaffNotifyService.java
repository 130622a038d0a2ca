package it.testata.staffnotify;

import it.testata.account.User;
import it.testata.comment.CommentChange;
import it.testata.comment.CommentListener;
import it.testata.comment.CommentRecord;
import it.testata.comment.CommentStatus;
import it.testata.comment.CommentStore;
import it.testata.db.JobRuns;
import it.testata.db.Leases;
import it.testata.mail.Email;
import it.testata.mail.MailService;
import it.testata.settings.SettingsService;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Staff notifications. Told of every comment status change inside its transaction ({@link #changed}, a
 * {@link CommentListener}): a comment newly held queues one message per moderator who wants held
 * comments at once; a comment newly public queues one for its article's author when they asked, unless they wrote it.
 * {@link #tick} runs the hourly digest under the "staff-digest" lease: for each moderator who chose it, the held
 * comments not yet in one of their digests, recorded in staff_digest_items in the digest's transaction, so a held
 * comment is never in two digests of the same person.
 */
public final class StaffNotifyService implements CommentListener {
    private static final Logger log = LoggerFactory.getLogger(StaffNotifyService.class);
    static final String JOB = "staff-digest";
    static final Duration EVERY = Duration.ofHours(1);
    /** A digest lists comments held within this window (older ones are in the queue, not news). */
    static final Duration WINDOW = Duration.ofDays(7);
    static final int MAX_ITEMS = 50;

    private final StaffNotifyStore store;
    private final MailService mail;
    private final SettingsService settings;
    private final Supplier<String> baseUrl;
    private final Leases leases;
    private final String holder = UUID.randomUUID().toString();

    public StaffNotifyService(StaffNotifyStore store, MailService mail, SettingsService settings, Supplier<String> baseUrl,
                              Leases leases) {
        this.store = store;
        this.mail = mail;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.leases = leases;
    }

    /** The account's choice (its role's default until it saves one) and which parts apply to its role. */
    public NotifyPrefs.View view(User u) {
        return new NotifyPrefs.View(store.stored(u.id()).orElse(NotifyPrefs.defaults(u.role())), u.role().moderates(),
                u.role().writes() && u.authorId() != null);
    }

    /** Saves the choice; parts that do not apply to the role are kept as their default. */
    public void save(User u, NotifyPrefs prefs) {
        NotifyPrefs d = NotifyPrefs.defaults(u.role());
        store.save(u.id(), new NotifyPrefs(u.role().moderates() ? prefs.held() : d.held(), u.role().writes() && prefs.ownComments()));
    }

    /** In the transaction of a comment's change: queues what staff asked to be told. */
    @Override
    public void changed(Handle h, CommentChange change) {
        CommentStatus after = change.after();
        if (after == change.before() || (after != CommentStatus.PENDING && after != CommentStatus.APPROVED)) return;
        Optional<CommentRecord> found = CommentStore.find(h, change.commentId());
        if (found.isEmpty()) return;
        CommentRecord c = found.get();
        String title = StaffNotifyStore.articleTitle(h, c.articleId());
        StaffMessages messages = messages();
        if (after == CommentStatus.PENDING) {
            for (StaffNotifyStore.Recipient r : StaffNotifyStore.moderators(h, NotifyPrefs.Held.IMMEDIATE)) {
                mail.queue(h, messages.held(r, c, title));
            }
            return;
        }
        Optional<StaffNotifyStore.Recipient> author = StaffNotifyStore.authorWanting(h, c.articleId());
        if (author.isPresent() && !same(author.get().email(), c.authorEmail())) {
            mail.queue(h, messages.published(author.get(), c, title));
        }
    }


    /**
     * One look of the periodic job: when an hour has passed since the last digest run (on any server) and this
     * process holds the lease, runs it; returns the digests queued, or -1 when it was not this process's turn.
     */
    public int tick(Instant now) {
        if (!due(now)) return -1;
        if (!leases.take(JOB, holder, Duration.ofMinutes(5))) return -1;
        try {
            if (!due(now)) return -1; // another server just ran it
            return digest(now);
        } finally {
            leases.release(JOB, holder);
        }
    }

    private boolean due(Instant now) {
        return store.jdbi().withHandle(h -> JobRuns.last(h, JOB)).map(last -> !last.plus(EVERY).isAfter(now)).orElse(true);
    }

    /** The hourly digest itself: one message per moderator who chose it and has held comments not yet sent. */
    public int digest(Instant now) {
        int queued = store.jdbi().inTransaction(h -> {
            int n = 0;
            StaffMessages messages = messages();
            for (StaffNotifyStore.Recipient r : StaffNotifyStore.moderators(h, NotifyPrefs.Held.HOURLY)) {
                List<StaffNotifyStore.Held> held = StaffNotifyStore.heldNotDigested(h, r.userId(), now.minus(WINDOW), MAX_ITEMS);
                if (held.isEmpty()) continue;
                Email e = messages.digest(r, held);
                mail.queue(h, e);
                StaffNotifyStore.markDigested(h, r.userId(), held, now);
                n++;
            }
            StaffNotifyStore.prune(h, now.minus(WINDOW));
            JobRuns.record(h, JOB, now);
            return n;
        });
        if (queued > 0) {
            log.info("queued {} hourly digests of held comments", queued);
            mail.poke();
        }
        return queued;
    }

    private StaffMessages messages() {
        return new StaffMessages(settings.current(), baseUrl.get());
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
