package dev.gqm.metric;

import java.time.Instant;

/**
 * One point of a metric's time series: the metric as of the end of the bucket (or as-of, for the
 * last); {@code censored} when the value is a lower bound only.
 */
public record SeriesPointValue(Instant periodStart, Double value, boolean censored) {
}
