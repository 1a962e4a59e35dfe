package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a whole report directory (SPEC §6) from a {@link ModelResult}: summary.json,
 * summary.md, index.html and, per goal, each metric's CSV, items CSV and PNG/SVG chart.
 * The directory is replaced atomically: on failure the previous report stays as it was.
 */
public final class ReportWriter {
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    static {
        HeadlessAwt.ensure();
    }

    /** Writes the report for {@code result} into {@code outDir}, replacing a previous report there. */
    public void write(ModelResult result, Path outDir) throws ReportException {
        write(result, outDir, ReportAhead.NONE);
    }

    /** The same, taking the charts {@code ahead} drew where they fit the measured results. */
    public void write(ModelResult result, Path outDir, ReportAhead ahead) throws ReportException {
        Objects.requireNonNull(ahead, "ahead");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(outDir, "outDir");
        ReportDirectory directory;
        try {
            directory = ReportDirectory.open(outDir);
        } catch (IOException e) {
            throw failure(outDir, e);
        }
        try {
            writeInto(result, directory.staging(), ahead);
        } catch (IOException | RuntimeException e) {
            ReportException failure = failure(outDir, e);
            try {
                directory.discard();
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        try {
            directory.commit();
        } catch (IOException e) {
            throw failure(outDir, e);
        }
    }

    /**
     * Writes every file of the report into {@code dir}: the summaries beside the metric files, on
     * two threads, and the dashboard on a third as soon as its template is compiled and the charts
     * it shows are drawn. Each chart is drawn once as SVG, for its .svg file and for the page
     * alike. Starting the JSON and template libraries and drawing the first chart each take a few
     * hundred milliseconds, most of a report's time, and they do not depend on each other.
     */
    private void writeInto(ModelResult result, Path dir, ReportAhead ahead) throws IOException {
        List<Callable<Void>> tasks = new ArrayList<>();
        tasks.add(() -> {
            JsonSummary.write(result, dir.resolve("summary.json"));
            MarkdownSummary.write(result, dir.resolve("summary.md"));
            return null;
        });
        // the page's chart elements, by element id, completed by the metric tasks
        Map<String, CompletableFuture<String>> elements = new HashMap<>();
        Set<String> planned = new HashSet<>();
        for (GoalResult goal : result.goals()) {
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    MetricFiles files = new MetricFiles(goal.goal().id(), metric.use().id());
                    if (!planned.add(files.csv())) {
                        throw new IOException("two metrics in goal '" + files.goalId() + "' share the id '"
                                + files.useId() + "'");
                    }
                    Files.createDirectories(dir.resolve(files.goalId()));
                    String goalId = goal.goal().id();
                    String text = question.question().text();
                    String elementId = files.chartId();
                    CompletableFuture<String> element = new CompletableFuture<>();
                    elements.put(elementId, element);
                    tasks.add(() -> {
                        try {
                            DrawnChart drawn = ahead.take(goalId, text, metric, result.asOf());
                            if (drawn == null) {
                                drawn = DrawnChart.draw(metric, text, result.asOf(), elementId);
                            }
                            writeMetric(dir, files, metric, drawn, element);
                        } catch (Throwable e) {
                            element.completeExceptionally(e);
                            throw e;
                        }
                        return null;
                    });
                }
            }
        }
        ExecutorService pageThread = Executors.newSingleThreadExecutor(ReportWriter::thread);
        ExecutorService fileThreads = Executors.newFixedThreadPool(THREADS, ReportWriter::thread);
        try {
            // the page waits for its charts on a thread of its own, not taking a turn from the files
            Future<Void> page = pageThread.submit(() -> {
                HtmlDashboard.write(result, dir.resolve("index.html"),
                        (goalId, question, metric, elementId) -> elements.get(elementId).join());
                return null;
            });
            try {
                for (Future<Void> done : fileThreads.invokeAll(tasks)) {
                    done.get();
                }
            } finally {
                // a chart that was never drawn must not keep the page waiting
                elements.values().forEach(f -> f.completeExceptionally(new IOException("chart not drawn")));
            }
            page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the report");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        } finally {
            fileThreads.shutdownNow();
            pageThread.shutdownNow();
        }
    }

    private static Thread thread(Runnable runnable) {
        Thread thread = new Thread(runnable, "gqm-report");
        thread.setDaemon(true);
        return thread;
    }

    private static void writeMetric(Path dir, MetricFiles files, MetricResult metric, DrawnChart drawn,
                                    CompletableFuture<String> element) throws IOException {
        MetricCsv.writeSeries(metric, dir.resolve(files.csv()));
        if (metric.items() != null && !metric.items().isEmpty()) {
            MetricCsv.writeItems(metric.items(), dir.resolve(files.itemsCsv()));
        }
        Files.write(dir.resolve(files.png()), drawn.png());
        Files.writeString(dir.resolve(files.svg()), drawn.svgDocument(), StandardCharsets.UTF_8);
        element.complete(drawn.svgElement());
    }

    private static ReportException failure(Path outDir, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return new ReportException("cannot write report to " + outDir + ": " + reason(cause), cause);
    }

    /** NIO's exceptions carry only a path as their message: say what happened to it. */
    static String reason(Throwable cause) {
        if (cause instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (cause instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (cause instanceof FileAlreadyExistsException exists) {
            return "already exists: " + exists.getFile();
        }
        if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + ": " + fs.getFile();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
