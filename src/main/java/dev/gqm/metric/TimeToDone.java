package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import java.time.Instant;

/**
 * issue.resolution_time / change.merge_latency: items of the kind done in W — issues closed,
 * change requests merged — from creation to that end (median).
 */
final class TimeToDone extends TrackerDuration {
    private final ItemKind kind;

    TimeToDone(ItemKind kind) {
        this.kind = kind;
    }

    @Override
    public String id() {
        return kind.id(kind.pick("resolution_time", "merge_latency"));
    }

    @Override
    public String definition() {
        return kind.pick("issues closed in W: closed - created (median)",
                "pull requests merged in W: merged - created (median)");
    }

    @Override
    boolean pulls() {
        return kind.changes();
    }

    @Override
    boolean observed(TrackedItem t, MetricQuery q) {
        return kind.changes() ? t.mergedIn(q.window()) : t.closedIn(q.window());
    }

    @Override
    Instant end(TrackedItem t, MetricQuery q) {
        return kind.changes() ? t.mergedAt() : t.closedAt(q.window().to());
    }
}
