package it.testata.support;

import it.testata.article.Article;
import it.testata.article.ArticleDraft;
import it.testata.article.Status;
import it.testata.comment.CommentForm;
import it.testata.comment.CommentService;
import it.testata.settings.CommentSettings;
import it.testata.settings.SpamSettings;

import java.time.Instant;
import java.util.List;

/** Articles and comments written straight through the site's services, for tests about what pages show. */
public final class Content {
    /** Publishes at once, floods allowed: a test's comments go through the real service and its rules otherwise. */
    private static final CommentSettings OPEN = new CommentSettings(CommentSettings.Moderation.OPEN, 0, 5, 245, 100, 200, 5000, 0);
    private static final CommentSettings HELD = new CommentSettings(CommentSettings.Moderation.ALL, 0, 5, 245, 100, 200, 5000, 0);

    private Content() {}

    /** Saves an article; returns its id. */
    public static long article(TestSite site, String slug, String title, String body, Status status, Instant published,
                               String author, String category, List<String> tags) {
        return site.site().articles.save(new ArticleDraft(slug, title, "Sommario di " + title, body, status, published,
                author, category, tags), null);
    }

    /** An approved comment on a public article (approved by a moderator should the spam filter hold it); returns its id. */
    public static long approvedComment(TestSite site, String slug, String author, String email, String text) {
        CommentService.Outcome outcome = submit(site, slug, author, email, text, OPEN);
        return switch (outcome) {
            case CommentService.Outcome.Published p -> p.id();
            case CommentService.Outcome.Held h -> approve(site, h.id());
            case CommentService.Outcome.Spam s -> approve(site, s.id());
            default -> throw new IllegalStateException("comment not stored: " + outcome);
        };
    }

    /** A comment that is not public (held for moderation, or in the spam tab); returns its id. */
    public static long pendingComment(TestSite site, String slug, String author, String email, String text) {
        CommentService.Outcome outcome = submit(site, slug, author, email, text, HELD);
        return switch (outcome) {
            case CommentService.Outcome.Held h -> h.id();
            case CommentService.Outcome.Spam s -> s.id();
            default -> throw new IllegalStateException("comment not held: " + outcome);
        };
    }

    private static long approve(TestSite site, long id) {
        site.site().commentService.moderate(id, CommentService.Action.APPROVE);
        return id;
    }

    private static CommentService.Outcome submit(TestSite site, String slug, String author, String email, String text,
                                                 CommentSettings rules) {
        Article a = site.site().articles.publicArticle(slug).orElseThrow();
        return site.site().commentService.submit(a, new CommentForm(a.id(), null, author, email, "", text, false, "", ""),
                rules, SpamSettings.defaults(), "10.0.0.0/24", "test");
    }
}
