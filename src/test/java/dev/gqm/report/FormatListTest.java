package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.evaluate.ModelResult;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatListTest {
    /** A format writing one file, the model's id; failing with {@code failure} when it is given. */
    private record OneFile(String file, IOException failure) implements Format {
        @Override
        public String name() {
            return file;
        }

        @Override
        public void write(ModelResult result, Path dir, ReportCharts charts) throws IOException {
            if (failure != null) {
                throw failure;
            }
            Files.writeString(dir.resolve(file), result.model().id());
        }
    }

    /** Each metric's chart element, as the page shows them. */
    private record ChartIds(String file) implements Format {
        @Override
        public String name() {
            return file;
        }

        @Override
        public void write(ModelResult result, Path dir, ReportCharts charts) throws IOException {
            List<String> lines = new ArrayList<>();
            result.goals().forEach(g -> g.questions().forEach(q -> q.metrics().forEach(m -> {
                String element = charts.of(g.goal().id(), m).svgElement();
                lines.add(element.substring(0, element.indexOf('>') + 1));
            })));
            Files.write(dir.resolve(file), lines);
        }

        @Override
        public boolean usesCharts() {
            return true;
        }
    }

    private static List<Format> with(Format added) {
        List<Format> formats = new ArrayList<>(Formats.REPORT);
        formats.add(added);
        return formats;
    }

    @Test
    void aFormatAddedToTheListIsWrittenBesideTheOthers(@TempDir Path dir) throws IOException, ReportException {
        Path out = dir.resolve("report");
        new ReportWriter(with(new OneFile("model.txt", null))).write(ReportFixtures.result(), out);
        assertEquals("community-health", Files.readString(out.resolve("model.txt")));
        assertTrue(Files.isRegularFile(out.resolve("summary.json")));
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    @Test
    void aFormatThatShowsChartsGetsTheOnesThePageShows(@TempDir Path dir) throws IOException, ReportException {
        Path out = dir.resolve("report");
        new ReportWriter(with(new ChartIds("charts.txt"))).write(ReportFixtures.result(), out);
        List<String> elements = Files.readAllLines(out.resolve("charts.txt"));
        assertEquals(6, elements.size(), String.join("\n", elements));
        // the page leaves out the chart of a metric without data, and shows the others as drawn
        List<String> shown = Pattern.compile("<svg id='chart-[^>]*>").matcher(Files.readString(out.resolve("index.html")))
                .results().map(MatchResult::group).toList();
        assertFalse(shown.isEmpty());
        shown.forEach(element -> assertTrue(elements.contains(element), element));
    }

    @Test
    void onlyTheListedFormatsAreWritten(@TempDir Path dir) throws IOException, ReportException {
        Path out = dir.resolve("report");
        new ReportWriter(List.of(new OneFile("model.txt", null))).write(ReportFixtures.result(), out);
        assertTrue(Files.isRegularFile(out.resolve("model.txt")));
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void aFailingFormatFailsTheReportAndKeepsThePreviousOne(@TempDir Path dir) throws IOException, ReportException {
        Path out = dir.resolve("report");
        new ReportWriter().write(ReportFixtures.result(), out);
        String previous = Files.readString(out.resolve("summary.json"));

        Format failing = new OneFile("model.txt", new AccessDeniedException("/x/model.txt"));
        ReportException e = assertThrows(ReportException.class,
                () -> new ReportWriter(with(failing)).write(ReportFixtures.result(), out));
        assertEquals("cannot write report to " + out + ": permission denied: /x/model.txt", e.getMessage());
        assertEquals(previous, Files.readString(out.resolve("summary.json")));
        assertFalse(Files.exists(out.resolve("model.txt")));
    }

    @Test
    void theReportFormatsAreNamedOnce() {
        List<String> names = Formats.REPORT.stream().map(Format::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
        List<String> ci = Formats.CI.stream().map(CiFormat::name).toList();
        assertEquals(List.of("JUnit XML", "GitHub annotations", "job summary"), ci);
    }
}
