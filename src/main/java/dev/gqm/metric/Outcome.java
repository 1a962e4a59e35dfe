package dev.gqm.metric;

import java.util.List;

/** A measurement as of as-of with its time series. */
public record Outcome(Measurement current, List<SeriesPointValue> series) {
    public Outcome {
        series = List.copyOf(series);
    }
}
