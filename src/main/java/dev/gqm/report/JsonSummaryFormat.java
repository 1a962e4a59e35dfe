package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;
import java.io.IOException;
import java.nio.file.Path;

/** {@code summary.json} ({@link JsonSummary}). */
final class JsonSummaryFormat implements Format {
    @Override
    public String name() {
        return "summary.json";
    }

    @Override
    public void write(ModelResult result, Path dir, ReportCharts charts) throws IOException {
        JsonSummary.write(result, dir.resolve("summary.json"));
    }

    @Override
    public void prepare() throws IOException {
        JsonSummary.prepare();
    }
}
