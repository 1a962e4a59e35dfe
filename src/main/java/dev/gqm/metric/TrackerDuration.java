package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A duration in hours per observed item, reduced by the use's stat (median by default). Items
 * without an end (unanswered, unreviewed) are listed with an empty duration and left out of the stat.
 */
abstract class TrackerDuration extends TrackerMetric {
    abstract boolean observed(TrackedItem item, MetricQuery q);

    /** The end of the measured span, or null when there is none yet. */
    abstract Instant end(TrackedItem item, MetricQuery q);

    Instant start(TrackedItem item) {
        return item.createdAt();
    }

    @Override
    public Unit unit() {
        return Unit.HOURS;
    }

    @Override
    public Stat defaultStat() {
        return Stat.MEDIAN;
    }

    @Override
    public Set<Stat> stats() {
        return Set.of(Stat.MEDIAN, Stat.MEAN, Stat.P90, Stat.MIN, Stat.MAX);
    }

    @Override
    Measurement measure(List<TrackedItem> items, MetricQuery q) {
        ItemTable.Builder table = itemTable("end_at", "hours");
        List<Double> hours = new ArrayList<>();
        for (TrackedItem t : items) {
            if (!observed(t, q)) {
                continue;
            }
            Instant end = end(t, q);
            Double h = end == null ? null : Math.round(hoursBetween(start(t), end) * 100) / 100.0;
            table.row(cells(t, end == null ? "" : end, h == null ? "" : h));
            if (h != null) {
                hours.add(hoursBetween(start(t), end));
            }
        }
        if (hours.isEmpty()) {
            return Measurement.noData("nothing to measure in the window", table.build());
        }
        double value = Observations.reduce(q.use().stat(), hours.stream().mapToDouble(Double::doubleValue).toArray());
        return Measurement.of(value, table.build());
    }
}
