package dev.gqm.metric;

import dev.gqm.dataset.Response;
import dev.gqm.dataset.TrackedItem;
import java.time.Instant;

/** issue.first_response_time: creation to the first comment by a non-bot who is not the author. */
final class IssueFirstResponseTime extends TrackerDuration {
    @Override
    public String id() {
        return "issue.first_response_time";
    }

    @Override
    public String definition() {
        return "issues created in W: creation to the first comment by a non-bot who is not the author"
                + " (default stat survival_median; unanswered issues are listed)";
    }

    @Override
    boolean waiting() {
        return true;
    }

    @Override
    String event() {
        return "answered";
    }

    @Override
    boolean pulls() {
        return false;
    }

    @Override
    boolean observed(TrackedItem t, MetricQuery q) {
        return q.window().contains(t.createdAt());
    }

    @Override
    Instant end(TrackedItem t, MetricQuery q) {
        Response r = t.firstAnswer(t.comments(), q.asOf());
        return r == null ? null : r.at();
    }
}
