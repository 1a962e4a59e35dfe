package dev.gqm.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.model.Duration;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Period;
import dev.gqm.model.Stat;
import dev.gqm.model.Threshold;
import dev.gqm.model.Threshold.Op;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeTest {
    static MetricUse use(Threshold warn, Threshold fail) {
        return new MetricUse("m", "issue.first_response_time", Stat.MEDIAN,
                Map.of("window", Duration.parse("30d"), "period", Period.MONTH, "include_bots", false),
                Optional.ofNullable(warn), Optional.ofNullable(fail));
    }

    @ParameterizedTest
    @CsvSource({"10, pass", "48, pass", "48.5, warn", "168, warn", "168.01, fail"})
    void warnAbove2DaysFailAbove7Days(double hours, String status) {
        MetricUse u = use(new Threshold(Op.GT, 48, "> 2d"), new Threshold(Op.GT, 168, "> 7d"));
        assertEquals(status, Judge.judge(u, hours).label());
    }

    @Test
    void noValueIsNoDataNeverPass() {
        assertEquals(Status.NO_DATA, Judge.judge(use(null, new Threshold(Op.GT, 1, "> 1h")), null));
    }

    @Test
    void aValueWithoutThresholdsIsInfoNeverPass() {
        assertEquals(Status.INFO, Judge.judge(use(null, null), 0.0));
        assertEquals(Status.INFO, Judge.judge(use(null, null), 532.0));
        assertEquals(Status.NO_DATA, Judge.judge(use(null, null), null));
    }

    @ParameterizedTest
    @CsvSource({"10, no-data", "48, no-data", "48.5, warn", "168, warn", "168.01, fail", "900, fail"})
    void aLowerBoundAppliesOnlyTheThresholdsItAlreadyCrosses(double atLeast, String status) {
        // "at least 48.5 h" is above 2 days whatever the true value; "at least 10 h" proves nothing yet
        MetricUse u = use(new Threshold(Op.GT, 48, "> 2d"), new Threshold(Op.GT, 168, "> 7d"));
        assertEquals(status, Judge.judge(u, atLeast, true).label());
    }

    @Test
    void aLowerBoundNeverProvesABelowThreshold() {
        MetricUse u = use(new Threshold(Op.LT, 48, "< 2d"), new Threshold(Op.GE, 100, ">= 100h"));
        assertEquals(Status.NO_DATA, Judge.judge(u, 20.0, true));
        assertEquals(Status.FAIL, Judge.judge(u, 100.0, true));
        assertEquals(Status.INFO, Judge.judge(use(null, null), 20.0, true));
    }

    @Test
    void failWinsOverWarnWhenBothHold() {
        assertEquals(Status.FAIL, Judge.judge(use(new Threshold(Op.LT, 10, "< 10"), new Threshold(Op.LT, 2, "< 2")), 1.0));
    }

    @Test
    void worstOfOrdersFailWarnPassNoData() {
        assertEquals(Status.FAIL, Status.worst(List.of(Status.PASS, Status.FAIL, Status.WARN, Status.NO_DATA)));
        assertEquals(Status.WARN, Status.worst(List.of(Status.PASS, Status.WARN, Status.NO_DATA)));
        assertEquals(Status.PASS, Status.worst(List.of(Status.NO_DATA, Status.PASS)));
        assertEquals(Status.NO_DATA, Status.worst(List.of(Status.NO_DATA)));
        assertEquals(Status.NO_DATA, Status.worst(List.of()));
    }

    @Test
    void infoTakesNoPartInARollUp() {
        assertEquals(Status.PASS, Status.worst(List.of(Status.INFO, Status.PASS)));
        assertEquals(Status.NO_DATA, Status.worst(List.of(Status.INFO, Status.NO_DATA)));
        assertEquals(Status.FAIL, Status.worst(List.of(Status.FAIL, Status.INFO)));
        assertEquals(Status.INFO, Status.worst(List.of(Status.INFO, Status.INFO)));
    }
}
