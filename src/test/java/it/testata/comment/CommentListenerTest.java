package it.testata.comment;

import it.testata.article.Article;
import it.testata.article.Status;
import it.testata.settings.CommentSettings;
import it.testata.settings.SpamSettings;
import it.testata.support.Content;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one way other features hear of comments: every status a comment gets reaches each {@link CommentListener} once,
 * with the status before it, the reader's submission only on a new reader comment, and inside the transaction that
 * gives it (a listener that fails undoes the change).
 */
class CommentListenerTest {
    static final CommentSettings HELD = new CommentSettings(CommentSettings.Moderation.ALL, 0, 5, 245, 100, 200, 5000, 0);
    static TestSite site;
    static final List<CommentChange> seen = new CopyOnWriteArrayList<>();
    /** The comment whose next change the failing listener refuses (0: none). */
    static final AtomicLong refuse = new AtomicLong();

    @BeforeAll
    static void start() {
        site = TestSite.startEmpty();
        Content.article(site, "fiera-di-paese", "Torna la fiera di paese", "Bancarelle in piazza da venerdì.",
                Status.PUBLISHED, Instant.now().minusSeconds(60), "Redazione", "Cronaca", List.of());
        site.site().commentService.listen((h, change) -> seen.add(change));
        site.site().commentService.listen((h, change) -> {
            if (refuse.compareAndSet(change.commentId(), 0)) throw new IllegalStateException("refused by the test");
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static long held(String name, String email, String text) {
        Article a = site.site().articles.publicArticle("fiera-di-paese").orElseThrow();
        CommentForm form = new CommentForm(a.id(), null, name, email, "", text, false, "", "", true);
        CommentService.Outcome o = site.site().commentService.submit(a, form, HELD, SpamSettings.defaults(),
                "10.1.2.0/24", "test");
        assertThat(o).isInstanceOf(CommentService.Outcome.Held.class);
        return ((CommentService.Outcome.Held) o).id();
    }

    private static List<CommentChange> of(long id) {
        return seen.stream().filter(c -> c.commentId() == id).toList();
    }

    @Test
    void everyStatusAndWhatItWasBeforeIsToldOnce() {
        long id = held("Rita Curiosa", "rita@example.org", "A che ora aprono le bancarelle il venerdì?");
        CommentChange created = of(id).getFirst();
        assertThat(created.before()).isNull();
        assertThat(created.after()).isEqualTo(CommentStatus.PENDING);
        assertThat(created.published()).isFalse();
        assertThat(created.submission()).hasValueSatisfying(s -> {
            assertThat(s.form().email()).isEqualTo("rita@example.org");
            assertThat(s.form().notifyReplies()).isTrue();
            assertThat(s.ipNet()).isEqualTo("10.1.2.0/24");
        });

        CommentService cs = site.site().commentService;
        cs.moderate(id, CommentService.Action.APPROVE);
        cs.moderate(id, CommentService.Action.APPROVE); // already public: told, not published again
        cs.moderate(id, CommentService.Action.SPAM);
        cs.moderate(id, CommentService.Action.TRASH);
        cs.moderate(id, CommentService.Action.DELETE); // gone: no status to tell
        assertThat(of(id)).extracting(CommentChange::before, CommentChange::after, CommentChange::published).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, CommentStatus.PENDING, false),
                org.assertj.core.groups.Tuple.tuple(CommentStatus.PENDING, CommentStatus.APPROVED, true),
                org.assertj.core.groups.Tuple.tuple(CommentStatus.APPROVED, CommentStatus.APPROVED, false),
                org.assertj.core.groups.Tuple.tuple(CommentStatus.APPROVED, CommentStatus.SPAM, false),
                org.assertj.core.groups.Tuple.tuple(CommentStatus.SPAM, CommentStatus.TRASH, false));
        assertThat(of(id).subList(1, 5)).allSatisfy(c -> assertThat(c.submission()).isEmpty());
    }

    @Test
    void aStaffReplyTellsTheParentItApprovesThenItself() {
        long parent = held("Dario Dubbioso", "dario@example.org", "Ci sarà anche la banda del paese?");
        seen.clear();
        CommentService.Written w = site.site().commentService.reply(parent, "Redazione", "redazione@testata.test", "",
                "Sì, suona sabato sera.", HELD);
        assertThat(w).isInstanceOf(CommentService.Written.Saved.class);
        long reply = ((CommentService.Written.Saved) w).id();
        assertThat(seen).containsExactly(CommentChange.of(parent, CommentStatus.PENDING, CommentStatus.APPROVED),
                CommentChange.of(reply, null, CommentStatus.APPROVED));
        assertThat(seen).allMatch(CommentChange::published);
    }

    @Test
    void aListenerThatFailsUndoesTheChangeItWasToldOf() {
        long id = held("Elsa Attenta", "elsa@example.org", "Si potrà parcheggiare vicino alla piazza?");
        refuse.set(id);
        assertThatThrownBy(() -> site.site().commentService.moderate(id, CommentService.Action.APPROVE))
                .hasMessageContaining("refused by the test");
        assertThat(site.site().commentService.find(id)).hasValueSatisfying(
                c -> assertThat(c.status()).isEqualTo(CommentStatus.PENDING));

        site.site().commentService.moderate(id, CommentService.Action.APPROVE); // nothing refuses it now
        assertThat(site.site().commentService.find(id)).hasValueSatisfying(
                c -> assertThat(c.status()).isEqualTo(CommentStatus.APPROVED));
    }
}
