package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jfree.chart.JFreeChart;

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
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(outDir, "outDir");
        ReportDirectory directory;
        try {
            directory = ReportDirectory.open(outDir);
        } catch (IOException e) {
            throw failure(outDir, e);
        }
        try {
            writeInto(result, directory.staging());
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
     * Writes every file of the report into {@code dir} on two threads: the summaries beside the
     * metric files. Starting the JSON and template libraries and drawing the first chart each take
     * a few hundred milliseconds, most of a report's time, and they do not depend on each other.
     */
    private void writeInto(ModelResult result, Path dir) throws IOException {
        List<Callable<Void>> tasks = new ArrayList<>();
        tasks.add(() -> {
            JsonSummary.write(result, dir.resolve("summary.json"));
            MarkdownSummary.write(result, dir.resolve("summary.md"));
            HtmlDashboard.write(result, dir.resolve("index.html"));
            return null;
        });
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
                    tasks.add(() -> {
                        writeMetric(dir, files, metric);
                        return null;
                    });
                }
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "gqm-report");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Future<Void> done : threads.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the report");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static void writeMetric(Path dir, MetricFiles files, MetricResult metric) throws IOException {
        MetricCsv.writeSeries(metric, dir.resolve(files.csv()));
        if (metric.items() != null && !metric.items().isEmpty()) {
            MetricCsv.writeItems(metric.items(), dir.resolve(files.itemsCsv()));
        }
        JFreeChart chart = MetricChart.chart(metric);
        MetricChart.writePng(chart, dir.resolve(files.png()));
        MetricChart.writeSvg(chart, dir.resolve(files.svg()));
    }

    private static ReportException failure(Path outDir, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return new ReportException("cannot write report to " + outDir + ": " + reason(cause), cause);
    }

    /** NIO's exceptions carry only a path as their message: say what happened to it. */
    private static String reason(Throwable cause) {
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
