package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;

/** issue.open: issues open at as-of (one closed after as-of was open then). */
final class IssueOpen extends TrackerCount {
    @Override
    public String id() {
        return "issue.open";
    }

    @Override
    public String definition() {
        return "issues open at as_of";
    }

    @Override
    boolean pulls() {
        return false;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.openAt(q.asOf());
    }
}
