package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.Direction;

/** issue.opened / change.opened: items of the kind created in W. */
final class Opened extends KindCount {
    Opened(ItemKind kind) {
        super(kind, "opened");
    }

    @Override
    public String definition() {
        return kind.pick("issues (not pull requests) created in W", "pull requests (not by bots) created in W");
    }

    /** More change requests is more contribution; more issues says nothing either way. */
    @Override
    public Direction better() {
        return kind.changes() ? Direction.HIGHER : Direction.NEITHER;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return q.window().contains(t.createdAt());
    }
}
