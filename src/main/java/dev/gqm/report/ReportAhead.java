package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.SeriesPoint;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The part of a report that can be done before its results are known, cut into units that run
 * in the moments a collection would otherwise wait for the Git walk (see {@link #units()}), or on
 * a thread of their own ({@link #finishInBackground()}):
 * <ul>
 *   <li>the charts of results known in advance: a metric whose source is not configured (issue
 *       metrics without {@code --github}) is no-data whatever the data. {@link ReportWriter} uses
 *       a drawing only when it was made from exactly the inputs of the measured result's chart, so
 *       a report is the same with or without them;</li>
 *   <li>each format's {@link Format#prepare}: the page's template compiled, the HTML escaper and
 *       JSON writer started (their class initialisers alone take a tenth of a second).</li>
 * </ul>
 * Each unit runs once, on whichever thread gets to it first; one the report needs and nobody ran
 * yet runs on the report's thread.
 */
public final class ReportAhead {
    /** Nothing done ahead: every chart is drawn with its report. */
    public static final ReportAhead NONE = new ReportAhead();

    /** A result expected for a metric of a goal, answering {@code question} (its text), before it is measured. */
    public record Expected(String goalId, String question, MetricResult result) {
    }

    /**
     * Exactly what a chart is drawn from (see {@link MetricChart#chart}) and the page element it
     * becomes. A series without any value draws the same empty plot whatever its points.
     */
    private record Key(String elementId, String question, Instant asOf, MetricUse use, Unit unit,
                       List<SeriesPoint> drawn) {
        static Key of(String goalId, String question, MetricResult metric, Instant asOf) {
            boolean plotted = metric.series().stream().anyMatch(p -> p.value() != null && Double.isFinite(p.value()));
            // MetricFiles, not HtmlDashboard, whose class initialiser starts Pebble: keys are made on
            // the main thread before collection
            return new Key(MetricFiles.chartId(goalId, metric.use().id()), question, asOf, metric.use(), metric.unit(),
                    plotted ? metric.series() : List.of());
        }
    }

    /** One piece of work, run at most once, by the first thread to claim it. */
    private static final class Task<T> implements Runnable {
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Callable<T> work;

        Task(Callable<T> work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                // whoever needs this meets the failure again, and reports it
                result.completeExceptionally(e);
            }
        }

        /** The result, running the work here when nobody has; null when it failed. */
        T get() {
            run();
            try {
                return result.join();
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private final Map<Key, Task<DrawnChart>> drawings = new LinkedHashMap<>();
    private final List<Runnable> units = new ArrayList<>();
    private final AtomicBoolean finishing = new AtomicBoolean();

    private ReportAhead() {
    }

    /** The work for these expected results as of {@code asOf} and the page, planned but not started. */
    public static ReportAhead plan(Instant asOf, List<Expected> expected) {
        ReportAhead ahead = new ReportAhead();
        for (Expected e : expected) {
            Key key = Key.of(e.goalId(), e.question(), e.result(), asOf);
            ahead.drawings.computeIfAbsent(key, k -> new Task<>(
                    () -> DrawnChart.draw(e.result(), k.question(), k.asOf(), k.elementId())));
        }
        ahead.units.addAll(ahead.drawings.values());
        ahead.units.add(new Task<>(() -> {
            for (Format format : Formats.REPORT) {
                format.prepare();
            }
            return null;
        }));
        return ahead;
    }

    /** The units in order (charts, then the page), each a few tens of milliseconds; running one twice does nothing. */
    public List<Runnable> units() {
        return List.copyOf(units);
    }

    /**
     * Runs the units nobody has run yet, in order, on one daemon thread (a run that ends first does
     * not wait for it); once: later calls do nothing.
     */
    public void finishInBackground() {
        if (units.isEmpty() || !finishing.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> units.forEach(Runnable::run), "gqm-report-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The chart drawn ahead for exactly this result of this goal and question as of {@code asOf}: waiting for it while it is being
     * drawn, drawing it here when nobody has started it; null when none was planned, or when
     * drawing it failed.
     */
    DrawnChart take(String goalId, String question, MetricResult metric, Instant asOf) {
        if (drawings.isEmpty()) {
            return null;
        }
        Task<DrawnChart> drawing = drawings.get(Key.of(goalId, question, metric, asOf));
        return drawing == null ? null : drawing.get();
    }
}
