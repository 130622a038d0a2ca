package it.testata.comment;

import it.testata.article.Article;
import it.testata.db.ChangeLog;
import it.testata.db.GroupCommit;
import it.testata.settings.CommentSettings;
import it.testata.settings.SpamSettings;
import it.testata.spam.Reason;
import it.testata.spam.SpamInput;
import it.testata.spam.SpamService;
import it.testata.spam.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules of reader comments: who is held, who floods, what a thread looks like, what moderation changes. */
public final class CommentService {
    /** The default flood interval (the setting comments.flood_seconds may change it). */
    public static final Duration FLOOD_INTERVAL = Duration.ofSeconds(15);

    /** What became of a submission. */
    public sealed interface Outcome {
        record Published(long id) implements Outcome {}
        record Held(long id) implements Outcome {}
        /** Sent to the Spam tab by the filter: answered exactly like a held comment. */
        record Spam(long id) implements Outcome {}
        /** Blatant spam: not stored, counted, answered like a held comment. */
        record Discarded() implements Outcome {}
        /** This email or network posted too recently (15 seconds by default); nothing stored. */
        record Flood() implements Outcome {}
    }

    public enum Action { APPROVE, SPAM, TRASH, DELETE }

    /** Spam is kept this long in the Spam tab, then deleted for good. */
    public static final Duration SPAM_KEPT = Duration.ofDays(30);

    private final CommentStore store;
    private final ChangeLog changes;
    private final SpamService spam;
    private final GroupCommit submissions;

    /**
     * @param submissions the single writer that stores submissions in group commits; its batches begin with
     *                    {@link CommentStore#lockSubmissions}
     */
    public CommentService(CommentStore store, ChangeLog changes, SpamService spam, GroupCommit submissions) {
        this.store = store;
        this.changes = changes;
        this.spam = spam;
        this.submissions = submissions;
    }

    // one list of listeners told of every status a comment gets, in that write's transaction (Site wires them)
    private final List<CommentListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds a listener told of every {@link CommentChange}, inside its transaction, after those added before it. */
    public void listen(CommentListener listener) {
        listeners.add(listener);
    }

    private void tell(org.jdbi.v3.core.Handle h, CommentChange change) {
        for (CommentListener l : listeners) l.changed(h, change);
    }

    /** Comments are open on this article now: its own switch, and the site's closing after N days. */
    public static boolean open(Article a, CommentSettings rules, Instant now) {
        if (!a.commentsOpen()) return false;
        if (rules.closeAfterDays() <= 0 || a.publishedAt() == null) return true;
        return now.isBefore(a.publishedAt().plus(Duration.ofDays(rules.closeAfterDays())));
    }

