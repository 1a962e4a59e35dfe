package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;
import java.io.IOException;
import java.nio.file.Path;

/** {@code index.html} ({@link HtmlDashboard}), showing the charts the report drew. */
final class DashboardFormat implements Format {
    @Override
    public String name() {
        return "index.html";
    }

    @Override
    public void write(ModelResult result, Path dir, ReportCharts charts) throws IOException {
        HtmlDashboard.write(result, dir.resolve("index.html"),
                (goalId, question, metric, elementId) -> charts.of(goalId, metric).svgElement());
    }

    @Override
    public void prepare() throws IOException {
        HtmlDashboard.prepare();
    }

    @Override
    public boolean usesCharts() {
        return true;
    }
}
