package dev.gqm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.IssueSinkFailure;
import dev.gqm.collect.Review;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.github.FakeGitHub;
import dev.gqm.collect.github.GitHubIssueSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-made tracker collected into SQLite: what is stored, and what a rerun asks for. */
class IssueSyncTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FakeGitHub github;
    private Connection connection;
    private IssueStore store;

    @BeforeEach
    void setUp() throws Exception {
        github = new FakeGitHub("acme/widget");
        github.pageSize = 2;
        // #1 issue with a bot comment, the author's own and a maintainer's answer
        github.addIssue(101, 1, "alice", "User", "NONE", "2025-01-01T00:00:00Z", "2025-01-03T00:00:00Z",
                "2025-01-03T00:00:00Z", false, "bug", "help wanted");
        github.addComment(1001, 1, "dependabot[bot]", "Bot", "2025-01-01T01:00:00Z", "2025-01-01T01:00:00Z");
        github.addComment(1002, 1, "alice", "User", "2025-01-01T02:00:00Z", "2025-01-01T02:00:00Z");
        github.addComment(1003, 1, "bob", "User", "2025-01-02T00:00:00Z", "2025-01-02T00:00:00Z");
        // #2 a merged pull request, inside the issue listing with its issue id
        github.addIssue(102, 2, "carol", "User", "CONTRIBUTOR", "2025-01-02T00:00:00Z", "2025-01-05T00:00:00Z",
                "2025-01-05T00:00:00Z", true);
        github.addPull(9002, 2, "carol", "2025-01-02T00:00:00Z", "2025-01-05T00:00:00Z", "2025-01-05T00:00:00Z", false);
        github.addReview(5001, 2, "renovate[bot]", "Bot", "2025-01-03T00:00:00Z", "COMMENTED");
        github.addReview(5002, 2, "bob", "User", "2025-01-04T00:00:00Z", "APPROVED");
        github.addReview(5003, 2, "carol", "User", null, "PENDING");
        // #3 an open draft pull request, #4 an open issue
        github.addIssue(103, 3, "dave", "User", "FIRST_TIME_CONTRIBUTOR", "2025-01-06T00:00:00Z",
                "2025-01-06T00:00:00Z", null, true);
        github.addPull(9003, 3, "dave", "2025-01-06T00:00:00Z", "2025-01-06T00:00:00Z", null, true);
        github.addIssue(104, 4, "erin", "User", "MEMBER", "2025-01-07T00:00:00Z", "2025-01-07T00:00:00Z", null,
                false);
        github.pulls.forEach(p -> p.put("state", p.get("merged_at").isNull() ? "open" : "closed"));

        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gqm.db"));
        TrackerTables.create(connection);
        store = new IssueStore(connection, 7);
    }

    @AfterEach
    void tearDown() throws Exception {
        connection.close();
        github.close();
    }

    private GitHubIssueSource source() {
        return new GitHubIssueSource("acme/widget", github.url(), null,
                d -> { throw new AssertionError("no wait expected"); }, CLOCK);
    }

    @Test
    void storesIssuesPullRequestsCommentsAndReviews() throws Exception {
        GitHubIssueSource source = source();
        new IssueSync(store).sync(source);

        List<Issue> issues = store.issues();
        assertEquals(List.of(1, 2, 3, 4), issues.stream().map(Issue::number).toList());
        Issue one = issues.get(0);
        assertEquals(new Issue(101, 1, "item 1", "https://github.com/acme/widget/issues/1",
                new Actor("alice", "User"), "NONE", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-03T00:00:00Z"), Instant.parse("2025-01-03T00:00:00Z"), false, null, false,
                List.of("bug", "help wanted"), "closed"), one);
        Issue merged = issues.get(1);
        assertEquals(102, merged.id()); // the issue id, not the pull id 9002
        assertTrue(merged.changeRequest());
        assertEquals(Instant.parse("2025-01-05T00:00:00Z"), merged.mergedAt());
        assertFalse(merged.draft());
        Issue draft = issues.get(2);
        assertTrue(draft.changeRequest());
        assertTrue(draft.draft());
        assertNull(draft.mergedAt());
        assertFalse(issues.get(3).changeRequest());
        assertEquals("MEMBER", issues.get(3).authorAssociation());

        assertEquals(List.of(
                new Comment(1001, 1, new Actor("dependabot[bot]", "Bot"), Instant.parse("2025-01-01T01:00:00Z"),
                        Instant.parse("2025-01-01T01:00:00Z")),
                new Comment(1002, 1, new Actor("alice", "User"), Instant.parse("2025-01-01T02:00:00Z"),
                        Instant.parse("2025-01-01T02:00:00Z")),
                new Comment(1003, 1, new Actor("bob", "User"), Instant.parse("2025-01-02T00:00:00Z"),
                        Instant.parse("2025-01-02T00:00:00Z"))), store.comments());
        assertTrue(store.comments().get(0).author().bot());

        assertEquals(List.of(
                new Review(5001, 2, new Actor("renovate[bot]", "Bot"), Instant.parse("2025-01-03T00:00:00Z"),
                        "COMMENTED"),
                new Review(5002, 2, new Actor("bob", "User"), Instant.parse("2025-01-04T00:00:00Z"), "APPROVED"),
                new Review(5003, 2, new Actor("carol", "User"), null, "PENDING")), store.reviews());

        assertEquals(Map.of("issues", Instant.parse("2025-01-07T00:00:00Z"),
                "comments", Instant.parse("2025-01-02T00:00:00Z"),
                "pulls", Instant.parse("2025-01-06T00:00:00Z")), store.cursors());
        assertEquals(Set.of(), store.changesNeedingReviews());
        // repository, 2 issue pages, 2 comment pages, 1 pull page, reviews of #2 (2 pages) and #3
        assertEquals(9, source.requests());
        assertTrue(github.requests.stream().noneMatch(r -> r.startsWith("/users/")));
        assertTrue(github.requests.contains("/repos/acme/widget/issues?state=all&sort=updated&direction=asc&per_page=100"));
    }

    @Test
    void rerunWithNothingChangedAsksLittleAndDuplicatesNothing() throws Exception {
        new IssueSync(store).sync(source());
        List<Issue> before = store.issues();
        GitHubIssueSource again = source();
        int served = github.requests.size();

        new IssueSync(store).sync(again);

        assertTrue(again.requests() < 10, "requests: " + again.requests());
        // issues, comments, pulls: no repository lookup (it was found before), no reviews
        assertEquals(3, again.requests());
        assertTrue(github.requests.get(served).endsWith("&since=2025-01-07T00%3A00%3A00Z"));
        assertEquals(before, store.issues());
        assertEquals(3, store.comments().size());
        assertEquals(3, store.reviews().size());
    }

    @Test
    void rerunReadsReviewsOnlyOfPullRequestsUpdatedSince() throws Exception {
        new IssueSync(store).sync(source());
        github.issues.get(1).put("updated_at", "2025-01-10T00:00:00Z");
        github.pulls.get(0).put("updated_at", "2025-01-10T00:00:00Z");
        github.addReview(5004, 2, "erin", "User", "2025-01-10T00:00:00Z", "CHANGES_REQUESTED");
        int served = github.requests.size();

        new IssueSync(store).sync(source());

        List<String> reviewRequests = github.requests.subList(served, github.requests.size()).stream()
                .filter(r -> r.contains("/reviews")).toList();
        assertEquals(List.of("/repos/acme/widget/pulls/2/reviews?per_page=100",
                "/repos/acme/widget/pulls/2/reviews?per_page=100&page=2"), reviewRequests);
        assertEquals(4, store.reviews().size());
        assertEquals(4, store.issues().size());
        assertEquals(Instant.parse("2025-01-10T00:00:00Z"), store.cursors().get("pulls"));
    }

    @Test
    void runStoppedBetweenPagesResumesFromItsCursorWithoutDuplicates() throws Exception {
        AtomicInteger pages = new AtomicInteger();
        IssueSink real = store.sink();
        IssueSink dying = page -> {
            if (pages.incrementAndGet() == 2) {
                throw new SQLException("disk full (simulated)");
            }
            real.page(page);
        };

        IssueSinkFailure failure = assertThrows(IssueSinkFailure.class,
                () -> source().collect(store.cursors(), dying));
        assertEquals("disk full (simulated)", failure.getCause().getMessage());
        assertEquals(List.of(1, 2), store.issues().stream().map(Issue::number).toList());
        assertEquals(Map.of("issues", Instant.parse("2025-01-05T00:00:00Z")), store.cursors());

        int served = github.requests.size();
        new IssueSync(store).sync(source());

        assertTrue(github.requests.get(served).endsWith("&since=2025-01-05T00%3A00%3A00Z"),
                github.requests.get(served));
        assertEquals(List.of(1, 2, 3, 4), store.issues().stream().map(Issue::number).toList());
        assertEquals(3, store.comments().size());
        assertEquals(3, store.reviews().size());
        assertEquals(Instant.parse("2025-01-05T00:00:00Z"), store.issues().get(1).mergedAt());
    }

    @Test
    void unchangedRerunsAskConditionallyAndOnlyAChangedStreamIsReadAgain() throws Exception {
        new IssueSync(store).sync(source());
        // the issue and comment listings took two pages: their first page was not the whole answer
        assertEquals(Set.of("pulls"), store.etags().keySet());

        // first rerun: each `since` listing answers its cursor's own item again, one page that is
        // the whole answer, so its ETag is kept; the pull listing's first page is as the cold run saw it
        GitHubIssueSource first = source();
        int served = github.requests.size();
        new IssueSync(store).sync(first);
        assertEquals(3, first.requests());
        assertEquals(1, first.notModified());
        assertEquals(List.of(200, 200, 304), served(github.statuses, served));
        Map<String, IssueSink.Etag> etags = store.etags();
        String base = github.url() + "/repos/acme/widget";
        assertEquals(base + "/issues?state=all&sort=updated&direction=asc&per_page=100&since=2025-01-07T00%3A00%3A00Z",
                etags.get("issues").url());
        assertEquals(base + "/issues/comments?sort=updated&direction=asc&per_page=100&since=2025-01-02T00%3A00%3A00Z",
                etags.get("comments").url());
        assertEquals(base + "/pulls?state=all&sort=updated&direction=desc&per_page=100", etags.get("pulls").url());

        // second rerun: the same three requests, each with its ETag, each answered 304; nothing stored
        GitHubIssueSource second = source();
        served = github.requests.size();
        List<String> pages = new ArrayList<>();
        IssueSink counting = page -> pages.add(page.stream());
        second.collect(store.cursors(), store.etags(), counting);
        second.reviews(store.changesNeedingReviews(), counting);
        assertEquals(3, second.requests());
        assertEquals(3, second.notModified());
        assertEquals(List.of(etags.get("issues").value(), etags.get("comments").value(), etags.get("pulls").value()),
                served(github.conditions, served));
        assertEquals(List.of(304, 304, 304), served(github.statuses, served));
        assertEquals(List.of(), pages);

        // a new comment on #4 updates it: issues and comments answer 200 and are stored, pulls stay 304
        github.issues.get(3).put("updated_at", "2025-01-08T00:00:00Z");
        github.addComment(1004, 4, "bob", "User", "2025-01-08T00:00:00Z", "2025-01-08T00:00:00Z");
        GitHubIssueSource third = source();
        served = github.requests.size();
        new IssueSync(store).sync(third);
        assertEquals(List.of(200, 200, 304), served(github.statuses, served));
        assertTrue(served(github.conditions, served).stream().noneMatch(String::isEmpty));
        assertEquals(1, third.notModified());
        assertEquals(4, store.comments().size());
        assertEquals(Instant.parse("2025-01-08T00:00:00Z"), store.issues().get(3).updatedAt());
        assertEquals(Instant.parse("2025-01-08T00:00:00Z"), store.cursors().get("issues"));
        assertEquals(Instant.parse("2025-01-08T00:00:00Z"), store.cursors().get("comments"));
        assertEquals(etags.get("pulls"), store.etags().get("pulls"));
    }

    @Test
    void aRepositoryGoneSinceTheLastRunIsReportedByTheFirstListing() throws Exception {
        new IssueSync(store).sync(source());
        github.fail("/repos/acme/widget/issues", 404, Map.of(), "{\"message\":\"Not Found\"}");
        int served = github.requests.size();

        SourceException e = assertThrows(SourceException.class, () -> new IssueSync(store).sync(source()));

        assertEquals("repository not found or no access: acme/widget", e.getMessage());
        assertEquals(1, github.requests.size() - served);
    }

    private static <T> List<T> served(List<T> log, int from) {
        return List.copyOf(log.subList(from, log.size()));
    }

    @Test
    void storeFailureSurfacesAsAStoreExceptionFromSync() throws Exception {
        connection.createStatement().executeUpdate("DROP TABLE comments");
        StoreException e = assertThrows(StoreException.class, () -> new IssueSync(store).sync(source()));
        assertTrue(e.getMessage().startsWith("store unusable: "), e.getMessage());
        assertTrue(e.getCause() instanceof SQLException, String.valueOf(e.getCause()));
        // the issue pages before the failure were committed with their cursor
        assertEquals(4, store.issues().size());
    }
}
