package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.dataset.Dataset;
import dev.gqm.dataset.GitData;
import dev.gqm.dataset.IdentityResolver;
import dev.gqm.evaluate.Evaluator;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.Status;
import dev.gqm.metric.MetricCatalog;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Threshold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAheadTest {
    /** The fixture's no-data metric as foreseen: no value, no series, no note. */
    private static MetricResult foreseen() {
        MetricResult measured = ReportFixtures.reviewCoverage();
        return new MetricResult(measured.use(), measured.unit(), null, Status.NO_DATA, null, List.of(), Items.NONE);
    }

    private static final String QUESTION = "Are changes reviewed?";
    private static final Instant AS_OF = ReportFixtures.AS_OF;

    private static ReportAhead.Expected expected() {
        return new ReportAhead.Expected("sustainability", QUESTION, foreseen());
    }

    private static ReportAhead started(ReportAhead.Expected... expected) {
        ReportAhead ahead = ReportAhead.plan(AS_OF, List.of(expected));
        ahead.finishInBackground();
        return ahead;
    }

    @Test
    void aChartDrawnAheadIsTheOneTheReportWouldDraw() throws IOException {
        ReportAhead ahead = started(expected());
        MetricResult measured = ReportFixtures.reviewCoverage();
        DrawnChart taken = ahead.take("sustainability", QUESTION, measured, AS_OF);
        assertNotNull(taken, "a note and null values do not change the chart");
        DrawnChart drawn = DrawnChart.draw(measured, QUESTION, AS_OF, HtmlDashboard.chartId("sustainability", measured));
        assertArrayEquals(drawn.png(), taken.png());
        assertEquals(drawn.svgDocument(), taken.svgDocument());
        assertEquals(drawn.svgElement(), taken.svgElement());
    }

    @Test
    void aDrawingIsTakenOnlyForExactlyItsInputs() {
        ReportAhead ahead = started(expected());
        MetricResult coverage = ReportFixtures.reviewCoverage();
        assertNull(ahead.take("responsiveness", QUESTION, coverage, AS_OF), "another goal: another element id");
        assertNull(ahead.take("sustainability", "Another question?", coverage, AS_OF), "another title");
        assertNull(ahead.take("sustainability", QUESTION, coverage, AS_OF.plusSeconds(1)), "another as-of");
        MetricResult onlyNulls = new MetricResult(coverage.use(), coverage.unit(), null, Status.NO_DATA, null,
                List.of(ReportFixtures.point("2026-06-01", null)), Items.NONE);
        assertNotNull(ahead.take("sustainability", QUESTION, onlyNulls, AS_OF), "no value anywhere: the same empty plot");
        MetricResult withValues = new MetricResult(coverage.use(), coverage.unit(), 0.5, Status.PASS, null,
                List.of(ReportFixtures.point("2026-06-01", 0.5)), Items.NONE);
        assertNull(ahead.take("sustainability", QUESTION, withValues, AS_OF), "a series with a value draws another chart");
        MetricResult otherThreshold = new MetricResult(ReportFixtures.use("review-coverage", "change.review_coverage",
                coverage.use().stat(), coverage.use().period(), new Threshold(Threshold.Op.LT, 0.6, "< 60%"), null),
                coverage.unit(), null, Status.NO_DATA, null, List.of(), Items.NONE);
        assertNull(ahead.take("sustainability", QUESTION, otherThreshold, AS_OF), "another threshold line");
        assertNull(ReportAhead.NONE.take("sustainability", QUESTION, coverage, AS_OF));
        assertNull(started().take("sustainability", QUESTION, coverage, AS_OF));
    }

    @Test
    void theEvaluatorsResultWithoutATrackerIsTheChartOfARunWithGitAndNoTracker() {
        MetricUse use = ReportFixtures.reviewCoverage().use();
        Evaluator evaluator = new Evaluator(new MetricCatalog());
        ReportAhead ahead = started(new ReportAhead.Expected("sustainability", QUESTION,
                evaluator.withoutItsSource(use, AS_OF)));
        Instant year = AS_OF.minusSeconds(365L * 86_400);
        GitData git = GitData.build(List.of(new Commit("%040x".formatted(1), new Signature("Ann", "ann@example.com"),
                year, year, 0, List.of())), List.of(), new IdentityResolver(null, null), AS_OF, AS_OF, false);
        MetricResult measured = evaluator.measure(use, new Dataset(AS_OF, Optional.of(git)));
        assertEquals(Status.NO_DATA, measured.status());
        assertEquals(12, measured.series().size(), "a point per month since the first commit");
        measured.series().forEach(point -> assertNull(point.value(), "none with a value"));
        assertNotNull(ahead.take("sustainability", QUESTION, measured, AS_OF));
    }

    @Test
    void aReportWithChartsDrawnAheadIsByteForByteTheSame(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Path withAhead = dir.resolve("ahead");
        new ReportWriter().write(ReportFixtures.result(), plain);
        ReportAhead ahead = started(expected());
        new ReportWriter(ahead).write(ReportFixtures.result(), withAhead);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(plain)) {
            files = walk.filter(Files::isRegularFile).map(plain::relativize).sorted().toList();
        }
        assertEquals(3 + 6 * 3 + 1, files.size(), "summaries, page, 6 metrics with CSV, PNG and SVG, one items CSV: " + files);
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(file)), Files.readAllBytes(withAhead.resolve(file)),
                    file.toString());
        }
    }
}
