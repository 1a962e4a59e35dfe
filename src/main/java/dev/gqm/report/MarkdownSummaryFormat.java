package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;
import java.io.IOException;
import java.nio.file.Path;

/** {@code summary.md} ({@link MarkdownSummary}). */
final class MarkdownSummaryFormat implements Format {
    @Override
    public String name() {
        return "summary.md";
    }

    @Override
    public void write(ModelResult result, Path dir, ReportCharts charts) throws IOException {
        MarkdownSummary.write(result, dir.resolve("summary.md"));
    }
}
