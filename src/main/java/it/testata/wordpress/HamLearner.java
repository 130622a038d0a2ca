package it.testata.wordpress;

import java.util.List;

/**
 * Where imported approved comments go for the spam filter to learn them as ham (WordPress leaves its spam out
 * of exports, so an export's approved comments are what the site's readers really write). Called after the
 * import has committed, in batches, with the comments the import added.
 */
@FunctionalInterface
public interface HamLearner {
    /** Nothing learns: the import alone. */
    HamLearner NONE = batch -> { };

    void learnHam(List<Ham> batch);

    /** One approved reader comment as the filter sees it (id: the stored comment's, to mark it learned). */
    record Ham(long id, String author, String email, String url, String text, String ipNet) {}
}
