package dev.gqm.evaluate;

import java.time.Instant;

/** One bucket of a metric's time series; {@code value} is null when the bucket had nothing to measure. */
public record SeriesPoint(Instant periodStart, Double value) {
}
