package dev.gqm.evaluate;

import java.time.Instant;

/**
 * One bucket of a metric's time series: the metric as of the bucket's end over the whole window (a
 * rolling value). {@code value} is null when the bucket had nothing to measure; {@code censored}
 * marks a lower bound; {@code status} is what the point would have been judged.
 */
public record SeriesPoint(Instant periodStart, Double value, boolean censored, Status status) {
    public SeriesPoint(Instant periodStart, Double value) {
        this(periodStart, value, false, value == null ? Status.NO_DATA : Status.INFO);
    }
}
