package dev.gqm.collect.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GitLab collector against a local server: paging, cursors, limits, bots and drafts. */
class GitLabIssueSourceTest {
    static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    static final class Sink implements IssueSink {
        final List<Page> pages = new ArrayList<>();
        final Map<String, Instant> cursors = new HashMap<>();

        @Override
        public void page(Page page) {
            pages.add(page);
            if (page.cursor() != null) {
                cursors.put(page.stream(), page.cursor());
            }
        }

        List<Issue> items() {
            return pages.stream().flatMap(p -> p.items().stream()).toList();
        }
    }

    static GitLabIssueSource source(FakeGitLab gitlab, String token, List<Duration> waits, List<String> progress) {
        return new GitLabIssueSource("g/p", gitlab.url(), token, waits::add, Clock.fixed(NOW, ZoneOffset.UTC),
                progress::add, Duration.ofMinutes(30), Duration.ofSeconds(5));
    }

    @Test
    void aRateLimitIsWaitedOutForAsLongAsRetryAfterSays() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p")) {
            gitlab.addItem(false, 1, "alice", false, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", null, null);
            gitlab.fail("issues", 429, Map.of("Retry-After", "17", "RateLimit-Remaining", "0",
                    "RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 17)), "{\"message\":\"Retry later\"}");
            // without Retry-After, until RateLimit-Reset
            gitlab.fail("issues/1/discussions", 429, Map.of("RateLimit-Remaining", "0",
                    "RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 120)), "");
            gitlab.fail("issues/1/resource_state_events", 502, Map.of(), "");
            List<Duration> waits = new ArrayList<>();
            List<String> progress = new ArrayList<>();
            Sink sink = new Sink();
            GitLabIssueSource source = source(gitlab, "glpat-x", waits, progress);
            source.collect(Map.of(), sink);
            assertEquals(List.of(Duration.ofSeconds(17), Duration.ofSeconds(120), Duration.ofSeconds(1)), waits);
            assertTrue(progress.contains("GitLab rate limit reached; waiting 17 s"), progress.toString());
            assertTrue(progress.contains("GitLab rate limit reached; waiting until 12:02:00Z"), progress.toString());
            assertEquals(1, sink.items().size());
            // three answers refused and retried, three given, and the empty merge request listing
            assertEquals(3 + 3 + 1, source.requests());
        }
    }

    @Test
    void aRateLimitBeyondTheBudgetEndsTheRun() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p")) {
            gitlab.fail("issues", 429, Map.of("Retry-After", "3600"), "");
            SourceException e = assertThrows(SourceException.class,
                    () -> source(gitlab, null, new ArrayList<>(), new ArrayList<>()).collect(Map.of(), new Sink()));
            assertTrue(e.getMessage().startsWith("GitLab rate limit beyond the wait budget of 30 min"), e.getMessage());
            assertEquals(List.of(""), gitlab.tokens, "anonymous: no PRIVATE-TOKEN header at all");
        }
    }

    @Test
    void pagesFollowXNextPageWhenThereIsNoLinkHeader() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p")) {
            gitlab.pageSize = 2;
            gitlab.nextPageHeaderOnly = true;
            for (int i = 1; i <= 5; i++) {
                gitlab.addItem(false, i, "u" + i, false, "2026-06-0" + i + "T00:00:00Z", "2026-06-0" + i + "T00:00:00Z",
                        null, null);
            }
            Sink sink = new Sink();
            source(gitlab, null, new ArrayList<>(), new ArrayList<>()).collect(Map.of(), sink);
            assertEquals(List.of(1, 2, 3, 4, 5), sink.items().stream().map(Issue::number).toList());
            assertEquals(3, gitlab.count("/issues"));
            assertEquals(Instant.parse("2026-06-05T00:00:00Z"), sink.cursors.get(GitLabIssueSource.ISSUES));
        }
    }

    // Three items share 06-02 across a page break: the first page's cursor must stay before that
    // instant, or a run stopped there would skip #3 next time as "already stored".
    @Test
    void aCursorNeverSplitsItemsOfOneInstant() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p")) {
            gitlab.pageSize = 2;
            gitlab.addItem(false, 1, "a", false, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", null, null);
            gitlab.addItem(false, 2, "b", false, "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z", null, null);
            gitlab.addItem(false, 3, "c", false, "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z", null, null);
            Sink sink = new Sink();
            source(gitlab, null, new ArrayList<>(), new ArrayList<>()).collect(Map.of(), sink);
            List<IssueSink.Page> issuePages = sink.pages.stream()
                    .filter(p -> p.stream().equals(GitLabIssueSource.ISSUES)).toList();
            assertEquals(Instant.parse("2026-06-01T00:00:00Z"), issuePages.get(0).cursor());
            assertEquals(Instant.parse("2026-06-02T00:00:00Z"), issuePages.get(1).cursor());
            // resumed from the first page's cursor: #2 and #3 come again, #1 is skipped
            Sink resumed = new Sink();
            source(gitlab, null, new ArrayList<>(), new ArrayList<>())
                    .collect(Map.of(GitLabIssueSource.ISSUES, issuePages.get(0).cursor()), resumed);
            assertEquals(List.of(2, 3), resumed.items().stream().map(Issue::number).toList());
        }
        assertNull(GitLabIssueSource.cursor(List.of(), true));
    }

    // The run stops on page 2 (#3's notes are refused): page 1 is kept whole with its cursor, and
    // the next run starts there, asking nothing about #1 and #2 again.
    @Test
    void aRunStoppedHalfwayResumesWhereItsLastPageEnded() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p")) {
            gitlab.pageSize = 2;
            for (int i = 1; i <= 4; i++) {
                gitlab.addItem(false, i, "u" + i, false, "2026-06-0" + i + "T00:00:00Z", "2026-06-0" + i + "T00:00:00Z",
                        null, null);
                gitlab.addNote("issues/" + i, "helper", false, "2026-06-0" + i + "T01:00:00Z", false, null, "hi");
            }
            gitlab.fail("issues/3/discussions", 403, Map.of(), "{\"message\":\"403 Forbidden\"}");
            Sink sink = new Sink();
            SourceException stop = assertThrows(SourceException.class,
                    () -> source(gitlab, null, new ArrayList<>(), new ArrayList<>()).collect(Map.of(), sink));
            assertTrue(stop.getMessage().startsWith("GitLab refused access (HTTP 403)"), stop.getMessage());
            assertEquals(1, sink.pages.size());
            assertEquals(List.of(1, 2), sink.items().stream().map(Issue::number).toList());
            assertEquals(2, sink.pages.get(0).comments().size());
            assertEquals(Instant.parse("2026-06-01T00:00:00Z"), sink.cursors.get(GitLabIssueSource.ISSUES),
                    "page 1 of more: the newest update older than its newest");
            int before = gitlab.requests.size();
            Sink resumed = new Sink();
            source(gitlab, null, new ArrayList<>(), new ArrayList<>()).collect(sink.cursors, resumed);
            // #2 comes again (the cursor of a page with more to follow stays before its newest update); #1 does not
            assertEquals(List.of(2, 3, 4), resumed.items().stream().map(Issue::number).toList());
            assertFalse(gitlab.requests.subList(before, gitlab.requests.size()).stream()
                    .anyMatch(r -> r.contains("/issues/1/")));
            assertEquals(Instant.parse("2026-06-04T00:00:00Z"), resumed.cursors.get(GitLabIssueSource.ISSUES));
        }
    }

    @Test
    void botsDraftsAndMergesAreReadAsGitLabMeansThem() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p")) {
            gitlab.addItem(true, 1, "group_45_bot_aa", false, "2026-06-01T00:00:00Z", "2026-06-03T00:00:00Z", null,
                    "2026-06-03T00:00:00Z");
            gitlab.addItem(true, 2, "renovate-runner", true, "2026-06-01T00:00:00Z", "2026-06-04T00:00:00Z", null, null)
                    .put("work_in_progress", true);
            gitlab.addItem(true, 3, "alice", false, "2026-06-01T00:00:00Z", "2026-06-05T00:00:00Z", null, null)
                    .put("draft", true);
            gitlab.addNote("merge_requests/3", "support-bot", false, "2026-06-02T00:00:00Z", false, null, "auto reply");
            gitlab.addNote("merge_requests/3", "bob", false, "2026-06-02T01:00:00Z", true, null, "unapproved this merge request");
            gitlab.addNote("merge_requests/3", "bob", false, "2026-06-02T02:00:00Z", true, null, "approved this merge request");
            gitlab.addStateEvent("merge_requests/1", "group_45_bot_aa", "2026-06-03T00:00:00Z", "merged");
            gitlab.addStateEvent("merge_requests/3", "alice", "2026-06-04T00:00:00Z", "locked");
            Sink sink = new Sink();
            source(gitlab, null, new ArrayList<>(), new ArrayList<>()).collect(Map.of(), sink);
            List<Issue> items = sink.items();
            assertTrue(items.get(0).author().bot() && items.get(1).author().bot());
            assertFalse(items.get(2).author().bot());
            assertEquals(Instant.parse("2026-06-03T00:00:00Z"), items.get(0).mergedAt());
            assertEquals(items.get(0).mergedAt(), items.get(0).closedAt(), "a merge closes");
            assertEquals(List.of(false, true, true), items.stream().map(Issue::draft).toList());
            List<dev.gqm.collect.Comment> comments = sink.pages.stream().flatMap(p -> p.comments().stream()).toList();
            assertEquals(1, comments.size());
            assertEquals(new Actor("support-bot", Actor.BOT), comments.get(0).author());
            assertEquals(ItemType.CHANGE_REQUEST, comments.get(0).on());
            List<dev.gqm.collect.Review> reviews = sink.pages.stream().flatMap(p -> p.reviews().stream()).toList();
            assertEquals(1, reviews.size());
            assertEquals("APPROVED", reviews.get(0).state());
            assertEquals(Instant.parse("2026-06-02T02:00:00Z"), reviews.get(0).submittedAt());
            // "locked" is no state we follow
            assertEquals(1, sink.pages.stream().mapToInt(p -> p.events().size()).sum());
        }
    }

    @Test
    void serviceAndTokenUsersAreBotsButLookalikesAreNot() {
        for (String bot : List.of("ghost", "GitLab-Admin-Bot", "alert-bot", "project_123_bot_x", "group_9_bot")) {
            assertTrue(GitLabPayloads.bot(bot, false), bot);
        }
        for (String person : List.of("project_manager", "robotics", "bot_builder", "alice")) {
            assertFalse(GitLabPayloads.bot(person, false), person);
        }
        assertTrue(GitLabPayloads.bot("alice", true));
    }
}
