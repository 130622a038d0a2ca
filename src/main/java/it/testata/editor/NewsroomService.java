package it.testata.editor;

import it.testata.article.ArticleService;
import it.testata.db.ChangeLog;
import it.testata.web.Signer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The editor's completions that are rules rather than pages: the trash (an article put there is no longer
 * public anywhere and comes back with the status it had; only a trashed article can be deleted for good) and
 * the signed preview links (an article's id and an expiry, signed with the site's key, valid {@link #PREVIEW_DAYS}
 * days, so that anyone with the link sees a draft or scheduled article without an account).
 */
public final class NewsroomService {
    public static final int PREVIEW_DAYS = 7;
    private static final String PURPOSE = "article-preview";

    private final ArticleService articles;
    private final EditorStore store;
    private final ChangeLog changes;
    private final Signer signer;

    public NewsroomService(ArticleService articles, EditorStore store, ChangeLog changes, Signer signer) {
        this.articles = articles;
        this.store = store;
        this.changes = changes;
        this.signer = signer;
    }

    /** Puts an article in the trash; false when it was not found outside it. */
    public boolean trash(long id) {
        return changes.write((h, touched) -> {
            if (!EditorStore.trash(h, id, Instant.now())) return false;
            touched.addAll(ArticleService.tagsForArticle(id));
            return true;
        });
    }

    /** Takes an article out of the trash with the status it had; false when it was not there. */
    public boolean restore(long id) {
        return changes.write((h, touched) -> {
            if (!EditorStore.restore(h, id, Instant.now())) return false;
            touched.addAll(ArticleService.tagsForArticle(id));
            return true;
        });
    }

    /** Makes a just-created article a page (served at /{slug}/, in no list). */
    public void makePage(long id) {
        changes.write((h, touched) -> {
            EditorStore.makePage(h, id);
            touched.addAll(ArticleService.tagsForArticle(id));
            return null;
        });
    }

    public boolean isPage(long id) {
        return store.isPage(id);
    }

    /** Deletes a trashed article for good, with its comments and revisions; false when it is not in the trash. */
    public boolean deleteForever(long id) {
        if (store.trashedAt(id).isEmpty()) return false;
        return articles.delete(id);
    }

    public Optional<Instant> trashedAt(long id) {
        return store.trashedAt(id);
    }

    /** The path of a preview link for this article, valid from now for {@link #PREVIEW_DAYS} days. */
    public String previewPath(long articleId, Instant now) {
        long expires = now.plus(Duration.ofDays(PREVIEW_DAYS)).getEpochSecond();
        return "/preview/" + signer.sign(PURPOSE, articleId + "-" + expires);
    }

    /** The article a preview token names, when its signature is right and it has not expired. */
    public Optional<Long> previewed(String token, Instant now) {
        return signer.verify(PURPOSE, token).flatMap(value -> {
            int dash = value.indexOf('-');
            if (dash <= 0) return Optional.empty();
            try {
                long id = Long.parseLong(value.substring(0, dash));
                long expires = Long.parseLong(value.substring(dash + 1));
                return now.getEpochSecond() < expires ? Optional.of(id) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
