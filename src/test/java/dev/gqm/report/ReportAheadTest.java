package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Threshold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAheadTest {
    /** The fixture's no-data metric as foreseen: no value, no series, no note. */
    private static MetricResult foreseen() {
        MetricResult measured = ReportFixtures.reviewCoverage();
        return new MetricResult(measured.use(), measured.unit(), null, Status.NO_DATA, null, List.of(), Items.NONE);
    }

    private static ReportAhead started(ReportAhead.Expected... expected) {
        ReportAhead ahead = ReportAhead.plan(List.of(expected));
        ahead.finishInBackground();
        return ahead;
    }

    @Test
    void aChartDrawnAheadIsTheOneTheReportWouldDraw() throws IOException {
        ReportAhead ahead = started(new ReportAhead.Expected("sustainability", foreseen()));
        MetricResult measured = ReportFixtures.reviewCoverage();
        DrawnChart taken = ahead.take("sustainability", measured);
        assertNotNull(taken, "a note and null values do not change the chart");
        DrawnChart drawn = DrawnChart.draw(measured, HtmlDashboard.chartId("sustainability", measured));
        assertArrayEquals(drawn.png(), taken.png());
        assertEquals(drawn.svgDocument(), taken.svgDocument());
        assertEquals(drawn.svgElement(), taken.svgElement());
    }

    @Test
    void aDrawingIsTakenOnlyForExactlyItsInputs() {
        ReportAhead ahead = started(new ReportAhead.Expected("sustainability", foreseen()));
        MetricResult coverage = ReportFixtures.reviewCoverage();
        assertNull(ahead.take("responsiveness", coverage), "another goal: another element id");
        MetricResult withValues = new MetricResult(coverage.use(), coverage.unit(), 0.5, Status.PASS, null,
                List.of(ReportFixtures.point("2026-06-01", 0.5)), Items.NONE);
        assertNull(ahead.take("sustainability", withValues), "a series with a value draws another chart");
        MetricResult otherThreshold = new MetricResult(ReportFixtures.use("review-coverage", "change.review_coverage",
                coverage.use().stat(), coverage.use().period(), new Threshold(Threshold.Op.LT, 0.6, "< 60%"), null),
                coverage.unit(), null, Status.NO_DATA, null, List.of(), Items.NONE);
        assertNull(ahead.take("sustainability", otherThreshold), "another threshold line");
        assertNull(ReportAhead.NONE.take("sustainability", coverage));
        assertNull(started().take("sustainability", coverage));
    }

    @Test
    void aReportWithChartsDrawnAheadIsByteForByteTheSame(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Path withAhead = dir.resolve("ahead");
        new ReportWriter().write(ReportFixtures.result(), plain);
        ReportAhead ahead = started(new ReportAhead.Expected("sustainability", foreseen()));
        new ReportWriter().write(ReportFixtures.result(), withAhead, ahead);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(plain)) {
            files = walk.filter(Files::isRegularFile).map(plain::relativize).sorted().toList();
        }
        assertEquals(16, files.size(), files.toString());
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(file)), Files.readAllBytes(withAhead.resolve(file)),
                    file.toString());
        }
    }
}
