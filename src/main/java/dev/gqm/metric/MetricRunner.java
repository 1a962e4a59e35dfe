package dev.gqm.metric;

import dev.gqm.dataset.Dataset;
import dev.gqm.dataset.Window;
import dev.gqm.model.MetricUse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a metric use as of as-of, and its time series: one point per bucket, the metric as of
 * the bucket's end (as-of itself for the last bucket) over the same window, so the last point is
 * the reported value and threshold lines apply to every point.
 */
public final class MetricRunner {
    private final MetricCatalog catalog;

    public MetricRunner(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    public Outcome run(MetricUse use, Dataset data) {
        Metric metric = catalog.find(use.metric())
                .orElseThrow(() -> new IllegalArgumentException("unknown metric " + use.metric()));
        java.time.Duration length = use.window().toJava();
        Instant asOf = data.asOf();
        Measurement current = metric.measure(new MetricQuery(data, asOf, Window.ending(asOf, length), use));
        List<SeriesPointValue> series = new ArrayList<>();
        Instant earliest = data.earliest();
        for (Buckets.Bucket b : Buckets.endingAt(asOf, use.period())) {
            Instant at = b.end().isAfter(asOf) ? asOf : b.end();
            if (earliest == null || at.isBefore(earliest)) {
                continue;
            }
            Measurement m = at.equals(asOf) ? current : metric.measure(new MetricQuery(data, at, Window.ending(at, length), use));
            series.add(new SeriesPointValue(b.start(), m.value(), m.censored()));
        }
        return new Outcome(current, series);
    }
}
