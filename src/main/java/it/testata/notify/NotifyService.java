package it.testata.notify;

import it.testata.article.Article;
import it.testata.comment.CommentChange;
import it.testata.comment.CommentListener;
import it.testata.comment.CommentRecord;
import it.testata.comment.CommentStatus;
import it.testata.comment.CommentStore;
import it.testata.db.ChangeLog;
import it.testata.mail.Addresses;
import it.testata.mail.Email;
import it.testata.mail.MailContent;
import it.testata.mail.MailService;
import it.testata.mail.MailTemplates;
import it.testata.settings.Settings;
import it.testata.settings.SettingsService;
import it.testata.web.Messages;
import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of reply notifications. A reader who ticks "notify me of replies" follows the replies to that comment;
 * the first time an address asks it gets a confirmation link (double opt-in), queued in the comment's own
 * transaction; once confirmed it is not asked again. When a reply to a followed comment becomes public (at once,
 * approved by a moderator, or written by staff) one e-mail is queued in that same transaction, to a confirmed
 * address only, never to the replier themself, and never twice for one reply. Each carries signed links to stop
 * that thread or every notification.
 */
public final class NotifyService implements CommentListener {
    static final String CONFIRM = "reply-confirm";
    static final String STOP = "reply-unsubscribe";
    static final String STOP_ALL = "reply-unsubscribe-all";
    /** A pending address asking again within this time gets no second confirmation e-mail. */
    static final Duration ASK_AGAIN_AFTER = Duration.ofHours(24);
    static final int EXCERPT = 300;

    private final NotifyStore store;
    private final ChangeLog changes;
    private final MailService mail;
    private final SettingsService settings;

    public NotifyService(NotifyStore store, ChangeLog changes, MailService mail, SettingsService settings) {
        this.store = store;
        this.changes = changes;
        this.mail = mail;
        this.settings = settings;
        // the sender looks at once when a change that may have queued a message commits here
        changes.subscribe(tags -> {
            if (tags.stream().anyMatch(t -> t.startsWith("comments:"))) mail.poke();
        });
    }

    public NotifyStore store() {
        return store;
    }

    /**
     * In the comment's transaction: a reader's new comment with the box ticked (not spam) follows its replies, and
     * asks to confirm the first time; a comment that has just become public tells the follower of what it answers.
     */
    @Override
    public void changed(Handle h, CommentChange change) {
        change.submission().ifPresent(sent -> {
            if (sent.form().notifyReplies() && change.after() != CommentStatus.SPAM) {
                follow(h, change.commentId(), sent.form().email(), sent.ipNet(), Instant.now());
            }
        });
        if (change.published()) published(h, change.commentId());
    }

    private void follow(Handle h, long commentId, String typed, String net, Instant now) {
        String email = Addresses.normalize(typed);
        if (!Addresses.valid(email)) return;
        Optional<ReplySubscriber> old = NotifyStore.byEmail(h, email);
        long subscriber;
        if (old.isEmpty() || old.get().status().equals("unsubscribed")) {
            subscriber = NotifyStore.ask(h, email, net, now);
            mail.queue(h, confirmation(email, subscriber));
        } else {
            subscriber = old.get().id();
            if (!old.get().confirmed() && old.get().askedAt().isBefore(now.minus(ASK_AGAIN_AFTER))) {
                NotifyStore.askedAgain(h, subscriber, now);
                mail.queue(h, confirmation(email, subscriber));
            }
        }
        NotifyStore.follow(h, subscriber, commentId, now);
    }

    private Email confirmation(String email, long subscriberId) {
        Settings s = settings.current();
        Messages msg = Messages.of(s.javaLocale());
        String link = mail.links().url("/replies/confirm", CONFIRM, subscriberId);
        MailContent c = new MailContent(msg.lang(), s.siteName(), msg.t("notify.mail.confirmHeading", s.siteName()),
                List.of(msg.t("notify.mail.confirmBody", s.siteName())), null,
                new MailContent.Link(msg.t("notify.mail.confirmButton"), link), List.of(), msg.t("notify.mail.confirmIgnore"));
        return Email.of("reply-confirm", email, msg.t("notify.mail.confirmSubject", s.siteName()), MailTemplates.render(c));
    }

