package it.testata.comment;

import it.testata.article.Article;
import it.testata.db.ChangeLog;
import it.testata.settings.CommentSettings;

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
        /** This email or network posted too recently (15 seconds by default); nothing stored. */
        record Flood() implements Outcome {}
    }

    public enum Action { APPROVE, SPAM, TRASH, DELETE }

    private final CommentStore store;
    private final ChangeLog changes;

    public CommentService(CommentStore store, ChangeLog changes) {
        this.store = store;
        this.changes = changes;
    }

    /** Comments are open on this article now: its own switch, and the site's closing after N days. */
    public static boolean open(Article a, CommentSettings rules, Instant now) {
        if (!a.commentsOpen()) return false;
        if (rules.closeAfterDays() <= 0 || a.publishedAt() == null) return true;
        return now.isBefore(a.publishedAt().plus(Duration.ofDays(rules.closeAfterDays())));
    }

    /** Stores a valid comment in one transaction, with the status the moderation mode gives it. */
    public Outcome submit(Article article, CommentForm form, CommentSettings rules, String ipNet, String userAgent) {
        Instant now = Instant.now();
        String email = form.email().toLowerCase(java.util.Locale.ROOT);
        return changes.write((h, touched) -> {
            CommentStore.lockSubmissions(h);
            if (rules.floodSeconds() > 0
                    && CommentStore.recentFrom(h, email, ipNet, now.minusSeconds(rules.floodSeconds())) > 0) {
                return new Outcome.Flood();
            }
            CommentStatus status = switch (rules.moderation()) {
                case ALL -> CommentStatus.PENDING;
                case OPEN -> CommentStatus.APPROVED;
                case FIRST -> CommentStore.trusted(h, email) ? CommentStatus.APPROVED : CommentStatus.PENDING;
            };
            Long parent = form.parentId() != null && store.approvedOn(article.id(), form.parentId()).isPresent()
                    ? form.parentId() : null;
            long id = CommentStore.insert(h, new NewComment(article.id(), parent, status, form.author(), email, form.url(),
                    form.comment(), CommentText.toSafeHtml(form.comment()), ipNet,
                    userAgent == null ? "" : userAgent.substring(0, Math.min(300, userAgent.length()))), now);
            if (status == CommentStatus.APPROVED) {
                touched.addAll(publicTags(article.id()));
                return new Outcome.Published(id);
            }
            return new Outcome.Held(id);
        });
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

    /** Approve, spam, trash or delete one comment; false when there is no such comment. */
    public boolean moderate(long id, Action action) {
        return changes.write((h, touched) -> {
            Optional<CommentRecord> found = CommentStore.find(h, id);
            if (found.isEmpty()) return false;
            CommentRecord c = found.get();
            switch (action) {
                case APPROVE -> CommentStore.setStatus(h, id, CommentStatus.APPROVED);
                case SPAM -> CommentStore.setStatus(h, id, CommentStatus.SPAM);
                case TRASH -> CommentStore.setStatus(h, id, CommentStatus.TRASH);
                case DELETE -> CommentStore.delete(h, id);
            }
            boolean wasPublic = c.status() == CommentStatus.APPROVED;
            boolean isPublic = action == Action.APPROVE;
            if (wasPublic || isPublic) touched.addAll(publicTags(c.articleId()));
            return true;
        });
    }

    /** One comment with everything staff may see. */
    public Optional<CommentRecord> find(long id) {
        return store.find(id);
    }

    public List<CommentRecord> list(CommentStatus status, String articleSlug) {
        return store.list(status, articleSlug, 10_000);
    }
}
