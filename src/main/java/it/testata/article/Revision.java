package it.testata.article;

import java.time.Instant;
import java.util.List;

/** What one save of an article stored: every field as it was saved, who saved it (null for imports) and when. */
public record Revision(long id, long articleId, String slug, String title, String standfirst, String bodyMd,
                       Status status, Instant publishedAt, String authorName, String category, List<String> tags,
                       Long savedBy, String savedByName, Instant savedAt) {

    /** The revision as a draft, to save again (a restore). */
    public ArticleDraft draft() {
        return new ArticleDraft(slug, title, standfirst, bodyMd, status, publishedAt, authorName, category, tags);
    }
}
