package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;

/** issue.opened: issues (not pull requests) created in W. */
final class IssueOpened extends TrackerCount {
    @Override
    public String id() {
        return "issue.opened";
    }

    @Override
    public String definition() {
        return "issues (not pull requests) created in W";
    }

    @Override
    boolean pulls() {
        return false;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return q.window().contains(t.createdAt());
    }
}
