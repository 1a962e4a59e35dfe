package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.ParamSpec;
import java.util.List;

/** change.stale: open pull requests with no activity (creation, non-bot comment or review) within inactive_for. */
final class ChangeStale extends TrackerCount {
    @Override
    public String id() {
        return "change.stale";
    }

    @Override
    public String definition() {
        return "open pull requests with no activity (creation, non-bot comment or review) within `inactive_for` (default 30d)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(LABELS, EXCLUDE_LABELS, INACTIVE_FOR);
    }

    @Override
    public dev.gqm.model.Direction better() {
        return dev.gqm.model.Direction.LOWER;
    }

    @Override
    boolean pulls() {
        return true;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.openAt(q.asOf()) && t.lastActivity(q.asOf()).isBefore(q.asOf().minus(q.use().duration("inactive_for").toJava()));
    }
}
