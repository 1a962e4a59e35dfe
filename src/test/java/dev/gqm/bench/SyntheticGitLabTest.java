package dev.gqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.collect.gitlab.GitLabIssueSource;
import dev.gqm.store.IssueStore;
import dev.gqm.store.IssueSync;
import dev.gqm.store.TrackerTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request budget of a GitLab collection at the README's scale, 5,000 issues and 2,000 merge
 * requests with three notes each, collected for real into a store: cold, unchanged, and after
 * ten issues got a comment. Requests are counted, never timed.
 */
class SyntheticGitLabTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void coldUnchangedAndTouchedRunsAskOnlyForWhatChanged() throws Exception {
        try (SyntheticGitLab gitlab = new SyntheticGitLab("acme/tools/big", 5_000, 2_000, 3);
             Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gl.db"))) {
            TrackerTables.create(connection);
            IssueStore store = new IssueStore(connection, 1);

            // 50 + 20 listing pages of 100, and each of the 7,000 items' discussions and state events
            new IssueSync(store).sync(source(gitlab));
            assertEquals(Map.of("issues", 50L, "merge_requests", 20L, "discussions", 7_000L, "state_events", 7_000L,
                    "total", 14_070L), gitlab.stats());
            assertEquals(7_000, store.issues().size());
            // two of every three notes are comments; the third is "added 1 commit", a system note
            assertEquals(14_000, store.comments().size());
            assertEquals(1_666 + 1_000, store.events().size());

            // unchanged: one listing page each, answering only the item at its cursor, skipped
            new IssueSync(store).sync(source(gitlab));
            assertEquals(Map.of("issues", 1L, "merge_requests", 1L, "total", 2L), gitlab.stats());

            gitlab.touch(10);
            new IssueSync(store).sync(source(gitlab));
            assertEquals(Map.of("issues", 1L, "merge_requests", 1L, "discussions", 10L, "state_events", 10L,
                    "total", 22L), gitlab.stats());
            assertEquals(14_010, store.comments().size());
        }
    }

    private static GitLabIssueSource source(SyntheticGitLab gitlab) {
        return new GitLabIssueSource("acme/tools/big", gitlab.url(), "bench-token", d -> { }, CLOCK, line -> { },
                Duration.ofMinutes(1));
    }
}
