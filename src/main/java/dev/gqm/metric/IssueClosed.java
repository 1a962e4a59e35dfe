package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;

/** issue.closed: issues (not pull requests) closed in W. */
final class IssueClosed extends TrackerCount {
    @Override
    public String id() {
        return "issue.closed";
    }

    @Override
    public String definition() {
        return "issues (not pull requests) closed in W";
    }

    @Override
    public dev.gqm.model.Direction better() {
        return dev.gqm.model.Direction.HIGHER;
    }

    @Override
    boolean pulls() {
        return false;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.closedIn(q.window());
    }
}
