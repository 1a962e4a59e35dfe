package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import java.time.Instant;

/** issue.age: age at as-of of open issues (median). */
final class IssueAge extends TrackerDuration {
    @Override
    public String id() {
        return "issue.age";
    }

    @Override
    public String definition() {
        return "age at as_of of open issues (median)";
    }

    @Override
    boolean pulls() {
        return false;
    }

    @Override
    public boolean readsOnlyOpenItems() {
        return true;
    }

    @Override
    boolean observed(TrackedItem t, MetricQuery q) {
        return t.openAt(q.asOf());
    }

    @Override
    Instant end(TrackedItem t, MetricQuery q) {
        return q.asOf();
    }
}
