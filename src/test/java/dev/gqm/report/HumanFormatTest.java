package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Direction;
import dev.gqm.model.Period;
import dev.gqm.model.Stat;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanFormatTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
        "12;      COUNT; 12",
        "0;       COUNT; 0",
        "2.6;     COUNT; 3",
        "null;    COUNT; no data",
        "5;       HOURS; 5.0 h",
        "0.25;    HOURS; 0.3 h",
        "47.94;   HOURS; 47.9 h",
        "48;      HOURS; 2.0 days",
        "76.8;    HOURS; 3.2 days",
        "1000;    HOURS; 41.7 days",
        "null;    HOURS; no data",
        "0.5714;  RATIO; 57 %",
        "0;       RATIO; 0 %",
        "1;       RATIO; 100 %",
        "null;    RATIO; no data",
        "NaN;     RATIO; no data",
    })
    void formatsValuesInTheirUnit(Double value, Unit unit, String expected) {
        assertEquals(expected, HumanFormat.value(value, unit));
    }

    @Test
    void aLowerBoundReadsAtLeast() {
        assertEquals("≥ 26.0 days", HumanFormat.value(ReportFixtures.firstReview()), "624 h, censored");
        assertEquals("2.2 days", HumanFormat.value(ReportFixtures.firstResponse()));
        assertEquals("≥ 5.0 h", HumanFormat.value(5.0, Unit.HOURS, true));
        assertEquals("5.0 h", HumanFormat.value(5.0, Unit.HOURS, false));
        assertEquals("no data", HumanFormat.value(null, Unit.HOURS, true), "no bound without a value");
    }

    @Test
    void statsAndDefinitionsInWords() {
        assertEquals("survival median", HumanFormat.stat(Stat.SURVIVAL_MEDIAN));
        assertEquals("p90", HumanFormat.stat(Stat.P90));
        assertEquals("contributors in W whose first contribution ever falls in W (W: the 90d up to as-of)",
                HumanFormat.definition(ReportFixtures.newContributors()));
        assertEquals("", HumanFormat.definition(ReportFixtures.commits()), "the fixture gave none");
        MetricResult coverage = ReportFixtures.reviewCoverage();
        MetricResult noWindowWord = new MetricResult(coverage.use(), coverage.unit(), null, Status.NO_DATA, null,
                List.of(), Items.NONE, null, false, List.of(), "issues open at as_of", Direction.LOWER);
        assertEquals("issues open at as_of", HumanFormat.definition(noWindowWord), "no W, nothing to explain");
        MetricResult wordWithW = new MetricResult(coverage.use(), coverage.unit(), null, Status.NO_DATA, null,
                List.of(), Items.NONE, null, false, List.of(), "Wide issues", Direction.LOWER);
        assertEquals("Wide issues", HumanFormat.definition(wordWithW), "W only as a word of its own");
    }

    @Test
    void thresholdsKeepTheModelsText() {
        Threshold warn = new Threshold(Threshold.Op.GT, 48, "> 2d");
        Threshold fail = new Threshold(Threshold.Op.GT, 168, "> 7d");
        assertEquals("warn > 2d, fail > 7d", HumanFormat.thresholds(
                ReportFixtures.use("m", "issue.age", Stat.MEDIAN, Period.MONTH, warn, fail)));
        assertEquals("fail > 7d", HumanFormat.thresholds(
                ReportFixtures.use("m", "issue.age", Stat.MEDIAN, Period.MONTH, null, fail)));
        assertEquals("none", HumanFormat.thresholds(
                ReportFixtures.use("m", "issue.age", Stat.MEDIAN, Period.MONTH, null, null)));
    }
}