    /** In the transaction that made a comment public: when it answers a followed comment, its follower is told once. */
    private void published(Handle h, long id) {
        Optional<CommentRecord> found = CommentStore.find(h, id);
        if (found.isEmpty() || found.get().status() != CommentStatus.APPROVED || found.get().parentId() == null) return;
        CommentRecord reply = found.get();
        Optional<NotifyStore.Follower> follower = NotifyStore.follower(h, reply.parentId());
        if (follower.isEmpty() || !follower.get().subscriber().confirmed()) return;
        ReplySubscriber to = follower.get().subscriber();
        if (Addresses.normalize(reply.authorEmail()).equals(to.email())) return; // answering oneself
        if (!NotifyStore.firstNotice(h, id, Instant.now())) return;
        mail.queue(h, notification(h, reply, follower.get().subscriptionId(), to));
    }

    private Email notification(Handle h, CommentRecord reply, long subscriptionId, ReplySubscriber to) {
        Settings s = settings.current();
        Messages msg = Messages.of(s.javaLocale());
        String title = h.createQuery("SELECT title FROM articles WHERE id = :id").bind("id", reply.articleId())
                .mapTo(String.class).findOne().orElse("");
        String link = mail.links().baseUrl() + Article.path(reply.articleSlug(), reply.articlePublishedAt(), s.zone())
                + "#comment-" + reply.id();
        String stop = mail.links().url("/replies/unsubscribe", STOP, subscriptionId);
        String stopAll = mail.links().url("/replies/unsubscribe-all", STOP_ALL, to.id());
        String name = Addresses.oneLine(reply.authorName());
        MailContent c = new MailContent(msg.lang(), s.siteName(), msg.t("notify.mail.heading"),
                List.of(msg.t("notify.mail.body", name, title)), excerpt(reply.bodyRaw()),
                new MailContent.Link(msg.t("notify.mail.read"), link),
                List.of(new MailContent.Link(msg.t("notify.mail.stopThread"), stop),
                        new MailContent.Link(msg.t("notify.mail.stopAll", s.siteName()), stopAll)),
                msg.t("notify.mail.why", s.siteName()));
        return new Email("reply", to.email(), null, msg.t("notify.mail.subject", name, title), MailTemplates.render(c),
                stop, true, null, null);
    }

    /** The start of a reply's text, its lines kept, cut at a word near {@link #EXCERPT} characters. */
    static String excerpt(String text) {
        String t = text.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
        if (t.length() <= EXCERPT) return t;
        int cut = t.lastIndexOf(' ', EXCERPT);
        return t.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT).stripTrailing() + " …";
    }

    /** The address a confirmation link names, when valid. */
    public Optional<ReplySubscriber> fromConfirmLink(String token) {
        return mail.links().id(CONFIRM, token).flatMap(store::find);
    }

    /** The address an "unsubscribe from all" link names, when valid. */
    public Optional<ReplySubscriber> fromStopAllLink(String token) {
        return mail.links().id(STOP_ALL, token).flatMap(store::find);
    }

    /** The subscription a thread's unsubscribe link names: empty when forged, else whether it still exists. */
    public Optional<Boolean> fromStopLink(String token) {
        return mail.links().id(STOP, token).map(id -> store.subscriberOf(id).isPresent());
    }

    public boolean confirm(ReplySubscriber s, String net) {
        return changes.write((h, touched) -> NotifyStore.confirm(h, s.id(), net, Instant.now()));
    }

    /** Stops the thread a valid link names; false when the link is forged. */
    public boolean stop(String token) {
        Optional<Long> id = mail.links().id(STOP, token);
        id.ifPresent(sub -> changes.write((h, touched) -> NotifyStore.unfollow(h, sub)));
        return id.isPresent();
    }

    public boolean stopAll(ReplySubscriber s) {
        return changes.write((h, touched) -> NotifyStore.unsubscribeAll(h, s.id(), Instant.now()));
    }
}
