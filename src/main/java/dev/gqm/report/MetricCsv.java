package dev.gqm.report;

import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.SeriesPoint;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A metric's time series ({@code period_start,value}) and the items behind it, as CSV. A survival
 * stat's series has a third column, {@code censored}: true where the value is a lower bound (the
 * estimate not reached yet), so that no reader takes it for the estimate itself.
 */
final class MetricCsv {
    /** RFC 4180 quoting with Unix line ends, so the files diff cleanly in Git. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private MetricCsv() {
    }

    static void writeSeries(MetricResult result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            boolean survival = result.use().stat().survival();
            if (survival) {
                csv.printRecord("period_start", "value", "censored");
            } else {
                csv.printRecord("period_start", "value");
            }
            for (SeriesPoint point : result.series()) {
                LocalDate start = LocalDate.ofInstant(point.periodStart(), ZoneOffset.UTC);
                Number value = ReportedNumber.of(point.value(), result.unit());
                String text = value == null ? "" : ReportedNumber.text(value);
                if (survival) {
                    csv.printRecord(start.toString(), text, value == null ? "" : Boolean.toString(point.censored()));
                } else {
                    csv.printRecord(start.toString(), text);
                }
            }
        }
    }

    static void writeItems(Items items, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(items.columns().stream().map(SpreadsheetText::neutralise).toList());
            for (List<Object> row : items.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(cell(cell));
                }
                csv.printRecord(cells);
            }
        }
    }

    /** Numbers and instants are written as data; only free text can carry a formula. */
    static String cell(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Number number) {
            return ReportedNumber.text(number);
        }
        if (cell instanceof Instant instant) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        return SpreadsheetText.neutralise(cell.toString());
    }
}
