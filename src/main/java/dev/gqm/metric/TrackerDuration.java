package dev.gqm.metric;

import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.Direction;
import dev.gqm.model.Sample;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A duration in hours per item of the metric, reduced by the use's stat. Items whose event has not
 * happened yet (unanswered, unreviewed) are listed with an empty end: {@code median}, {@code mean},
 * {@code p90}, {@code min} and {@code max} are over the items that had their event; the survival
 * stats ({@link #waiting()} metrics only) take every item, those still waiting censored at the
 * earlier of as-of and their close or merge (SPEC §4 "Stats of durations"). For those, an answer
 * that came only after the item was closed or merged is no answer to its wait: the item stopped
 * waiting unanswered, and is censored at its close whichever stat is asked.
 */
abstract class TrackerDuration extends TrackerMetric {
    /** Whether the item belongs to the metric at as-of. */
    abstract boolean observed(TrackedItem item, MetricQuery q);

    /** The end of the measured span, or null when there is none yet. */
    abstract Instant end(TrackedItem item, MetricQuery q);

    Instant start(TrackedItem item) {
        return item.createdAt();
    }

    /**
     * True for a waiting time whose event may not have happened yet: its default stat is
     * {@code survival_median}, and items without the event are censored rather than dropped.
     */
    boolean waiting() {
        return false;
    }

    /** The past participle of the event, for the sample in words: "answered 31 of 40 issues". */
    String event() {
        return "measured";
    }

    @Override
    public Unit unit() {
        return Unit.HOURS;
    }

    @Override
    public Direction better() {
        return Direction.LOWER;
    }

    @Override
    public Stat defaultStat() {
        return waiting() ? Stat.SURVIVAL_MEDIAN : Stat.MEDIAN;
    }

    @Override
    public Set<Stat> stats() {
        return waiting()
                ? Set.of(Stat.SURVIVAL_MEDIAN, Stat.SURVIVAL_P90, Stat.MEDIAN, Stat.MEAN, Stat.P90, Stat.MIN, Stat.MAX)
                : Set.of(Stat.MEDIAN, Stat.MEAN, Stat.P90, Stat.MIN, Stat.MAX);
    }

    @Override
    Measurement measure(List<TrackedItem> items, MetricQuery q) {
        ItemTable.Builder table = waiting()
                ? itemTable("end_at", "hours", "waiting_days", "closed_unanswered_days")
                : itemTable("end_at", "hours");
        List<Double> hours = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        List<Boolean> events = new ArrayList<>();
        for (TrackedItem t : items) {
            if (!observed(t, q)) {
                continue;
            }
            Instant end = end(t, q);
            Instant censoredAt = waiting() ? censoredAt(t, q.asOf()) : null;
            if (end != null && censoredAt != null && end.isAfter(censoredAt)) {
                end = null;
            }
            Double h = end == null ? null : Math.round(hoursBetween(start(t), end) * 100) / 100.0;
            if (waiting()) {
                boolean stillOpen = censoredAt.equals(q.asOf());
                Object waitingDays = end == null && stillOpen ? days(start(t), censoredAt) : "";
                Object closedDays = end == null && !stillOpen ? days(start(t), censoredAt) : "";
                table.row(cells(t, end == null ? "" : end, h == null ? "" : h, waitingDays, closedDays));
                times.add(hoursBetween(start(t), end == null ? censoredAt : end));
                events.add(end != null);
            } else {
                table.row(cells(t, end == null ? "" : end, h == null ? "" : h));
            }
            if (h != null) {
                hours.add(hoursBetween(start(t), end));
            }
        }
        long n = waiting() ? times.size() : hours.size();
        Sample sample = Sample.durations(n, hours.size(), sampleText(hours.size(), n));
        Stat stat = q.use().stat();
        if (stat.survival()) {
            if (times.isEmpty()) {
                return Measurement.noData("nothing to measure in the window", table.build());
            }
            KaplanMeier km = new KaplanMeier(times.stream().mapToDouble(Double::doubleValue).toArray(),
                    toArray(events));
            KaplanMeier.Estimate e = km.quantile(stat == Stat.SURVIVAL_P90 ? 0.9 : 0.5);
            return e.reached() ? Measurement.of(e.value(), table.build(), sample)
                    : Measurement.atLeast(e.value(), table.build(), sample);
        }
        if (hours.isEmpty()) {
            return new Measurement(null, table.build(), "nothing to measure in the window", sample, false, List.of());
        }
        double value = Observations.reduce(stat, hours.stream().mapToDouble(Double::doubleValue).toArray());
        return Measurement.of(value, table.build(), sample);
    }

    private String sampleText(long observed, long n) {
        String noun = noun(n);
        return waiting() ? event() + " " + observed + " of " + n + " " + noun : n + " " + noun;
    }

    /** An item still waiting is censored when it was closed (or merged), or at as-of if it is still open. */
    private static Instant censoredAt(TrackedItem t, Instant asOf) {
        Instant closed = t.closedAt(asOf);
        Instant merged = t.mergedAt() != null && !t.mergedAt().isAfter(asOf) ? t.mergedAt() : null;
        Instant at = asOf;
        if (closed != null && closed.isBefore(at)) {
            at = closed;
        }
        if (merged != null && merged.isBefore(at)) {
            at = merged;
        }
        return at;
    }

    private static boolean[] toArray(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
