package dev.gqm.collect.github;

import static dev.gqm.collect.github.FakeGitHubGraphQl.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.Review;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.StateEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubGraphQlSourceTest {
    private static final String TOKEN = "ghp_graphql0123456789";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

    private FakeGitHubGraphQl github;
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        github = new FakeGitHubGraphQl("o/r");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private GitHubGraphQlSource source(String ownerRepo) {
        return new GitHubGraphQlSource(ownerRepo, github.endpoint(), TOKEN, waits::add, CLOCK, progress::add,
                Duration.ofHours(1));
    }

    private static String day(int d) {
        return Instant.parse("2026-06-01T00:00:00Z").plus(Duration.ofDays(d)).toString();
    }

    /** Bot-authored #1 with 120 comments, #2 by a deleted account closed and reopened, #3 a merged pull request. */
    private void repository() {
        Map<String, Object> one = github.addItem(false, 1001, 1, actor("Bot", "dependabot"), day(1), day(9), null,
                "dependencies");
        for (int c = 0; c < 120; c++) {
            FakeGitHubGraphQl.addComment(one, 5000 + c, actor("User", "alice"), day(2), day(2));
        }
        Map<String, Object> two = github.addItem(false, 1002, 2, null, day(1), day(8), null);
        FakeGitHubGraphQl.addEvent(two, "ClosedEvent", actor("User", "bob"), day(3));
        FakeGitHubGraphQl.addEvent(two, "ReopenedEvent", null, day(5));
        FakeGitHubGraphQl.addComment(two, 6000, null, day(4), day(4));
        Map<String, Object> three = github.addItem(true, 3003, 3, actor("User", "carol"), day(2), day(7), day(6));
        three.put("mergedAt", day(6));
        three.put("state", "MERGED");
        FakeGitHubGraphQl.addReview(three, 7001, actor("User", "bob"), day(4), "APPROVED");
        FakeGitHubGraphQl.addReview(three, 7002, actor("Bot", "copilot-pull-request-reviewer"), day(4), "COMMENTED");
        FakeGitHubGraphQl.addComment(three, 6100, actor("User", "bob"), day(5), day(5));
        FakeGitHubGraphQl.addEvent(three, "MergedEvent", actor("User", "bob"), day(6));
        FakeGitHubGraphQl.addEvent(three, "ClosedEvent", actor("User", "bob"), day(6));
    }

    @Test
    void readsItemsWithTheirCommentsReviewsAndStateEventsWhole() throws Exception {
        repository();
        RecordingSink sink = new RecordingSink();
        GitHubGraphQlSource source = source("o/r");
        source.collect(Map.of(), sink);

        assertEquals(List.of(), github.invalid, "every query fits GitHub's schema");
        assertTrue(github.authorizations.stream().allMatch(("bearer " + TOKEN)::equals));
        // the issues, the comments of #1 past its first 50, the pull requests
        assertEquals(3, source.requests());
        assertEquals(3, source.points());
        assertTrue(github.queries.get(1).contains("node(id: $id)"), github.queries.get(1));
        assertEquals("I_1", github.variables.get(1).get("id"));

        List<Issue> issues = sink.issues(GitHubGraphQlSource.ISSUES);
        assertEquals(List.of(2, 1), issues.stream().map(Issue::number).toList(), "oldest update first");
        Issue one = issues.get(1);
        assertEquals(1001, one.id());
        assertEquals(new Actor("dependabot[bot]", "Bot"), one.author(), "a bot, its REST login");
        assertTrue(one.author().bot());
        assertEquals(List.of("dependencies"), one.labels());
        assertEquals("open", one.state());
        assertEquals("MEMBER", one.authorAssociation());
        assertEquals(new Actor("", ""), issues.get(0).author(), "a deleted account");

        List<Comment> comments = sink.pages.stream().flatMap(p -> p.comments().stream()).toList();
        assertEquals(122, comments.size());
        assertEquals(120, comments.stream().filter(c -> c.issueNumber() == 1).map(Comment::id).distinct().count(),
                "all 120 comments of #1");
        assertTrue(comments.stream().allMatch(c -> c.on() == ItemType.EITHER));
        assertEquals(new Actor("", ""), comments.stream().filter(c -> c.id() == 6000).findFirst().orElseThrow().author());

        List<StateEvent> events = sink.pages.stream().flatMap(p -> p.events().stream()).toList();
        assertEquals(List.of(
                new StateEvent(ItemType.EITHER, 2, new Actor("bob", "User"), Instant.parse(day(3)), StateEvent.Kind.CLOSED),
                new StateEvent(ItemType.EITHER, 2, new Actor("", ""), Instant.parse(day(5)), StateEvent.Kind.REOPENED),
                new StateEvent(ItemType.EITHER, 3, new Actor("bob", "User"), Instant.parse(day(6)), StateEvent.Kind.MERGED)),
                events, "the merge is the pull request's close");

        IssueSink.Page pulls = sink.pages.stream().filter(p -> p.stream().equals(GitHubGraphQlSource.PULLS))
                .findFirst().orElseThrow();
        Issue three = pulls.items().get(0);
        assertTrue(three.changeRequest());
        assertEquals(Instant.parse(day(6)), three.mergedAt());
        assertEquals("closed", three.state());
        assertEquals(List.of(new Review(7001, 3, new Actor("bob", "User"), Instant.parse(day(4)), "APPROVED"),
                new Review(7002, 3, new Actor("copilot-pull-request-reviewer[bot]", "Bot"), Instant.parse(day(4)),
                        "COMMENTED")), pulls.reviews());
        assertEquals(Instant.parse(day(7)), pulls.cursor());
        assertEquals(Instant.parse(day(9)), sink.pages.get(0).cursor(), "the newest update of the issues");
    }

    @Test
    void listsOfHundredsAreReadOnByTheItemsIdAHundredAtATime() throws Exception {
        Map<String, Object> issue = github.addItem(false, 1001, 1, actor("User", "alice"), day(1), day(9), null);
        for (int c = 0; c < 400; c++) {
            FakeGitHubGraphQl.addComment(issue, 10_000 + c, actor("User", "u" + c % 7), day(2), day(2));
        }
        Map<String, Object> pull = github.addItem(true, 3003, 3, actor("User", "carol"), day(2), day(7), null);
        for (int r = 0; r < 160; r++) {
            FakeGitHubGraphQl.addReview(pull, 20_000 + r, actor("User", "r" + r % 5), day(4), "COMMENTED");
        }
        RecordingSink sink = new RecordingSink();
        GitHubGraphQlSource source = source("o/r");
        source.collect(Map.of(), sink);

        assertEquals(List.of(), github.invalid, "every query fits GitHub's schema and limits");
        // the issues with #1's first 50 comments, then 100, 100, 100 and 50 by its id;
        // the pulls with #3's first 50 reviews, then 100 and 10
        assertEquals(8, source.requests());
        assertEquals(List.of("I_1", "I_1", "I_1", "I_1", "PR_3", "PR_3"), github.variables.stream()
                .filter(v -> v.containsKey("id")).map(v -> String.valueOf(v.get("id"))).toList());
        List<Long> comments = sink.pages.stream().flatMap(p -> p.comments().stream()).map(Comment::id).toList();
        assertEquals(400, comments.size());
        assertEquals(400, comments.stream().distinct().count(), "each comment once");
        List<Long> reviews = sink.pages.stream().flatMap(p -> p.reviews().stream()).map(Review::id).toList();
        assertEquals(160, reviews.size());
        assertEquals(160, reviews.stream().distinct().count(), "each review once");
    }

    @Test
    void aRerunWithoutChangesAsksTwice() throws Exception {
        repository();
        RecordingSink first = new RecordingSink();
        source("o/r").collect(Map.of(), first);
        Map<String, Instant> cursors = new HashMap<>();
        first.pages.stream().filter(p -> p.cursor() != null).forEach(p -> cursors.put(p.stream(), p.cursor()));
        github.queries.clear();

        GitHubGraphQlSource again = source("o/r");
        again.collect(cursors, new RecordingSink());
        assertTrue(again.requests() <= 2, again.requests() + " requests");
        assertEquals(day(9), github.variables.get(github.variables.size() - 2).get("since"));
        assertEquals(List.of(), github.invalid);
    }

    @Test
    void aSpentBudgetIsWaitedOutUntilItsReset() throws Exception {
        repository();
        github.remaining = 2;
        github.resetAt = "2026-07-01T00:10:00Z";
        GitHubGraphQlSource source = source("o/r");
        source.collect(Map.of(), new RecordingSink());
        assertEquals(List.of(Duration.ofMinutes(10)), waits, "the third query waits for the reset");
        assertTrue(progress.contains("GitHub rate limit reached; waiting until 00:10:00Z"), progress.toString());
        assertEquals(3, source.requests());
    }

    @Test
    void aResetBeyondTheWaitBudgetEndsTheRun() {
        repository();
        github.remaining = 1;
        github.resetAt = "2026-07-01T03:00:00Z";
        SourceException e = assertThrows(SourceException.class, () -> source("o/r").collect(Map.of(), new RecordingSink()));
        assertTrue(e.getMessage().contains("it resets at 03:00:00Z"), e.getMessage());
        assertEquals(List.of(), waits);
    }

    @Test
    void aBadGatewayHalvesThePage() throws Exception {
        for (int n = 1; n <= 60; n++) {
            github.addItem(false, 100 + n, n, actor("User", "alice"), day(1), day(1).replace("T00", "T" + (10 + n % 10)),
                    null);
        }
        github.fail(502);
        RecordingSink sink = new RecordingSink();
        GitHubGraphQlSource source = source("o/r");
        source.collect(Map.of(), sink);
        assertEquals(100, github.variables.get(0).get("n"));
        assertEquals(50, github.variables.get(1).get("n"));
        assertEquals(60, sink.issues(GitHubGraphQlSource.ISSUES).size());
        // 502, issues in two pages of 50, pulls
        assertEquals(4, source.requests());
        assertEquals(50, github.variables.get(3).get("n"), "the smaller page holds for the run");
        assertTrue(progress.contains("GitHub did not finish a page in time; asking for 50 items a page"),
                progress.toString());
    }

    @Test
    void aSecondaryLimitWaitsAsAsked() throws Exception {
        repository();
        github.fail(403, Map.of("Retry-After", "30"), "{\"message\":\"You have exceeded a secondary rate limit.\"}");
        RecordingSink sink = new RecordingSink();
        GitHubGraphQlSource source = source("o/r");
        source.collect(Map.of(), sink);
        assertEquals(List.of(Duration.ofSeconds(30)), waits);
        assertEquals(2, sink.issues(GitHubGraphQlSource.ISSUES).size());
        assertEquals(4, source.requests());
        assertEquals(3, source.points(), "a refused query costs no points");
    }

    @Test
    void aRateLimitedAnswerWaitsForTheResetAndAsksAgain() throws Exception {
        repository();
        github.fail(200, Map.of("x-ratelimit-reset", String.valueOf(CLOCK.instant().plusSeconds(90).getEpochSecond())),
                "{\"data\":null,\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit exceeded\"}]}");
        GitHubGraphQlSource source = source("o/r");
        source.collect(Map.of(), new RecordingSink());
        assertEquals(List.of(Duration.ofSeconds(90)), waits);
        assertEquals(4, source.requests());
    }

    @Test
    void anErrorInTheAnswerIsOneLine() {
        github.fail(200, Map.of(), "{\"data\":null,\"errors\":[{\"type\":\"MAX_NODE_LIMIT_EXCEEDED\","
                + "\"message\":\"This query requests up to\\n600,000 nodes.\"}]}");
        SourceException e = assertThrows(SourceException.class, () -> source("o/r").collect(Map.of(), new RecordingSink()));
        assertEquals("GitHub's GraphQL API refused the query for o/r (MAX_NODE_LIMIT_EXCEEDED): This query requests up"
                + " to 600,000 nodes.", e.getMessage());
    }

    @Test
    void anUnknownRepositoryIsOneLine() {
        SourceException e = assertThrows(SourceException.class,
                () -> source("o/missing").collect(Map.of(), new RecordingSink()));
        assertEquals("repository not found or no access: o/missing", e.getMessage());
        assertEquals(List.of(), github.invalid);
    }

    @Test
    void theEndpointFollowsTheRestOne() {
        assertEquals("https://api.github.com/graphql", GitHubTracker.graphQlEndpoint("https://api.github.com"));
        assertEquals("https://ghe.example.org/api/graphql",
                GitHubTracker.graphQlEndpoint("https://ghe.example.org/api/v3/"));
    }
}
