package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.SeriesPoint;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Unit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of a report that can be done before its results are known, while the Git history is
 * read and a core is partly idle, instead of after it:
 * <ul>
 *   <li>the charts of results known in advance: a metric whose source is not configured (issue
 *       metrics without {@code --github}) is no-data whatever the data. {@link ReportWriter} uses
 *       a drawing only when it was made from exactly the inputs of the measured result's chart, so
 *       a report is the same with or without them;</li>
 *   <li>the page's template compiled, and the HTML escaper and JSON writer started (their class
 *       initialisers alone take a tenth of a second).</li>
 * </ul>
 */
public final class ReportAhead {
    /** Nothing done ahead: every chart is drawn with its report. */
    public static final ReportAhead NONE = new ReportAhead();

    /** A result expected for a metric of a goal, before it is measured. */
    public record Expected(String goalId, MetricResult result) {
    }

    /** Exactly what a chart is drawn from (see {@link MetricChart#chart}) and the page element it becomes. */
    private record Key(String elementId, MetricUse use, Unit unit, List<SeriesPoint> drawn) {
        static Key of(String goalId, MetricResult metric) {
            List<SeriesPoint> drawn = metric.series().stream()
                    .filter(p -> p.value() != null && Double.isFinite(p.value())).toList();
            return new Key(HtmlDashboard.chartId(goalId, metric), metric.use(), metric.unit(), drawn);
        }
    }

    private final Map<Key, CompletableFuture<DrawnChart>> drawings = new ConcurrentHashMap<>();

    private ReportAhead() {
    }

    /**
     * Starts drawing the chart of each expected result, in order, then preparing the page, on one
     * daemon thread (a run that ends first does not wait for it); returns at once.
     */
    public static ReportAhead start(List<Expected> expected) {
        ReportAhead ahead = new ReportAhead();
        List<Map.Entry<Key, MetricResult>> work = expected.stream()
                .map(e -> Map.entry(Key.of(e.goalId(), e.result()), e.result())).toList();
        for (Map.Entry<Key, MetricResult> w : work) {
            ahead.drawings.putIfAbsent(w.getKey(), new CompletableFuture<>());
        }
        Thread thread = new Thread(() -> {
            for (Map.Entry<Key, MetricResult> w : work) {
                CompletableFuture<DrawnChart> drawing = ahead.drawings.get(w.getKey());
                if (drawing.isDone()) {
                    continue;
                }
                try {
                    drawing.complete(DrawnChart.draw(w.getValue(), w.getKey().elementId()));
                } catch (Exception | Error e) {
                    // the report draws this chart itself, and reports a failure then
                    drawing.completeExceptionally(e);
                }
            }
            try {
                HtmlDashboard.prepare();
                JsonSummary.prepare();
            } catch (Exception | Error e) {
                // the report meets this again, and reports it
            }
        }, "gqm-report-ahead");
        thread.setDaemon(true);
        thread.start();
        return ahead;
    }

    /**
     * The chart drawn ahead for exactly this result of this goal, waiting for it if it is being
     * drawn; null when none was, or when drawing it failed.
     */
    DrawnChart take(String goalId, MetricResult metric) {
        if (drawings.isEmpty()) {
            return null;
        }
        CompletableFuture<DrawnChart> drawing = drawings.get(Key.of(goalId, metric));
        if (drawing == null) {
            return null;
        }
        try {
            return drawing.join();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
