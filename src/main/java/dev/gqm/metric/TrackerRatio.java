package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.Direction;
import dev.gqm.model.Sample;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.util.List;

/** A share 0..1: items that count over items considered; no data when none are considered. */
abstract class TrackerRatio extends TrackerMetric {
    abstract boolean considered(TrackedItem item, MetricQuery q);

    abstract boolean counts(TrackedItem item, MetricQuery q);

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
    Measurement measure(List<TrackedItem> items, MetricQuery q) {
        ItemTable.Builder table = itemTable("counted");
        int considered = 0;
        int counted = 0;
        for (TrackedItem t : items) {
            if (considered(t, q)) {
                considered++;
                boolean c = counts(t, q);
                counted += c ? 1 : 0;
                table.row(cells(t, c ? "yes" : "no"));
            }
        }
        if (considered == 0) {
            return Measurement.noData("nothing to measure in the window", table.build());
        }
        return Measurement.of((double) counted / considered, table.build(),
                Sample.ratio(counted, considered, counted + " of " + considered + " " + noun(considered)));
    }
}
