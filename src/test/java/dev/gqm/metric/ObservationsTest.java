package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gqm.model.Stat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservationsTest {
    @ParameterizedTest
    @CsvSource({
        "MEDIAN, '5,1,3', 3",
        "MEDIAN, '4,1,3,2', 2.5",
        "MEAN, '1,2,3,10', 4",
        "MIN, '7,2,9', 2",
        "MAX, '7,2,9', 9",
        "P90, '1,2,3,4,5,6,7,8,9,10', 9.1",
        "P90, '10', 10",
        "COUNT, '3,3,3', 3",
    })
    void reduces(Stat stat, String values, double expected) {
        double[] v = java.util.Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(expected, Observations.reduce(stat, v), 1e-9);
    }

    @org.junit.jupiter.api.Test
    void refusesNothing() {
        assertThrows(IllegalArgumentException.class, () -> Observations.reduce(Stat.MEDIAN, new double[0]));
    }
}
