package dev.gqm.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.TrackerRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state of an item at any time, from its state events where the source keeps them. */
class IssueDataStatesTest {
    private static final Actor ANN = new Actor("ann", "User");

    private static Instant day(int d) {
        return Instant.parse("2025-03-01T00:00:00Z").plus(Duration.ofDays(d - 1));
    }

    private static Issue issue(int number, Instant closedNow) {
        return new Issue(number, number, "i" + number, "u", ANN, "", day(1), day(20), closedNow, false, null, false,
                List.of(), closedNow == null ? "opened" : "closed");
    }

    private static StateEvent event(int number, int d, StateEvent.Kind kind) {
        return new StateEvent(ItemType.ISSUE, number, ANN, day(d), kind);
    }

    private static IssueData build(List<Issue> items, List<Comment> comments, List<StateEvent> events, Instant asOf) {
        return IssueData.build(new TrackerRecords(items, comments, List.of(), events),
                new IdentityResolver(Mailmap.empty(), null), asOf);
    }

    @Test
    void closedReopenedAndClosedAgainIsOpenOrClosedExactlyAsItWasThen() {
        // closed on day 5, reopened on day 8, closed on day 12 (its present close time)
        List<StateEvent> events = List.of(event(1, 5, StateEvent.Kind.CLOSED), event(1, 8, StateEvent.Kind.REOPENED),
                event(1, 12, StateEvent.Kind.CLOSED));
        TrackedItem t = build(List.of(issue(1, day(12))), List.of(), events, day(30)).issues().get(0);
        assertTrue(t.openAt(day(4)));
        assertFalse(t.openAt(day(6)));
        assertEquals(day(5), t.closedAt(day(6)));
        assertTrue(t.openAt(day(9)), "reopened on day 8");
        assertNull(t.closedAt(day(9)));
        assertEquals(day(12), t.closedAt(day(30)));
        // closed in (day 3, day 7]: closed at day 7, its last close (day 5) inside
        assertTrue(t.closedIn(new Window(day(3), day(7))));
        // not closed in (day 3, day 10]: open again at day 10
        assertFalse(t.closedIn(new Window(day(3), day(10))));
        assertTrue(t.closedIn(new Window(day(10), day(30))));

        // as of day 10 the item is open, although it is closed now
        TrackedItem then = build(List.of(issue(1, day(12))), List.of(), events, day(10)).issues().get(0);
        assertTrue(then.openAt(day(10)));
        assertEquals(2, then.states().size(), "changes after as-of do not exist yet");
    }

    @Test
    void withoutEventsThePresentCloseTimeIsTheOneClose() {
        TrackedItem t = build(List.of(issue(2, day(5))), List.of(), List.of(), day(30)).issues().get(0);
        assertTrue(t.openAt(day(4)));
        assertEquals(day(5), t.closedAt(day(6)));
        assertTrue(build(List.of(issue(2, day(5))), List.of(), List.of(), day(4)).issues().get(0).openAt(day(4)));
    }

    @Test
    void aMergeClosesAndCommentsFollowTheirItemsKind() {
        Issue change = new Issue(9, 2, "mr", "u", ANN, "", day(1), day(9), null, true, day(6), false, List.of(),
                "merged");
        Comment onIssue = new Comment(1, 2, new Actor("bob", "User"), day(2), day(2), ItemType.ISSUE);
        Comment onChange = new Comment(2, 2, new Actor("cy", "User"), day(3), day(3), ItemType.CHANGE_REQUEST);
        Comment onEither = new Comment(3, 2, new Actor("dee", "User"), day(4), day(4));
        IssueData data = build(List.of(issue(2, null), change), List.of(onIssue, onChange, onEither),
                List.of(new StateEvent(ItemType.CHANGE_REQUEST, 2, ANN, day(6), StateEvent.Kind.MERGED)), day(30));
        TrackedItem pull = data.pulls().get(0);
        assertFalse(pull.openAt(day(7)), "merged (GitLab leaves closed_at empty on a merge)");
        assertEquals(day(6), pull.closedAt(day(7)));
        assertTrue(pull.openAt(day(5)));
        assertEquals(List.of(day(3), day(4)), pull.comments().stream().map(Response::at).toList());
        TrackedItem issue = data.issues().get(0);
        assertTrue(issue.openAt(day(30)), "the merge request's events are not the issue's");
        assertEquals(List.of(day(2), day(4)), issue.comments().stream().map(Response::at).toList());
    }
}
