package dev.gqm.collect.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.Review;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads real gitlab.com answers, recorded by Gitea's and Danger's tests (see src/test/resources/gitlab/NOTICE.md). */
class RecordedGitLabTest {
    static final String GITEA = "GET_%2Fapi%2Fv4%2Fprojects%2F15578026%2F";

    static GitLabIssueSourceTest.Sink collect(RecordedGitLab gitlab, String project) throws Exception {
        GitLabIssueSourceTest.Sink sink = new GitLabIssueSourceTest.Sink();
        new GitLabIssueSource(project, gitlab.url(), null, d -> { }, Clock.systemUTC(), line -> { },
                Duration.ofMinutes(1), Duration.ofSeconds(5)).collect(Map.of(), sink);
        return sink;
    }

    @Test
    void giteasTestProjectIssuesNotesAndClosedMergeRequests() throws Exception {
        Path gitea = RecordedGitLab.resource("gitea");
        try (RecordedGitLab gitlab = new RecordedGitLab()) {
            gitlab.serve("issues", gitea.resolve(GITEA + "issues%3Fpage%3D1%26per_page%3D2%26sort%3Dasc%26state%3Dall"))
                    .serve("issues/2/discussions", gitea.resolve(GITEA + "issues%2F2%2Fdiscussions%3Fpage%3D1%26per_page%3D100"))
                    .serve("issues/2/resource_state_events",
                            gitea.resolve(GITEA + "issues%2F2%2Fresource_state_events%3Fpage%3D1%26per_page%3D100"))
                    // the listing's elements have the shape of the single merge request
                    .serveList("merge_requests", gitea.resolve(GITEA + "merge_requests%2F4"),
                            gitea.resolve(GITEA + "merge_requests%2F3"));
            GitLabIssueSourceTest.Sink sink = collect(gitlab, "gitea/test_repo");
            List<Issue> items = sink.items();
            assertEquals(4, items.size());
            Issue one = items.get(0);
            assertEquals(27687675L, one.id());
            assertEquals(1, one.number());
            assertEquals("Please add an animated gif icon to the merge button", one.title());
            assertEquals(new Actor("lafriks", "User"), one.author());
            assertEquals(Instant.parse("2019-11-28T08:46:23.275Z"), one.closedAt());
            assertEquals(List.of("bug", "discussion"), one.labels());
            assertEquals("closed", one.state());
            assertFalse(one.changeRequest());
            // the recorded Link header names page 2 on gitlab.com: followed here, rewritten
            assertTrue(gitlab.requests.stream().anyMatch(r -> r.contains("/issues?") && r.contains("page=2")),
                    gitlab.requests.toString());

            // issue 2: two comments; "changed milestone to %2" and "closed" are system notes
            List<Comment> comments = sink.pages.stream().flatMap(p -> p.comments().stream()).toList();
            assertEquals(List.of(251637434L, 251637999L), comments.stream().map(Comment::id).toList());
            assertTrue(comments.stream().allMatch(c -> c.issueNumber() == 2 && c.on() == ItemType.ISSUE));
            // its resource state events are empty (closed in 2019, before GitLab kept them): its
            // "closed" system note stands in, by lafriks at 08:45:45
            List<StateEvent> events = sink.pages.stream().flatMap(p -> p.events().stream()).toList();
            assertEquals(List.of(new StateEvent(ItemType.ISSUE, 2, new Actor("lafriks", "User"),
                    Instant.parse("2019-11-28T08:45:45.007Z"), StateEvent.Kind.CLOSED)), events);

            Issue four = items.get(2);
            assertTrue(four.changeRequest());
            assertEquals(4, four.number());
            assertEquals(gitlab.url() + "/gitea/test_repo/-/merge_requests/4", four.url(), "web_url, as rewritten");
            assertEquals("closed", four.state());
            assertNull(four.mergedAt());
            assertEquals(Instant.parse("2025-11-25T09:43:14.581Z"), four.closedAt());
            assertFalse(four.draft());
            assertEquals(Instant.parse("2025-11-25T13:46:43.471Z"), sink.cursors.get(GitLabIssueSource.MERGE_REQUESTS));
        }
    }

    @Test
    void dangersMergeRequestDiffNotesAreReviewsAndSystemNotesNothing() throws Exception {
        Path danger = RecordedGitLab.resource("danger");
        try (RecordedGitLab gitlab = new RecordedGitLab()) {
            gitlab.serveList("merge_requests", danger.resolve("merge_request_1_response.json"))
                    .serve("merge_requests/1/discussions", danger.resolve("merge_request_1_discussions_response.json"));
            GitLabIssueSourceTest.Sink sink = collect(gitlab, "k0nserv/danger-test");
            Issue mr = sink.items().get(0);
            assertEquals(new Actor("k0nserv", "User"), mr.author());
            assertFalse(mr.draft(), "work_in_progress: false, the 2019 shape without draft");
            assertEquals(List.of("test-label"), mr.labels());
            // 6 system notes ("Added 3 commits", "Added ~392754 label", "mentioned in ...") are
            // nothing; k0nserv's 2 notes and pbendersky's 3 DiffNotes are comments
            List<Comment> comments = sink.pages.stream().flatMap(p -> p.comments().stream()).toList();
            assertEquals(List.of(13471894L, 15639593L, 140674746L, 140674769L, 141485123L),
                    comments.stream().map(Comment::id).toList());
            assertTrue(comments.stream().allMatch(c -> c.on() == ItemType.CHANGE_REQUEST));
            // the DiffNotes are by someone other than the author: reviews
            List<Review> reviews = sink.pages.stream().flatMap(p -> p.reviews().stream()).toList();
            assertEquals(List.of(140674746L, 140674769L, 141485123L), reviews.stream().map(Review::id).toList());
            assertEquals(new Review(140674746L, 1, new Actor("pbendersky", "User"),
                    Instant.parse("2019-02-12T19:26:30.615Z"), "COMMENTED"), reviews.get(0));
            assertEquals(List.of(), sink.pages.stream().flatMap(p -> p.events().stream()).toList());
        }
    }
}
