package dev.gqm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.collect.Issue;
import dev.gqm.collect.Review;
import dev.gqm.collect.github.GitHubIssueSource;
import dev.gqm.store.IssueSync;
import dev.gqm.store.TrackerTables;
import dev.gqm.store.IssueStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's server at a small scale, collected for real: what it serves, and the request
 * budget of a cold run, two unchanged reruns and a rerun after a touch.
 */
class SyntheticGitHubTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void coldUnchangedAndTouchedRunsAskOnlyForWhatChanged() throws Exception {
        // 150 issues + 60 pulls = 210 items; a pull wherever floor(n * 60 / 210) steps up: 4, 7, 11, ...
        try (SyntheticGitHub github = new SyntheticGitHub("acme/big", new SyntheticGitHub.Shape(150, 60, 2), 0);
             Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gh.db"))) {
            TrackerTables.create(connection);
            IssueStore store = new IssueStore(connection, 1);

            new IssueSync(store).sync(source(github));
            // repository + ceil(210/100) issue pages + ceil(420/100) comment pages + 1 pull page + 60 review lists
            assertEquals(Map.of("repository", 1L, "issues", 3L, "comments", 5L, "pulls", 1L, "reviews", 60L,
                    "other", 0L, "total", 70L, "not_modified", 0L), withoutSpan(github.stats(true)));
            List<Issue> issues = store.issues();
            assertEquals(210, issues.size());
            assertEquals(60, issues.stream().filter(Issue::changeRequest).count());
            assertEquals(List.of(4, 7, 11), issues.stream().filter(Issue::changeRequest).limit(3)
                    .map(Issue::number).toList());
            assertEquals(420, store.comments().size());
            // pull 7 (odd) has two reviews, pull 4 (even) one
            assertEquals(List.of(70L, 71L), store.reviews().stream().filter(r -> r.changeNumber() == 7)
                    .map(Review::id).toList());
            assertEquals(1, store.reviews().stream().filter(r -> r.changeNumber() == 4).count());
            // item n is created at T0 + n h, updated a minute after its last comment; every fourth is open
            Issue four = issues.get(3);
            assertEquals(Instant.parse("2022-01-01T04:00:00Z"), four.createdAt());
            assertEquals(Instant.parse("2022-01-01T04:03:00Z"), four.updatedAt());
            assertEquals("open", four.state());

            // unchanged: no repository lookup; the issue and comment listings answer their cursor's
            // item again (one page, whose ETag is kept), the pull listing 304 (ETag of the cold run)
            new IssueSync(store).sync(source(github));
            assertEquals(Map.of("repository", 0L, "issues", 1L, "comments", 1L, "pulls", 1L, "reviews", 0L,
                    "other", 0L, "total", 3L, "not_modified", 1L), withoutSpan(github.stats(true)));
            // unchanged again: the same three requests, all conditional, all 304
            new IssueSync(store).sync(source(github));
            assertEquals(Map.of("repository", 0L, "issues", 1L, "comments", 1L, "pulls", 1L, "reviews", 0L,
                    "other", 0L, "total", 3L, "not_modified", 3L), withoutSpan(github.stats(true)));

            // items 1..5 get a comment each, a minute apart after the newest item (T0 + 211 h)
            assertArrayEquals(new int[] {1, 2, 3, 4, 5}, github.touch(5));
            new IssueSync(store).sync(source(github));
            assertEquals(Map.of("repository", 0L, "issues", 1L, "comments", 1L, "pulls", 1L, "reviews", 1L,
                    "other", 0L, "total", 4L, "not_modified", 0L), withoutSpan(github.stats(true)));
            assertEquals(425, store.comments().size());
            assertEquals(Instant.parse("2022-01-09T19:04:00Z"), store.issues().get(3).updatedAt());
        }
    }

    private static GitHubIssueSource source(SyntheticGitHub github) {
        return new GitHubIssueSource("acme/big", github.url(), "bench-token", d -> { }, CLOCK);
    }

    private static Map<String, Long> withoutSpan(Map<String, Long> stats) {
        stats.remove("span_ms");
        return stats;
    }
}
