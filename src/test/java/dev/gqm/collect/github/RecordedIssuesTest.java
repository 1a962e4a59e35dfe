package dev.gqm.collect.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads a real, recorded 21-page issue listing of hub4j/github-api. */
class RecordedIssuesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-01-10T21:30:00Z"), ZoneOffset.UTC);

    @Test
    void readsEveryPageOfARecordedListingFollowingLinkHeaders() throws Exception {
        try (RecordedGitHub github = new RecordedGitHub(RecordedGitHub.resource("github/hub4j/testListIssues"))) {
            List<String> progress = new java.util.ArrayList<>();
            GitHubIssueSource source = new GitHubIssueSource("hub4j/github-api", github.url(), null,
                    d -> { throw new AssertionError("no wait expected"); }, CLOCK, progress::add,
                    GitHubIssueSource.DEFAULT_WAIT_BUDGET);
            RecordingSink sink = new RecordingSink();

            source.collect(Map.of(), sink);
            // a long listing says how far it is: 20 recorded pages of 30 before the 21st
            assertEquals(List.of("GitHub issues: 600 read"), progress);

            List<Issue> issues = sink.issues(GitHubIssueSource.ISSUES);
            assertEquals(21, sink.pages.stream().filter(p -> p.stream().equals("issues")).count());
            assertEquals(606, issues.size());
            assertEquals(606, new HashSet<>(issues.stream().map(Issue::id).toList()).size());
            assertEquals(363, issues.stream().filter(Issue::changeRequest).count());
            assertTrue(issues.stream().allMatch(i -> i.state().equals("closed") && i.closedAt() != null));
            // repository + 21 issue pages + one (empty) comment and pull listing
            assertEquals(24, source.requests());

            Issue first = issues.get(0);
            assertEquals(546672197L, first.id());
            assertEquals(660, first.number());
            assertEquals("Bump okhttp-urlconnection from 3.12.3 to 4.3.1", first.title());
            assertEquals("https://github.com/hub4j/github-api/pull/660", first.url());
            assertEquals("dependabot-preview[bot]", first.author().login());
            assertEquals("Bot", first.author().type());
            assertTrue(first.author().bot());
            assertEquals("CONTRIBUTOR", first.authorAssociation());
            assertEquals(Instant.parse("2020-01-08T06:35:18Z"), first.createdAt());
            assertEquals(Instant.parse("2020-01-10T16:59:25Z"), first.updatedAt());
            assertEquals(Instant.parse("2020-01-10T16:59:12Z"), first.closedAt());
            assertEquals(List.of("dependencies"), first.labels());
            assertTrue(first.changeRequest());
            assertNull(first.mergedAt());
            assertFalse(issues.stream().anyMatch(i -> i.author().login().isEmpty()));
        }
    }
}
