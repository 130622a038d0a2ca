package it.testata.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A word in more articles than the index counts exactly: the results say "more than" that many and keep
 * paging (every page full, no article twice); below the cap the count is exact.
 */
class SearchCountTest {
    @Test
    void aCommonWordIsCountedUpToTheCapAndStillPages(@TempDir Path folder) throws Exception {
        try (SearchIndex idx = SearchIndex.open(folder, "it")) {
            Instant at = Instant.parse("2025-01-01T10:00:00Z");
            for (int i = 0; i < SearchIndex.COUNTED + 30; i++) {
                String rare = i % 100 == 0 ? " ornitorinco" : "";
                idx.put(new IndexedArticle(i + 1, "voce-" + i, "Voce " + i, "La piazza del borgo" + rare + ".", at, at));
            }
            idx.commit();

            SearchIndex.Results first = idx.search("piazza", 1, 10);
            assertThat(first.more()).isTrue();
            assertThat(first.total()).isEqualTo(SearchIndex.COUNTED);
            assertThat(first.hits()).hasSize(10);
            Set<Long> seen = new HashSet<>();
            for (int page = 1; page <= 103; page++) {
                SearchIndex.Results r = idx.search("piazza", page, 10);
                r.hits().forEach(h -> assertThat(seen.add(h.id())).isTrue());
                assertThat(r.hits()).hasSize(10);
            }
            assertThat(seen).hasSize(SearchIndex.COUNTED + 30);

            SearchIndex.Results rare = idx.search("ornitorinco", 1, 10);
            assertThat(rare.more()).isFalse();
            assertThat(rare.total()).isEqualTo(11);
            assertThat(rare.hits()).allMatch(h -> h.snippetHtml().contains("<mark>ornitorinco</mark>"));
        }
    }
}
