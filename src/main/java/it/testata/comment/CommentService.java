package it.testata.comment;

import it.testata.article.Article;
import it.testata.db.ChangeLog;
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

    public CommentService(CommentStore store, ChangeLog changes, SpamService spam) {
        this.store = store;
        this.changes = changes;
        this.spam = spam;
    }

    /** Comments are open on this article now: its own switch, and the site's closing after N days. */
    public static boolean open(Article a, CommentSettings rules, Instant now) {
        if (!a.commentsOpen()) return false;
        if (rules.closeAfterDays() <= 0 || a.publishedAt() == null) return true;
        return now.isBefore(a.publishedAt().plus(Duration.ofDays(rules.closeAfterDays())));
    }

    /**
     * Judges a valid comment (spam filter, then the moderation mode) and stores it in one transaction with its
     * verdict, probability and reasons; blatant spam is counted and not stored.
     */
    public Outcome submit(Article article, CommentForm form, CommentSettings rules, SpamSettings spamRules, String ipNet,
                          String userAgent) {
        Instant now = Instant.now();
        String email = form.email().toLowerCase(java.util.Locale.ROOT);
        SpamInput input = new SpamInput(form.author(), email, form.url(), form.comment(), ipNet);
        SpamService.Assessment judged = spam.assess(input, spamRules);
        return changes.write((h, touched) -> {
            CommentStore.lockSubmissions(h);
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
            Long parent = form.parentId() != null && store.approvedOn(article.id(), form.parentId()).isPresent()
                    ? form.parentId() : null;
            long id = CommentStore.insert(h, new NewComment(article.id(), parent, status, form.author(), email, form.url(),
                    form.comment(), CommentText.toSafeHtml(form.comment()), ipNet,
                    userAgent == null ? "" : userAgent.substring(0, Math.min(300, userAgent.length())),
                    a.verdict().db(), a.score(), a.lines()), now);
            return switch (status) {
                case APPROVED -> {
                    touched.addAll(publicTags(article.id()));
                    yield new Outcome.Published(id);
                }
                case PENDING -> new Outcome.Held(id);
                default -> new Outcome.Spam(id);
            };
        });
    }

    /** Counts a submission thrown away before judging (honeypot, forged or hurried form); nothing is stored. */
    public void discarded(String reason) {
        spam.discarded(reason);
    }

    /** Deletes what has been in the Spam tab longer than {@link #SPAM_KEPT}; returns how many. */
    public int purgeSpam(Instant now) {
        return changes.write((h, touched) -> CommentStore.purgeSpam(h, now.minus(SPAM_KEPT)));
    }

    /** What an approved comment appearing or disappearing changes on public pages. */
    public static List<String> publicTags(long articleId) {
        return List.of("comments:" + articleId, "sidebar:comments", "lists");
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
                }
                case SPAM -> {
                    CommentStore.setStatus(h, id, CommentStatus.SPAM);
                    if (c.status() != CommentStatus.SPAM) teach(h, c, true);
                }
                case TRASH -> CommentStore.setStatus(h, id, CommentStatus.TRASH);
                case DELETE -> CommentStore.delete(h, id);
            }
            boolean wasPublic = c.status() == CommentStatus.APPROVED;
            boolean isPublic = action == Action.APPROVE;
            if (wasPublic || isPublic) touched.addAll(publicTags(c.articleId()));
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

    public List<CommentRecord> list(CommentStatus status, String articleSlug) {
        return store.list(status, articleSlug, 10_000);
    }
}
