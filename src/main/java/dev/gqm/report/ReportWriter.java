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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a whole report directory (SPEC §6) from a {@link ModelResult}: each of its
 * {@link Format}s, and the charts they share, drawn once.
 * The directory is replaced atomically: on failure the previous report stays as it was.
 */
public final class ReportWriter {
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    static {
        HeadlessAwt.ensure();
    }

    private final List<Format> formats;
    private final ReportAhead ahead;

    /** A writer of every format of {@link Formats#REPORT}. */
    public ReportWriter() {
        this(ReportAhead.NONE);
    }

    /** The same, taking the charts {@code ahead} drew where they fit the measured results. */
    public ReportWriter(ReportAhead ahead) {
        this(Formats.REPORT, ahead);
    }

    /** A writer of these formats, in this order. */
    ReportWriter(List<Format> formats) {
        this(formats, ReportAhead.NONE);
    }

    private ReportWriter(List<Format> formats, ReportAhead ahead) {
        this.formats = List.copyOf(formats);
        this.ahead = Objects.requireNonNull(ahead, "ahead");
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
     * Writes every format into {@code dir}: those that need no chart beside the charts being drawn,
     * on two threads, and each that shows charts on a thread of its own as soon as they are drawn.
     * Each chart is drawn once as SVG, for its .svg file and for the page alike. Starting the JSON
     * and template libraries and drawing the first chart each take a few hundred milliseconds, most
     * of a report's time, and they do not depend on each other.
     */
    private void writeInto(ModelResult result, Path dir) throws IOException {
        ReportCharts charts = new ReportCharts();
        List<Callable<Void>> drawing = new ArrayList<>();
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
                    CompletableFuture<DrawnChart> chart = charts.plan(files);
                    drawing.add(() -> {
                        try {
                            DrawnChart drawn = ahead.take(goalId, text, metric, result.asOf());
                            chart.complete(drawn != null ? drawn
                                    : DrawnChart.draw(metric, text, result.asOf(), files.chartId()));
                        } catch (Throwable e) {
                            chart.completeExceptionally(e);
                            throw e;
                        }
                        return null;
                    });
                }
            }
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        List<Callable<Void>> showingCharts = new ArrayList<>();
        for (Format format : formats) {
            Callable<Void> task = () -> {
                format.write(result, dir, charts);
                return null;
            };
            (format.usesCharts() ? showingCharts : tasks).add(task);
        }
        tasks.addAll(drawing);
        ExecutorService chartThreads = Executors.newFixedThreadPool(Math.max(1, showingCharts.size()), ReportWriter::thread);
        ExecutorService fileThreads = Executors.newFixedThreadPool(THREADS, ReportWriter::thread);
        try {
            // those waiting for charts do so on threads of their own, not taking a turn from the drawing
            List<Future<Void>> waiting = new ArrayList<>();
            for (Callable<Void> task : showingCharts) {
                waiting.add(chartThreads.submit(task));
            }
            try {
                for (Future<Void> done : fileThreads.invokeAll(tasks)) {
                    done.get();
                }
            } finally {
                charts.abandon();
            }
            for (Future<Void> done : waiting) {
                done.get();
            }
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
            chartThreads.shutdownNow();
        }
    }

    private static Thread thread(Runnable runnable) {
        Thread thread = new Thread(runnable, "gqm-report");
        thread.setDaemon(true);
        return thread;
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
