package it.testata.editor;

import it.testata.article.Author;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** SQL the newsroom's article pages need beyond the article service: the bylines that have articles. */
public final class EditorStore {
    private final Jdbi jdbi;

    public EditorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Author> authorsWithArticles() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT au.id, au.name, au.slug, au.bio FROM authors au
                        WHERE EXISTS (SELECT 1 FROM articles a WHERE a.author_id = au.id) ORDER BY au.name, au.id""")
                .map((rs, ctx) -> new Author(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }
}
