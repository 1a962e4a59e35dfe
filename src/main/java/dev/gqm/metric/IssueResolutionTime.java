package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import java.time.Instant;

/** issue.resolution_time: issues closed in W, closed − created. */
final class IssueResolutionTime extends TrackerDuration {
    @Override
    public String id() {
        return "issue.resolution_time";
    }

    @Override
    public String definition() {
        return "issues closed in W: closed - created (median)";
    }

    @Override
    boolean pulls() {
        return false;
    }

    @Override
    boolean observed(TrackedItem t, MetricQuery q) {
        return t.closedIn(q.window());
    }

    @Override
    Instant end(TrackedItem t, MetricQuery q) {
        return t.closedAt(q.window().to());
    }
}
