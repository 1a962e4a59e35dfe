package dev.gqm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdSyntaxTest {
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
            "> 2d    | HOURS | GT | 48.0",
            ">= 12h  | HOURS | GE | 12.0",
            "< 1w    | HOURS | LT | 168.0",
            "<= 1.5d | HOURS | LE | 36.0",
            "> 30    | HOURS | GT | 30.0",
            "== 0    | COUNT | EQ | 0.0",
            "!= 3    | COUNT | NE | 3.0",
            "< 50%   | RATIO | LT | 0.5",
            ">=12.5% | RATIO | GE | 0.125",
            "< 0.25  | RATIO | LT | 0.25",
    })
    void convertsToTheMetricsUnitAndKeepsTheText(String text, Unit unit, Threshold.Op op, double value) {
        assertEquals(new Threshold(op, value, text), ThresholdSyntax.parse(text, "x.y", Optional.of(unit)));
    }
}
