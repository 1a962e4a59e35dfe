package dev.gqm.collect.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, server faults and refusals, with waits recorded instead of slept. */
class GitHubFaultsTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUES = "/repos/acme/widget/issues";

    private FakeGitHub github;
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        github = new FakeGitHub("acme/widget");
        github.addIssue(1, 1, "alice", "User", "NONE", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", null, false);
    }

    @AfterEach
    void tearDown() {
        github.close();
    }

    private GitHubIssueSource source(Duration budget) {
        return new GitHubIssueSource("acme/widget", github.url(), "ghp_test", waits::add, CLOCK, progress::add,
                budget);
    }

    private RecordingSink collect() throws SourceException {
        RecordingSink sink = new RecordingSink();
        source(Duration.ofHours(1)).collect(Map.of(), sink);
        return sink;
    }

    private SourceException failure() {
        return assertThrows(SourceException.class, () -> source(Duration.ofHours(1)).collect(Map.of(), new RecordingSink()));
    }

    private static Map<String, String> primaryLimit(Instant reset) {
        return Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", String.valueOf(reset.getEpochSecond()));
    }

    @Test
    void primaryRateLimitIsWaitedUntilResetThenRetried() throws Exception {
        github.fail(ISSUES, 403, primaryLimit(NOW.plusSeconds(754)), "{\"message\":\"API rate limit exceeded\"}");

        RecordingSink sink = collect();

        assertEquals(List.of(Duration.ofSeconds(754)), waits);
        assertEquals(List.of("GitHub rate limit reached; waiting until 12:12:34Z"), progress);
        assertEquals(1, sink.issues("issues").size());
    }

    @Test
    void primaryRateLimitAnsweredWith429IsWaitedToo() throws Exception {
        github.fail(ISSUES, 429, primaryLimit(NOW.plusSeconds(60)), "{}");
        collect();
        assertEquals(List.of(Duration.ofSeconds(60)), waits);
    }

    @Test
    void primaryRateLimitBeyondTheBudgetFails() {
        github.fail(ISSUES, 403, primaryLimit(NOW.plus(Duration.ofMinutes(61))), "{}");
        SourceException e = failure();
        assertTrue(e.getMessage().contains("rate limit beyond the wait budget"), e.getMessage());
        assertTrue(e.getMessage().contains("13:01:00Z"), e.getMessage());
        assertEquals(List.of(), waits);
    }

    @Test
    void waitsAddUpAgainstTheBudget() {
        github.fail(ISSUES, 403, primaryLimit(NOW.plus(Duration.ofMinutes(40))), "{}");
        github.fail(ISSUES, 403, primaryLimit(NOW.plus(Duration.ofMinutes(30))), "{}");
        SourceException e = assertThrows(SourceException.class,
                () -> source(Duration.ofHours(1)).collect(Map.of(), new RecordingSink()));
        assertTrue(e.getMessage().contains("rate limit beyond the wait budget"), e.getMessage());
        assertEquals(List.of(Duration.ofMinutes(40)), waits);
    }

    @Test
    void secondaryRateLimitHonoursRetryAfter() throws Exception {
        github.fail(ISSUES, 429, Map.of("Retry-After", "7"), "{\"message\":\"secondary rate limit\"}");
        github.fail(ISSUES, 403, Map.of("Retry-After", "30"), "{\"message\":\"secondary rate limit\"}");
        RecordingSink sink = collect();
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(30)), waits);
        assertEquals(1, sink.issues("issues").size());
    }

    @Test
    void secondaryRateLimitGivesUpAfterThreeRetries() {
        for (int i = 0; i < 4; i++) {
            github.fail(ISSUES, 429, Map.of("Retry-After", "5"), "{}");
        }
        SourceException e = failure();
        assertTrue(e.getMessage().contains("secondary rate limit"), e.getMessage());
        assertEquals(3, waits.size());
    }

    @Test
    void secondaryRateLimitWithoutRetryAfterWaitsAMinute() throws Exception {
        github.fail(ISSUES, 403, Map.of(), "{\"message\":\"You have exceeded a secondary rate limit.\"}");
        collect();
        assertEquals(List.of(Duration.ofMinutes(1)), waits);
    }

    @Test
    void primaryLimitThatDoesNotLiftEndsTheRun() {
        for (int i = 0; i < 4; i++) {
            github.fail(ISSUES, 403, primaryLimit(NOW.minusSeconds(1)), "{}");
        }
        SourceException e = failure();
        assertTrue(e.getMessage().startsWith("GitHub's rate limit persisted"), e.getMessage());
        assertEquals(3, waits.size());
    }

    @Test
    void forbiddenWithoutLimitIsAnAccessProblem() {
        github.fail(ISSUES, 403, Map.of(), "{\"message\":\"Resource not accessible by integration\"}");
        assertTrue(failure().getMessage().startsWith("GitHub refused access (HTTP 403)"));
        assertEquals(List.of(), waits);
    }

    @Test
    void serverErrorIsRetriedWithBackoff() throws Exception {
        github.fail(ISSUES, 500, Map.of(), "{}");
        github.fail(ISSUES, 502, Map.of(), "{}");
        RecordingSink sink = collect();
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
        assertEquals(1, sink.issues("issues").size());
    }

    @Test
    void serverErrorGivesUpAfterThreeRetries() {
        for (int i = 0; i < 4; i++) {
            github.fail(ISSUES, 503, Map.of(), "{}");
        }
        SourceException e = failure();
        assertEquals("GitHub answered HTTP 503 for /repos/acme/widget/issues after 3 retries", e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
    }

    @Test
    void serverErrorOnTheLibrarysRequestIsRetriedToo() throws Exception {
        github.fail("/repos/acme/widget", 500, Map.of(), "{}");
        collect();
        assertEquals(List.of(Duration.ofSeconds(1)), waits);
    }

    @Test
    void unreachableServerIsRetriedThenReported() {
        int port = Integer.parseInt(github.url().substring(github.url().lastIndexOf(':') + 1));
        github.close();
        GitHubIssueSource source = new GitHubIssueSource("acme/widget", "http://127.0.0.1:" + port, null,
                waits::add, CLOCK);
        SourceException e = assertThrows(SourceException.class, () -> source.collect(Map.of(), new RecordingSink()));
        assertTrue(e.getMessage().startsWith("GitHub did not answer at http://127.0.0.1:" + port), e.getMessage());
        assertEquals(3, waits.size());
        assertEquals(4, source.requests());
    }

    @Test
    void badCredentials() {
        github.fail("/repos/acme/widget", 401, Map.of(), "{\"message\":\"Bad credentials\"}");
        SourceException e = failure();
        assertTrue(e.getMessage().startsWith("bad credentials for GitHub " + github.url()), e.getMessage());
    }

    @Test
    void missingRepository() {
        github.fail("/repos/acme/widget", 404, Map.of(), "{\"message\":\"Not Found\"}");
        assertEquals("repository not found or no access: acme/widget", failure().getMessage());
    }

    @Test
    void truncatedJson() {
        github.fail(ISSUES, 200, Map.of(), "[{\"id\": 1, \"number\": 1, \"title\": \"cut sh");
        SourceException e = failure();
        assertTrue(e.getMessage().startsWith("GitHub sent malformed JSON for /repos/acme/widget/issues"),
                e.getMessage());
    }

    @Test
    void itemWithoutItsDatesIsMalformed() {
        github.fail(ISSUES, 200, Map.of(), "[{\"id\": 1, \"number\": 1}]");
        assertTrue(failure().getMessage().contains("has no created_at"));
    }

    /** One issue as the listing sends it. */
    private static final String ONE_ISSUE = "[{\"id\": 1, \"number\": 1, \"created_at\": \"2025-01-01T00:00:00Z\","
            + " \"updated_at\": \"2025-01-01T00:00:00Z\", \"user\": {\"login\": \"alice\", \"type\": \"User\"}}]";

    @Test
    void nextLinkToAnotherHostIsNotFollowed() {
        github.fail(ISSUES, 200, Map.of("Link", "<https://api.github.com/repos/acme/widget/issues?page=2>; rel=\"next\""),
                ONE_ISSUE);
        SourceException e = failure();
        assertTrue(e.getMessage().contains("outside " + github.url()), e.getMessage());
        assertFalse(github.requests.stream().anyMatch(r -> r.contains("page=2")));
    }

    @Test
    void aRetryAfterBeyondTheBudgetEndsTheRunWithoutWaiting() {
        // 100,000 s is 28 hours: a scheduled job must end, with the reason
        github.fail(ISSUES, 429, Map.of("Retry-After", "100000"), "{\"message\":\"secondary rate limit\"}");
        SourceException e = failure();
        assertTrue(e.getMessage().contains("secondary rate limit asks to wait 100000 s, beyond the wait budget of 60 min"),
                e.getMessage());
        assertEquals(List.of(), waits);
    }

    @Test
    void everyKindOfWaitCountsAgainstOneBudget() {
        // 40 min for the primary limit, then a secondary limit asking 25 min more: 65 min > 60
        github.fail(ISSUES, 403, primaryLimit(NOW.plus(Duration.ofMinutes(40))), "{}");
        github.fail(ISSUES, 429, Map.of("Retry-After", "1500"), "{}");
        SourceException e = failure();
        assertTrue(e.getMessage().contains("beyond the wait budget"), e.getMessage());
        assertEquals(List.of(Duration.ofMinutes(40)), waits);
    }

    @Test
    void aNextLinkBackToAPageAlreadyReadStopsTheRun() {
        String first = github.url() + ISSUES + "?state=all&sort=updated&direction=asc&per_page=100";
        github.fail(ISSUES, 200, Map.of("Link", "<" + first + ">; rel=\"next\""), ONE_ISSUE);
        github.fail(ISSUES, 200, Map.of("Link", "<" + first + ">; rel=\"next\""), ONE_ISSUE);
        SourceException e = failure();
        assertTrue(e.getMessage().contains("links back to a page already read"), e.getMessage());
        assertEquals(1, github.requests.stream().filter(r -> r.startsWith(ISSUES + "?")).count());
    }

    @Test
    void aListingCannotRunPastWhatItsNumbersCanFill() {
        // issue #1 only, yet page after page of one item links to a new page: 1 + 2 x 1 items at most
        for (int page = 2; page <= 10; page++) {
            github.fail(ISSUES, 200, Map.of("Link", "<" + github.url() + ISSUES + "?page=" + page + ">; rel=\"next\""),
                    ONE_ISSUE);
        }
        SourceException e = failure();
        assertTrue(e.getMessage().contains("runs past 4 pages (4 items), more than its highest number (1) can hold"),
                e.getMessage());
        assertEquals(4, github.requests.stream().filter(r -> r.startsWith(ISSUES)).count());
    }

    @Test
    void anEmptyPageEndsTheListingWhateverItsLinkSays() throws Exception {
        github.fail(ISSUES, 200, Map.of("Link", "<" + github.url() + ISSUES + "?page=2>; rel=\"next\""), "[]");
        collect();
        assertFalse(github.requests.stream().anyMatch(r -> r.contains("page=2")));
    }

    @Test
    void anUnreadableNextLinkIsTheSourcesFault() {
        github.fail(ISSUES, 200, Map.of("Link", "<http://[::1/broken>; rel=\"next\""), ONE_ISSUE);
        SourceException e = failure();
        assertEquals("GitHub sent an unreadable next-page link in its Link header", e.getMessage());
    }
}
