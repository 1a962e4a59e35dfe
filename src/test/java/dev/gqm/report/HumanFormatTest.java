package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.model.Period;
import dev.gqm.model.Stat;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
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
