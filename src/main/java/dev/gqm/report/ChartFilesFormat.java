package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Per metric, its chart as a PNG and an SVG file. */
final class ChartFilesFormat implements Format {
    @Override
    public String name() {
        return "chart files";
    }

    @Override
    public void write(ModelResult result, Path dir, ReportCharts charts) throws IOException {
        MetricFiles.forEach(result, (goalId, metric, files) -> {
            DrawnChart drawn = charts.of(goalId, metric);
            Files.write(dir.resolve(files.png()), drawn.png());
            Files.writeString(dir.resolve(files.svg()), drawn.svgDocument(), StandardCharsets.UTF_8);
        });
    }

    @Override
    public boolean usesCharts() {
        return true;
    }
}
