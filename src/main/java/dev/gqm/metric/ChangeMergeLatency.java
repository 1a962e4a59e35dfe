package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import java.time.Instant;

/** change.merge_latency: pull requests merged in W, merged − created. */
final class ChangeMergeLatency extends TrackerDuration {
    @Override
    public String id() {
        return "change.merge_latency";
    }

    @Override
    public String definition() {
        return "pull requests merged in W: merged - created (median)";
    }

    @Override
    boolean pulls() {
        return true;
    }

    @Override
    boolean observed(TrackedItem t, MetricQuery q) {
        return t.mergedIn(q.window());
    }

    @Override
    Instant end(TrackedItem t, MetricQuery q) {
        return t.mergedAt();
    }
}
