package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.ParamSpec;
import java.util.List;

/** issue.stale: open issues whose last activity (creation, or a comment by a non-bot) is older than inactive_for. */
final class IssueStale extends TrackerCount {
    @Override
    public String id() {
        return "issue.stale";
    }

    @Override
    public String definition() {
        return "open issues whose last activity (creation, or a comment by a non-bot) is older than `inactive_for` (default 30d)";
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
        return false;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.openAt(q.asOf()) && t.lastActivity(q.asOf()).isBefore(q.asOf().minus(q.use().duration("inactive_for").toJava()));
    }
}
