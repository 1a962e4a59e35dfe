package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;

/** change.opened: pull requests (not by bots) created in W. */
final class ChangeOpened extends TrackerCount {
    @Override
    public String id() {
        return "change.opened";
    }

    @Override
    public String definition() {
        return "pull requests (not by bots) created in W";
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
        return q.window().contains(t.createdAt());
    }
}
