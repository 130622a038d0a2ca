package it.testata.db;

import it.testata.Site;
import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group writer: units handed over at once are written in order in shared transactions (each sees the ones
 * before it), a failing unit rolls back alone, and a caller hears back only after the commit.
 */
class GroupCommitTest {
    static TestSite data;
    static Site site;

    @BeforeAll
    static void open() {
        data = TestSite.create();
        site = Site.open(data.config);
        site.db.jdbi().useHandle(h -> h.execute("CREATE TABLE group_commit_test (n INTEGER NOT NULL, seen INTEGER NOT NULL)"));
    }

    @AfterAll
    static void close() {
        site.close();
        data.close();
    }

    @Test
    void concurrentUnitsAreWrittenInOrderAndEachSeesThoseBefore() throws Exception {
        int[] batches = {0};
        try (GroupCommit writer = new GroupCommit("test-writer", site.changes, h -> batches[0]++, 16);
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return writer.run((h, touched) -> {
                        int before = h.createQuery("SELECT COUNT(*) FROM group_commit_test").mapTo(Integer.class).one();
                        h.createUpdate("INSERT INTO group_commit_test (n, seen) VALUES (:n, :seen)")
                                .bind("n", n).bind("seen", before).execute();
                        return before;
                    });
                }));
            }
            go.countDown();
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> f : answers) seen.add(f.get());
            // every unit saw a different number of rows before it: they ran one after the other
            assertThat(seen).doesNotHaveDuplicates().hasSize(100);
            assertThat(seen.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(99);
            // each answer came after its commit: another connection sees all of them
            int count = site.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM group_commit_test")
                    .mapTo(Integer.class).one());
            assertThat(count).isEqualTo(100);
        }
        assertThat(batches[0]).as("batches for 100 units of at most 16: some were grouped").isBetween(7, 99);
    }

    @Test
    void aFailingUnitRollsBackAloneAndItsCallerHearsWhy() throws Exception {
        site.db.jdbi().useHandle(h -> h.execute("DELETE FROM group_commit_test"));
        try (GroupCommit writer = new GroupCommit("test-writer", site.changes, h -> { }, 16);
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return writer.run((h, touched) -> {
                        h.createUpdate("INSERT INTO group_commit_test (n, seen) VALUES (:n, 0)").bind("n", n).execute();
                        touched.add("unit:" + n);
                        if (n % 3 == 0) throw new IllegalArgumentException("unit " + n + " refused");
                        return n;
                    });
                }));
            }
            go.countDown();
            for (int i = 0; i < 30; i++) {
                Future<?> f = answers.get(i);
                if (i % 3 == 0) {
                    assertThatThrownBy(f::get).hasCauseInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("unit " + i + " refused");
                } else {
                    assertThat(f.get()).isEqualTo(i);
                }
            }
        }
        List<Integer> stored = site.db.jdbi().withHandle(h -> h.createQuery("SELECT n FROM group_commit_test ORDER BY n")
                .mapTo(Integer.class).list());
        assertThat(stored).hasSize(20).noneMatch(n -> n % 3 == 0);
    }

    @Test
    void aClosedWriterRefusesWork() {
        GroupCommit writer = new GroupCommit("test-writer", site.changes, h -> { }, 4);
        int answer = writer.run((h, touched) -> 42);
        assertThat(answer).isEqualTo(42);
        writer.close();
        assertThatThrownBy(() -> writer.run((h, touched) -> 1)).isInstanceOf(IllegalStateException.class);
    }
}
