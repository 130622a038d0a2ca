package it.testata.editor;

import it.testata.admin.AdminFrame;
import it.testata.article.Article;
import it.testata.article.Revision;

import java.time.ZoneId;
import java.util.List;

/**
 * What admin/articles/revisions.jte receives: the article, its revisions (newest first), and when two were
 * compared, the older and newer with the differences of title, standfirst and body. error is a refused restore.
 */
public record RevisionsPage(AdminFrame frame, Article article, List<Revision> revisions, Revision from, Revision to,
                            List<Field> changes, String error, ZoneId zone) {

    /** One compared field and its lines. */
    public record Field(String labelKey, List<TextDiff.Line> lines, boolean changed) {}

    public String when(Revision r) {
        return frame.msg().dateTime(r.savedAt(), zone);
    }
}
