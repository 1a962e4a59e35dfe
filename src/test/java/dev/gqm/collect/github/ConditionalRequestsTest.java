package dev.gqm.collect.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.IssueSink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which ETags a collection keeps, and when it sends them back. */
class ConditionalRequestsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String ISSUES_FIRST = "/repos/acme/widget/issues?state=all&sort=updated&direction=asc&per_page=100";
    private static final String PULLS_FIRST = "/repos/acme/widget/pulls?state=all&sort=updated&direction=desc&per_page=100";

    private FakeGitHub github;

    @BeforeEach
    void setUp() throws Exception {
        github = new FakeGitHub("acme/widget");
    }

    @AfterEach
    void tearDown() {
        github.close();
    }

    private GitHubIssueSource source() {
        return new GitHubIssueSource("acme/widget", github.url(), null, d -> { }, CLOCK);
    }

    private void addIssues(int count) {
        for (int n = 1; n <= count; n++) {
            String at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * n).toString();
            github.addIssue(n, n, "alice", "User", "NONE", at, at, null, false);
        }
    }

    @Test
    void aSinglePageWithRoomLeftIsTheWholeAnswerAndItsEtagIsKept() throws Exception {
        addIssues(99);
        RecordingSink sink = new RecordingSink();
        source().collect(Map.of(), sink);

        IssueSink.Etag etag = sink.etags().get("issues");
        assertEquals(github.url() + ISSUES_FIRST, etag.url());
        assertEquals(github.statuses.size(), github.conditions.size());
        // kept with the page it came with, in the same call
        assertEquals(1, sink.pages.stream().filter(p -> p.stream().equals("issues")).count());
        // the empty comment and pull listings are whole answers too
        assertEquals(github.url() + PULLS_FIRST, sink.etags().get("pulls").url());
        assertTrue(sink.etags().containsKey("comments"));
    }

    @Test
    void aFullFirstPageKeepsNoEtag() throws Exception {
        // 100 items on one page: a new item would go to a page 2 and leave this page as it is
        addIssues(100);
        RecordingSink sink = new RecordingSink();
        source().collect(Map.of(), sink);

        assertNull(sink.etags().get("issues"));
        assertEquals(100, sink.issues("issues").size());
    }

    @Test
    void theEtagIsSentOnlyForTheVeryRequestItAnswered() throws Exception {
        addIssues(3);
        RecordingSink cold = new RecordingSink();
        source().collect(Map.of(), cold);
        IssueSink.Etag issues = cold.etags().get("issues");

        // the same request: 304, nothing delivered for the stream
        GitHubIssueSource same = source();
        int served = github.requests.size();
        RecordingSink sink = new RecordingSink();
        same.collect(Map.of(), Map.of("issues", issues), sink);
        // a kept ETag means the repository was found before: no lookup, the listing comes first
        assertEquals(ISSUES_FIRST, github.requests.get(served));
        assertEquals(issues.value(), github.conditions.get(served));
        assertEquals(304, github.statuses.get(served));
        assertEquals(List.of(), sink.issues("issues"));
        assertEquals(1, same.notModified());

        // another `since`, another request: asked unconditionally
        served = github.requests.size();
        GitHubIssueSource later = source();
        later.collect(Map.of("issues", Instant.parse("2025-01-01T00:02:00Z")), Map.of("issues", issues),
                new RecordingSink());
        assertTrue(github.requests.get(served).endsWith("&since=2025-01-01T00%3A02%3A00Z"));
        assertEquals("", github.conditions.get(served));
        assertEquals(0, later.notModified());
    }

    @Test
    void aPullListingOfManyPagesKeepsItsFirstPageEtagWithTheCursorAtTheEnd() throws Exception {
        github.pageSize = 1;
        github.addPull(9001, 1, "alice", "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", null, false);
        github.addPull(9002, 2, "bob", "2025-01-02T00:00:00Z", "2025-01-02T00:00:00Z", null, false);
        RecordingSink sink = new RecordingSink();
        source().collect(Map.of(), sink);

        List<IssueSink.Page> pulls = sink.pages.stream().filter(p -> p.stream().equals("pulls")).toList();
        assertEquals(2, pulls.size());
        assertNull(pulls.get(0).etag());
        assertNull(pulls.get(0).cursor());
        assertEquals(github.url() + PULLS_FIRST, pulls.get(1).etag().url());
        assertEquals(Instant.parse("2025-01-02T00:00:00Z"), pulls.get(1).cursor());

        // the first page's ETag: sent back on that page, 304, the second page is not asked for
        int served = github.requests.size();
        source().collect(Map.of("pulls", pulls.get(1).cursor()), Map.of("pulls", pulls.get(1).etag()),
                new RecordingSink());
        List<String> asked = github.requests.subList(served, github.requests.size()).stream()
                .filter(r -> r.contains("/pulls")).toList();
        assertEquals(List.of(PULLS_FIRST), asked);
        assertEquals(304, github.statuses.get(github.statuses.size() - 1));

        // an update moves a pull to the first page: 200, read again
        github.pulls.get(0).put("updated_at", "2025-01-03T00:00:00Z");
        RecordingSink again = new RecordingSink();
        source().collect(Map.of("pulls", pulls.get(1).cursor()), Map.of("pulls", pulls.get(1).etag()), again);
        assertEquals(List.of(1, 2), again.issues("pulls").stream().map(i -> i.number()).toList());
        assertEquals(Instant.parse("2025-01-03T00:00:00Z"), again.pages.get(again.pages.size() - 1).cursor());
    }
}
