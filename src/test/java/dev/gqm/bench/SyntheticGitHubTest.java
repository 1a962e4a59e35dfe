package dev.gqm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Issue;
import dev.gqm.collect.Review;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.github.GitHubGraphQlSource;
import dev.gqm.collect.github.GitHubIssueSource;
import dev.gqm.store.IssueSync;
import dev.gqm.store.TrackerTables;
import dev.gqm.store.IssueStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
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
                    "other", 0L, "total", 70L, "not_modified", 0L), restCounts(github.stats(true)));
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
            // item n is created at T0 + n h, updated a minute after its last comment; 9 is the first open one
            Issue nine = issues.get(8);
            assertEquals(Instant.parse("2022-01-01T09:00:00Z"), nine.createdAt());
            assertEquals(Instant.parse("2022-01-01T09:03:00Z"), nine.updatedAt());
            assertEquals("open", nine.state());
            assertEquals("closed", issues.get(7).state());
            assertEquals(29, issues.stream().filter(i -> i.state().equals("open")).count());

            // unchanged: no repository lookup; the issue and comment listings answer their cursor's
            // item again (one page, whose ETag is kept), the pull listing 304 (ETag of the cold run)
            new IssueSync(store).sync(source(github));
            assertEquals(Map.of("repository", 0L, "issues", 1L, "comments", 1L, "pulls", 1L, "reviews", 0L,
                    "other", 0L, "total", 3L, "not_modified", 1L), restCounts(github.stats(true)));
            // unchanged again: the same three requests, all conditional, all 304
            new IssueSync(store).sync(source(github));
            assertEquals(Map.of("repository", 0L, "issues", 1L, "comments", 1L, "pulls", 1L, "reviews", 0L,
                    "other", 0L, "total", 3L, "not_modified", 3L), restCounts(github.stats(true)));

            // items 1..5 get a comment each, a minute apart after the newest item (T0 + 211 h)
            assertArrayEquals(new int[] {1, 2, 3, 4, 5}, github.touch(5));
            new IssueSync(store).sync(source(github));
            assertEquals(Map.of("repository", 0L, "issues", 1L, "comments", 1L, "pulls", 1L, "reviews", 1L,
                    "other", 0L, "total", 4L, "not_modified", 0L), restCounts(github.stats(true)));
            assertEquals(425, store.comments().size());
            assertEquals(Instant.parse("2022-01-09T19:04:00Z"), store.issues().get(3).updatedAt());
        }
    }

    private static GitHubIssueSource source(SyntheticGitHub github) {
        return new GitHubIssueSource("acme/big", github.url(), "bench-token", d -> { }, CLOCK);
    }

    /** The REST counts of {@code stats}, once it is sure no GraphQL query or item comment listing was asked. */
    private static Map<String, Long> restCounts(Map<String, Long> stats) {
        assertEquals(0L, stats.remove("graphql"));
        assertEquals(0L, stats.remove("points"));
        assertEquals(0L, stats.remove("item_comments"));
        stats.remove("span_ms");
        return stats;
    }

    private static GitHubGraphQlSource graphQl(SyntheticGitHub github) {
        return new GitHubGraphQlSource("acme/big", github.url() + "/graphql", "bench-token", d -> { }, CLOCK,
                line -> { }, Duration.ofMinutes(1));
    }

    @Test
    void overGraphQlAColdRunReadsTheItemsWithTheirListsInAFewQueries() throws Exception {
        try (SyntheticGitHub github = new SyntheticGitHub("acme/big", new SyntheticGitHub.Shape(150, 60, 2), 0);
             Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gql.db"))) {
            TrackerTables.create(connection);
            IssueStore store = new IssueStore(connection, 1);
            new IssueSync(store).sync(graphQl(github));
            // issues in 2 pages of 100, pulls in 1; an issue page costs (1 + 100 × 3 lists) / 100 = 3 points,
            // a pull page (1 + 100 × 4) / 100 = 4
            Map<String, Long> cold = github.stats(true);
            assertEquals(3L, cold.get("graphql"));
            assertEquals(3L, cold.get("total"));
            assertEquals(10L, cold.get("points"));
            assertEquals(210, store.issues().size());
            assertEquals(420, store.comments().size());
            assertEquals(List.of(70L, 71L), store.reviews().stream().filter(r -> r.changeNumber() == 7)
                    .map(Review::id).toList());
            // merged pull 4 has its merge as its one state event; open item 9 none
            assertEquals(List.of(StateEvent.Kind.MERGED), store.events().stream().filter(e -> e.number() == 4)
                    .map(StateEvent::kind).toList());
            assertEquals(0, store.events().stream().filter(e -> e.number() == 9).count());

            // unchanged: the issue listing from its cursor, the pull listing down to its cursor
            new IssueSync(store).sync(graphQl(github));
            assertEquals(2L, github.stats(true).get("graphql"));
        }
    }

    @Test
    void anOpenOnlyColdRunReadsTheOpenItemsAlone() throws Exception {
        // 29 of the 210 items are open: 21 issues, 8 pull requests, 2 comments each
        try (SyntheticGitHub github = new SyntheticGitHub("acme/big", new SyntheticGitHub.Shape(150, 60, 2), 0);
             Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("open.db"))) {
            TrackerTables.create(connection);
            IssueStore overGraphQl = new IssueStore(connection, 1);
            new IssueSync(overGraphQl).sync(graphQl(github), Instant.now());
            // closed since as-of (none) and open, of issues and of pull requests
            assertEquals(4L, github.stats(true).get("graphql"));
            assertEquals(29, overGraphQl.issues().size());
            assertEquals(8, overGraphQl.issues().stream().filter(Issue::changeRequest).count());
            assertTrue(overGraphQl.issues().stream().allMatch(i -> i.state().equals("open")));

            IssueStore overRest = new IssueStore(connection, 2);
            new IssueSync(overRest).sync(source(github), Instant.now());
            // repository, 1 page of items closed since as-of (none), 1 page of open items, the 420 comments in 5 pages (fewer than the 29 open
            // items' own lists) after 1 request of one comment a page told their number,
            // 1 page of open pulls, their 8 review lists
            Map<String, Long> rest = github.stats(true);
            assertEquals(0L, rest.get("item_comments"));
            assertEquals(6L, rest.get("comments"));
            assertEquals(18L, rest.get("total"));
            assertEquals(2L, rest.get("issues"));
            assertEquals(8L, rest.get("reviews"));
            assertEquals(29, overRest.issues().size());
            assertEquals(420, overRest.comments().size());
        }
    }
}
