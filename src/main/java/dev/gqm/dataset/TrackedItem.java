package dev.gqm.dataset;

import java.time.Instant;
import java.util.List;

/**
 * An issue or pull request as it stood at as-of: {@code closedAt} is null when it was still open
 * then, {@code mergedAt} null unless merged by then; comments and reviews are those made by then,
 * oldest first (bots included: each metric decides).
 */
public record TrackedItem(int number, String title, String url, Person author, Instant createdAt, Instant closedAt,
                          Instant mergedAt, boolean draft, List<String> labels, List<Response> comments,
                          List<Response> reviews) {
    public TrackedItem {
        labels = List.copyOf(labels);
        comments = List.copyOf(comments);
        reviews = List.copyOf(reviews);
    }

    public boolean openAt(Instant t) {
        return !createdAt.isAfter(t) && (closedAt == null || closedAt.isAfter(t));
    }

    public boolean closedIn(Window w) {
        return closedAt != null && w.contains(closedAt);
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
