package it.testata.front;

import it.testata.article.Article;
import it.testata.article.Term;
import it.testata.web.Layout;

import java.util.List;
import java.util.Map;

/**
 * What front/home.jte receives for the newspaper layout: the lead story, the next latest items, one block per
 * section of the primary menu, each shown article's reading time in minutes, and whether /page/2/ exists.
 */
public record FrontPage(Layout layout, Article lead, List<Article> latest, List<Section> sections,
                        Map<Long, Integer> minutes, boolean more) {

    /** A section's block: its category and latest articles. */
    public record Section(Term category, List<Article> items) {}

    public int minutes(Article a) {
        return minutes.getOrDefault(a.id(), 1);
    }
}
