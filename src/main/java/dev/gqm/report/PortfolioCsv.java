package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code portfolio.csv}: the portfolio table for spreadsheets and scripts, one row per repository:
 * {@code name,group,repository,status}, per goal {@code <goal>:status} and {@code <goal>:<metric-use-id>},
 * then {@code error}. Values are the machine form of summary.json (hours, fractions 0..1, counts), empty
 * without data or when the repository failed.
 */
final class PortfolioCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private PortfolioCsv() {
    }

    static String render(List<PortfolioGoal> goals, List<PortfolioRow> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(header(goals).stream().map(SpreadsheetText::neutralise).toList());
            for (PortfolioRow row : rows) {
                csv.printRecord(record(goals, row));
            }
        }
        return out.toString();
    }

    private static List<String> header(List<PortfolioGoal> goals) {
        List<String> header = new ArrayList<>(List.of("name", "group", "repository", "status"));
        for (PortfolioGoal goal : goals) {
            header.add(goal.id() + ":status");
            goal.metricIds().forEach(id -> header.add(goal.id() + ":" + id));
        }
        header.add("error");
        return header;
    }

    private static List<String> record(List<PortfolioGoal> goals, PortfolioRow row) {
        List<String> cells = new ArrayList<>();
        cells.add(SpreadsheetText.neutralise(row.name()));
        cells.add(SpreadsheetText.neutralise(row.group()));
        cells.add(SpreadsheetText.neutralise(row.repository()));
        cells.add(row.statusLabel());
        for (PortfolioGoal goal : goals) {
            cells.add(row.goal(goal.id()).map(g -> g.status().label()).orElse(""));
            for (String id : goal.metricIds()) {
                Optional<MetricResult> metric = row.metric(goal.id(), id);
                Number value = metric.map(m -> ReportedNumber.of(m.value(), m.unit())).orElse(null);
                // a lower bound is not the number itself: "≥ 1248" (a text cell, on purpose)
                boolean atLeast = value != null && metric.get().censored();
                cells.add(value == null ? "" : (atLeast ? "≥ " : "") + ReportedNumber.text(value));
            }
        }
        cells.add(row.error() == null ? "" : SpreadsheetText.neutralise(row.error()));
        return cells;
    }
}
