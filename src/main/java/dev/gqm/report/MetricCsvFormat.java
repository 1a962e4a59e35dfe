package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;
import java.io.IOException;
import java.nio.file.Path;

/** Per metric, its series CSV and, when it names items, its items CSV ({@link MetricCsv}). */
final class MetricCsvFormat implements Format {
    @Override
    public String name() {
        return "metric CSV";
    }

    @Override
    public void write(ModelResult result, Path dir, ReportCharts charts) throws IOException {
        MetricFiles.forEach(result, (goalId, metric, files) -> {
            MetricCsv.writeSeries(metric, dir.resolve(files.csv()));
            if (metric.items() != null && !metric.items().isEmpty()) {
                MetricCsv.writeItems(metric.items(), dir.resolve(files.itemsCsv()));
            }
        });
    }
}
