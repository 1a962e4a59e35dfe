package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;

/** change.acceptance_ratio: merged in W / (merged in W + closed unmerged in W). */
final class ChangeAcceptanceRatio extends TrackerRatio {
    @Override
    public String id() {
        return "change.acceptance_ratio";
    }

    @Override
    public String definition() {
        return "merged in W / (merged in W + closed unmerged in W)";
    }

    @Override
    boolean pulls() {
        return true;
    }

    @Override
    boolean considered(TrackedItem t, MetricQuery q) {
        return t.mergedIn(q.window()) || (t.mergedAt() == null && t.closedIn(q.window()));
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.mergedIn(q.window());
    }
}
