package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.Direction;
import dev.gqm.model.Sample;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.util.List;

/** issue.closure_ratio: issues closed in W / issues opened in W; no data when none were opened. */
final class IssueClosureRatio extends TrackerMetric {
    @Override
    public String id() {
        return "issue.closure_ratio";
    }

    @Override
    public String definition() {
        return "issue.closed / issue.opened in W";
    }

    @Override
    public Direction better() {
        return Direction.HIGHER;
    }

    @Override
    public Unit unit() {
        return Unit.RATIO;
    }

    @Override
    public Stat defaultStat() {
        return Stat.RATIO;
    }

    @Override
    boolean pulls() {
        return false;
    }

    @Override
    Measurement measure(List<TrackedItem> items, MetricQuery q) {
        ItemTable.Builder table = itemTable("opened_in_window", "closed_in_window");
        int opened = 0;
        int closed = 0;
        for (TrackedItem t : items) {
            boolean o = q.window().contains(t.createdAt());
            boolean c = t.closedIn(q.window());
            if (o || c) {
                table.row(cells(t, o ? "yes" : "no", c ? "yes" : "no"));
            }
            opened += o ? 1 : 0;
            closed += c ? 1 : 0;
        }
        if (opened == 0) {
            return Measurement.noData("no issue opened in the window", table.build());
        }
        return Measurement.of((double) closed / opened, table.build(),
                Sample.ratio(closed, opened, closed + " closed of " + opened + " opened in the window"));
    }
}
