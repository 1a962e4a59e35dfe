package dev.gqm.dataset;

import java.time.Instant;
import java.util.List;

/**
 * An issue or change request as it stood at as-of: its state changes up to then ({@code states},
 * oldest first: closes and reopens), {@code mergedAt} null unless merged by then; comments and
 * reviews are those made by then, oldest first (bots included: each metric decides). The state
 * at any earlier time t follows from the changes at or before t: open unless the last one is a
 * close, or the item was merged by t.
 */
public record TrackedItem(int number, String title, String url, Person author, Instant createdAt,
                          List<StateChange> states, Instant mergedAt, boolean draft, List<String> labels,
                          List<Response> comments, List<Response> reviews) {
    /** A close ({@code closes}) or a reopen, at a time. */
    public record StateChange(Instant at, boolean closes) {
    }

    public TrackedItem {
        states = List.copyOf(states);
        labels = List.copyOf(labels);
        comments = List.copyOf(comments);
        reviews = List.copyOf(reviews);
    }

    /**
     * When the item was closed, if it was closed at t: the time of its last close at or before t
     * (a merge closes), else null.
     */
    public Instant closedAt(Instant t) {
        Instant closed = null;
        for (StateChange change : states) {
            if (change.at().isAfter(t)) {
                break;
            }
            closed = change.closes() ? change.at() : null;
        }
        if (closed == null && mergedAt != null && !mergedAt.isAfter(t)) {
            return mergedAt;
        }
        return closed;
    }

    public boolean openAt(Instant t) {
        return !createdAt.isAfter(t) && closedAt(t) == null;
    }

    /** Closed at the window's end, its last close falling in the window. */
    public boolean closedIn(Window w) {
        Instant closed = closedAt(w.to());
        return closed != null && w.contains(closed);
    }

    public boolean mergedIn(Window w) {
        return mergedAt != null && w.contains(mergedAt);
    }

    /** Last activity at or before t: creation, or a comment or review by a non-bot. */
    public Instant lastActivity(Instant t) {
        Instant last = createdAt;
        for (List<Response> rs : List.of(comments, reviews)) {
            for (Response r : rs) {
                if (!r.by().bot() && !r.at().isAfter(t) && r.at().isAfter(last)) {
                    last = r.at();
                }
            }
        }
        return last;
    }

    /** The first response by a non-bot who is not the author, at or before t, or null. */
    public Response firstAnswer(List<Response> responses, Instant t) {
        for (Response r : responses) {
            if (r.at().isAfter(t)) {
                break;
            }
            if (!r.by().bot() && !r.by().key().equals(author.key()) && !r.at().isBefore(createdAt)) {
                return r;
            }
        }
        return null;
    }
}
