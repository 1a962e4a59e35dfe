package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.Direction;
import dev.gqm.model.ParamSpec;
import java.util.List;

/**
 * issue.stale / change.stale: open items of the kind whose last activity (creation, or a comment or
 * review by a non-bot) is older than {@code inactive_for}.
 */
final class Stale extends KindCount {
    Stale(ItemKind kind) {
        super(kind, "stale");
    }

    @Override
    public String definition() {
        return kind.pick("open issues whose last activity (creation, or a comment by a non-bot) is older than"
                        + " `inactive_for` (default 30d)",
                "open pull requests with no activity (creation, non-bot comment or review) within `inactive_for`"
                        + " (default 30d)");
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(LABELS, EXCLUDE_LABELS, INACTIVE_FOR);
    }

    @Override
    public Direction better() {
        return Direction.LOWER;
    }

    @Override
    public boolean readsOnlyOpenItems() {
        return true;
    }

    @Override
    boolean counts(TrackedItem t, MetricQuery q) {
        return t.openAt(q.asOf()) && t.lastActivity(q.asOf()).isBefore(q.asOf().minus(q.use().duration("inactive_for").toJava()));
    }
}
