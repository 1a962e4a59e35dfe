package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;

/** change.merged: pull requests (not by bots) merged in W. */
final class ChangeMerged extends TrackerCount {
    @Override
    public String id() {
        return "change.merged";
    }

    @Override
    public String definition() {
        return "pull requests (not by bots) merged in W";
    }

    @Override
    public dev.gqm.model.Direction better() {
        return dev.gqm.model.Direction.HIGHER;
    }

    @Override
    boolean pulls() {
        return true;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.mergedIn(q.window());
    }
}
