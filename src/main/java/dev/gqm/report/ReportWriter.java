package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * Writes a whole report directory (SPEC §6) from a {@link ModelResult}: summary.json,
 * summary.md, index.html and, per goal, each metric's CSV, items CSV and PNG/SVG chart.
 * The directory is replaced atomically: on failure the previous report stays as it was.
 */
public final class ReportWriter {
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

    /** Writes every file of the report into {@code dir}; metric files first, summaries last. */
    private void writeInto(ModelResult result, Path dir) throws IOException {
        for (GoalResult goal : result.goals()) {
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    writeMetric(dir, goal.goal().id(), metric);
                }
            }
        }
        JsonSummary.write(result, dir.resolve("summary.json"));
        MarkdownSummary.write(result, dir.resolve("summary.md"));
        HtmlDashboard.write(result, dir.resolve("index.html"));
    }

    private void writeMetric(Path dir, String goalId, MetricResult metric) throws IOException {
        MetricFiles files = new MetricFiles(goalId, metric.use().id());
        Files.createDirectories(dir.resolve(goalId));
        if (Files.exists(dir.resolve(files.csv()))) {
            throw new IOException("two metrics in goal '" + goalId + "' share the id '" + metric.use().id() + "'");
        }
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
