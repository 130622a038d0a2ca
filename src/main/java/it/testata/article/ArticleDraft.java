package it.testata.article;

import java.time.Instant;
import java.util.List;

/** What a writer or an importer hands over to create or update an article, before it has an id. */
public record ArticleDraft(String slug, String title, String standfirst, String bodyMd, Status status,
                           Instant publishedAt, String authorName, String category, List<String> tags) {
}
