package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The charts of one report, each drawn once on the report's threads (or taken from
 * {@link ReportAhead}) and shared by the formats that show them.
 */
final class ReportCharts {
    private final Map<MetricFiles, CompletableFuture<DrawnChart>> charts = new LinkedHashMap<>();

    /** The chart of one metric, to be completed by the drawing task; planned before any task starts. */
    CompletableFuture<DrawnChart> plan(MetricFiles files) {
        return charts.computeIfAbsent(files, f -> new CompletableFuture<>());
    }

    /** The chart of {@code metric} in goal {@code goalId}, waiting while it is being drawn. */
    DrawnChart of(String goalId, MetricResult metric) {
        CompletableFuture<DrawnChart> chart = charts.get(new MetricFiles(goalId, metric.use().id()));
        if (chart == null) {
            throw new IllegalArgumentException("no chart planned for " + goalId + "/" + metric.use().id());
        }
        return chart.join();
    }

    /** A chart that was never drawn must not keep a format waiting. */
    void abandon() {
        charts.values().forEach(f -> f.completeExceptionally(new IOException("chart not drawn")));
    }
}
