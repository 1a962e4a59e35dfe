package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;

/** change.open: pull requests open at as_of. */
final class ChangeOpen extends TrackerCount {
    @Override
    public String id() {
        return "change.open";
    }

    @Override
    public String definition() {
        return "pull requests open at as_of";
    }

    @Override
    boolean pulls() {
        return true;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.openAt(q.asOf());
    }
}