    /**
     * Judges a valid comment (spam filter, then the moderation mode) and stores it with its verdict, probability and
     * reasons; blatant spam is counted and not stored. The spam filter runs here, in the caller's thread; the checks
     * that depend on what is stored (flood, duplicate, first-comment trust, the parent) and the insert run in the
     * group writer's transaction, after every submission queued before this one ({@link GroupCommit}), under
     * {@link CommentStore#lockSubmissions}. Returns once that transaction is durably committed.
     */
    public Outcome submit(Article article, CommentForm form, CommentSettings rules, SpamSettings spamRules, String ipNet,
                          String userAgent) {
        Instant now = Instant.now();
        // kept as typed; every comparison (flood, first-comment trust, duplicates, bans) ignores case
        String email = form.email();
        SpamInput input = new SpamInput(form.author(), email.toLowerCase(java.util.Locale.ROOT), form.url(), form.comment(), ipNet,
                String.join("\n", article.title(), article.standfirst() == null ? "" : article.standfirst(), article.bodyMd()));
        SpamService.Assessment judged = spam.assess(input, spamRules);
        // what needs no stored data is done here too, so that the one writer thread does only the checks and the insert
        String html = CommentText.toSafeHtml(form.comment());
        String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(300, userAgent.length()));
        return submissions.run((h, touched) -> {
            if (rules.floodSeconds() > 0
                    && CommentStore.recentFrom(h, email, ipNet, now.minusSeconds(rules.floodSeconds())) > 0) {
                return new Outcome.Flood();
            }
            SpamService.Assessment a = SpamService.duplicate(h, article.id(), input, now).map(judged::with).orElse(judged);
            if (a.verdict() == Verdict.DISCARD) {
                SpamService.discarded(h, "classifier");
                return new Outcome.Discarded();
            }
            if (a.verdict() == Verdict.APPROVE) {
                switch (rules.moderation()) {
                    case ALL -> a = a.with(new Reason("moderation", "all", Verdict.HOLD));
                    case FIRST -> {
                        if (!CommentStore.trusted(h, email)) a = a.with(new Reason("moderation", "first", Verdict.HOLD));
                    }
                    case OPEN -> { }
                }
            }
            CommentStatus status = switch (a.verdict()) {
                case APPROVE -> CommentStatus.APPROVED;
                case HOLD -> CommentStatus.PENDING;
                default -> CommentStatus.SPAM;
            };
            Long parent = form.parentId() != null && CommentStore.approvedOn(h, article.id(), form.parentId()).isPresent()
                    ? form.parentId() : null;
            long id = CommentStore.insert(h, new NewComment(article.id(), parent, status, form.author(), email, form.url(),
                    form.comment(), html, ipNet, agent, a.verdict().db(), a.score(), a.lines()), now);
            // here comment `id` is stored with `status`, in the group's transaction: what must commit with it
            // (outbox rows, notifications) goes on this spot
            tell(h, new CommentChange(id, null, status, Optional.of(new CommentChange.Submission(form, ipNet))));
            return switch (status) {
                case APPROVED -> {
                    touched.addAll(appearedTags(article.id()));
                    yield new Outcome.Published(id);
                }
                case PENDING -> new Outcome.Held(id);
                default -> new Outcome.Spam(id);
            };
        });
    }

    /**
     * Teaches the spam filter stored comments as ham and marks them learned (the WordPress import hands over the
     * approved reader comments it added).
     */
    public void learnHam(Map<Long, SpamInput> comments) {
        if (comments.isEmpty()) return;
        changes.write((h, touched) -> {
            SpamService.learnAll(h, List.copyOf(comments.values()), false);
            for (long id : comments.keySet()) CommentStore.setLearned(h, id, "ham");
            return null;
        });
        spam.refresh();
    }

    /** Counts a submission thrown away before judging (honeypot, forged or hurried form); nothing is stored. */
    public void discarded(String reason) {
        spam.discarded(reason);
    }

    /** Deletes what has been in the Spam tab longer than {@link #SPAM_KEPT}; returns how many. */
    public int purgeSpam(Instant now) {
        return changes.write((h, touched) -> CommentStore.purgeSpam(h, now.minus(SPAM_KEPT)));
    }

    /** What an approved comment disappearing or changing changes on public pages: all of it at once. */
    public static List<String> publicTags(long articleId) {
        return List.of("comments:" + articleId, "sidebar:comments", "lists");
    }

    /**
     * What a comment appearing changes: its article's page at once; the recent-comments widget on every other
     * page and the counts in lists within the page cache's lag ({@link it.testata.web.PageCache#SOON}), so that a
     * moderator approving a queue does not empty every server's cache once per comment. What disappears (trash,
     * spam, an erasure, an edit) still leaves every page at once.
     */
    public static List<String> appearedTags(long articleId) {
        return List.of("comments:" + articleId, it.testata.web.PageCache.SOON + "sidebar:comments",
                it.testata.web.PageCache.SOON + "lists");
    }

    /**
     * The article's thread: approved comments and the reader's own pending ones, replies nested under what they
     * answer. A reply deeper than the setting allows sits at the deepest level beside what it answers. Reply
     * links are offered on approved comments above the deepest level while the article takes comments.
     */
    public List<ThreadNode> thread(long articleId, Collection<Long> ownPending, int maxDepth, boolean open) {
        List<Comment> comments = store.forArticle(articleId, ownPending);
        Map<Long, List<Comment>> children = new HashMap<>();
        Map<Long, Comment> byId = new HashMap<>();
        for (Comment c : comments) byId.put(c.id(), c);
        List<Comment> roots = new ArrayList<>();
        for (Comment c : comments) {
            if (c.parentId() != null && byId.containsKey(c.parentId())) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        List<ThreadNode> out = new ArrayList<>();
        for (Comment r : roots) place(r, 1, Math.max(1, maxDepth), open, children, out);
        return out;
    }

    private static void place(Comment c, int depth, int maxDepth, boolean open, Map<Long, List<Comment>> children,
                              List<ThreadNode> into) {
        List<Comment> replies = children.getOrDefault(c.id(), List.of());
        if (depth < maxDepth) {
            List<ThreadNode> nested = new ArrayList<>();
            for (Comment r : replies) place(r, depth + 1, maxDepth, open, children, nested);
            into.add(new ThreadNode(c, depth, open && c.status() == CommentStatus.APPROVED, nested));
        } else {
            into.add(new ThreadNode(c, depth, false, List.of()));
            for (Comment r : replies) place(r, depth, maxDepth, open, children, into);
        }
    }

    public Optional<Comment> replyTarget(long articleId, long commentId) {
        return store.approvedOn(articleId, commentId);
    }

    /**
     * Approve, spam, trash or delete one comment; false when there is no such comment. Approving a comment that
     * was not approved teaches the spam filter ham; marking one as spam teaches it spam, in the same transaction.
     */
    public boolean moderate(long id, Action action) {
        boolean done = changes.write((h, touched) -> {
            Optional<CommentRecord> found = CommentStore.find(h, id);
            if (found.isEmpty()) return false;
            CommentRecord c = found.get();
            switch (action) {
                case APPROVE -> {
                    CommentStore.setStatus(h, id, CommentStatus.APPROVED);
                    if (c.status() != CommentStatus.APPROVED) teach(h, c, false);
                    tell(h, CommentChange.of(id, c.status(), CommentStatus.APPROVED));
                }
                case SPAM -> {
                    CommentStore.setStatus(h, id, CommentStatus.SPAM);
                    if (c.status() != CommentStatus.SPAM) teach(h, c, true);
                    tell(h, CommentChange.of(id, c.status(), CommentStatus.SPAM));
                }
                case TRASH -> {
                    CommentStore.setStatus(h, id, CommentStatus.TRASH);
                    tell(h, CommentChange.of(id, c.status(), CommentStatus.TRASH));
                }
                case DELETE -> CommentStore.delete(h, id); // gone: it gets no status, nobody is told
            }
            boolean wasPublic = c.status() == CommentStatus.APPROVED;
            boolean isPublic = action == Action.APPROVE;
            if (wasPublic) touched.addAll(publicTags(c.articleId()));
            else if (isPublic) touched.addAll(appearedTags(c.articleId()));
            return true;
        });
        if (done && (action == Action.APPROVE || action == Action.SPAM)) spam.refresh();
        return done;
    }

    private static void teach(org.jdbi.v3.core.Handle h, CommentRecord c, boolean isSpam) {
        SpamService.learn(h, new SpamInput(c.authorName(), c.authorEmail(), c.authorUrl(), c.bodyRaw(), c.ipNet()),
                isSpam, c.learned());
        CommentStore.setLearned(h, c.id(), isSpam ? "spam" : "ham");
    }

    /** One comment with everything staff may see. */
    public Optional<CommentRecord> find(long id) {
        return store.find(id);
    }

    /** What became of a moderator's edit or reply. */
    public sealed interface Written {
        record Saved(long id) implements Written {}
        /** Field name to message key; nothing was written. */
        record Invalid(Map<String, String> errors) implements Written {}
        /** There is no such comment (any more). */
        record Missing() implements Written {}
    }

    /** How many reader comments each tab holds; every status is present. */
    public Map<CommentStatus, Integer> counts() {
        return counts(false);
    }

    /** How many reader comments, or (pings) pingbacks and trackbacks, each tab holds; every status is present. */
    public Map<CommentStatus, Integer> counts(boolean pings) {
        Map<CommentStatus, Integer> found = store.counts(pings);
        Map<CommentStatus, Integer> all = new java.util.EnumMap<>(CommentStatus.class);
        for (CommentStatus s : CommentStatus.values()) all.put(s, found.getOrDefault(s, 0));
        return all;
    }

    /** One page of a moderation tab, newest first. */
    public List<CommentRecord> page(CommentStatus status, int offset, int limit) {
        return page(status, false, offset, limit);
    }

    /** One page of a moderation tab's reader comments, or (pings) its pingbacks and trackbacks, newest first. */
    public List<CommentRecord> page(CommentStatus status, boolean pings, int offset, int limit) {
        return store.page(status, pings, offset, limit);
    }

    /**
     * A page of a moderation tab paged by place: older than {@code before}, newer than {@code after}, or the first
     * (both null), newest first, ordered by (created_at, id).
     */
    public it.testata.paging.KeysetPage<CommentRecord> queuePage(CommentStatus status, boolean pings,
                                                                 it.testata.paging.Keyset before,
                                                                 it.testata.paging.Keyset after, int size) {
        return it.testata.paging.KeysetPage.read(before, after, size,
                (cursor, older, n) -> store.queueRows(status, pings, cursor, older, n),
                c -> new it.testata.paging.Keyset(c.createdAt().toEpochMilli(), c.id()));
    }

    public Map<Long, String> articleTitles(Collection<Long> articleIds) {
        return store.articleTitles(articleIds);
    }

    /**
     * A moderator corrects a comment's author name, website or text (the e-mail stays as the commenter gave it).
     * Checked with the limits the public form has; an approved comment's pages drop from every cache.
     */
    public Written edit(long id, String author, String url, String text, CommentSettings limits) {
        Optional<CommentRecord> found = store.find(id);
        if (found.isEmpty()) return new Written.Missing();
        CommentForm form = new CommentForm(found.get().articleId(), null, author.strip(), found.get().authorEmail(),
                url.strip(), text.replace("\r\n", "\n"), false, "", "");
        Map<String, String> errors = form.errors(limits);
        errors.remove("email");
        if (!errors.isEmpty()) return new Written.Invalid(errors);
        return changes.write((h, touched) -> {
            Optional<CommentRecord> c = CommentStore.find(h, id);
            if (c.isEmpty()) return new Written.Missing();
            CommentStore.edit(h, id, form.author(), form.url(), form.comment(), CommentText.toSafeHtml(form.comment()));
            if (c.get().status() == CommentStatus.APPROVED) touched.addAll(publicTags(c.get().articleId()));
            return new Written.Saved(id);
        });
    }

    /**
     * A member of staff answers a comment: the reply is stored approved under it, signed with their name and
     * e-mail, and not judged by the spam filter. Answering a pending comment approves it too (and teaches the
     * filter ham), as a reply under a comment nobody can see would make no sense; spam and trash cannot be answered.
     */
    public Written reply(long parentId, String name, String email, String url, String text, CommentSettings limits) {
        String body = text.replace("\r\n", "\n");
        if (body.isBlank()) return new Written.Invalid(Map.of("comment", "comment.error.commentRequired"));
        if (body.length() > limits.maxText()) return new Written.Invalid(Map.of("comment", "comment.error.commentLong"));
        boolean[] approvedParent = {false};
        Written w = changes.write((h, touched) -> {
            Optional<CommentRecord> found = CommentStore.find(h, parentId);
            if (found.isEmpty()) return new Written.Missing();
            CommentRecord parent = found.get();
            if (parent.status() == CommentStatus.SPAM || parent.status() == CommentStatus.TRASH) {
                return new Written.Invalid(Map.of("comment", "admin.comments.error.replyState"));
            }
            if (parent.status() == CommentStatus.PENDING) {
                CommentStore.setStatus(h, parentId, CommentStatus.APPROVED);
                teach(h, parent, false);
                approvedParent[0] = true;
                tell(h, CommentChange.of(parentId, CommentStatus.PENDING, CommentStatus.APPROVED));
            }
            long id = CommentStore.insert(h, new NewComment(parent.articleId(), parentId, CommentStatus.APPROVED, name,
                    email, url == null ? "" : url, body, CommentText.toSafeHtml(body), "", ""), Instant.now());
            CommentStore.markStaff(h, id); // only staff reply from the moderation queue: the "Redazione" mark
            tell(h, CommentChange.of(id, null, CommentStatus.APPROVED));
            touched.addAll(appearedTags(parent.articleId()));
            return new Written.Saved(id);
        });
        if (approvedParent[0]) spam.refresh();
        return w;
    }

    public List<CommentRecord> list(CommentStatus status, String articleSlug) {
        return store.list(status, articleSlug, 10_000);
    }
}
