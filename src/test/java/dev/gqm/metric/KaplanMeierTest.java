package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Kaplan–Meier quantiles against values worked out by hand. */
class KaplanMeierTest {
    private static KaplanMeier.Estimate median(double[] times, boolean[] events) {
        return new KaplanMeier(times, events).quantile(0.5);
    }

    @Test
    void specExample() {
        // SPEC §4: events at 2, 6, 12, 24, 48 h, two censored at 504 and 1464 h (7 items).
        // S(2) = 6/7, S(6) = 6/7 x 5/6 = 5/7, S(12) = 5/7 x 4/5 = 4/7 = 0.571, S(24) = 4/7 x 3/4 = 3/7 = 0.429
        double[] t = {504, 2, 48, 6, 1464, 12, 24};
        boolean[] e = {false, true, true, true, false, true, true};
        assertEquals(new KaplanMeier.Estimate(24, true), median(t, e));
        // S(48) = 3/7 x 2/3 = 2/7 = 0.286 > 0.1, and no event after: p90 not reached, at least 1464 h
        assertEquals(new KaplanMeier.Estimate(1464, false), new KaplanMeier(t, e).quantile(0.9));
    }

    @Test
    void tiedEventsAndACensoringAtAnEventTime() {
        // 5 items: events at 10, 10, 30; censored at 10 and 40. At 10: 5 at risk (the censored one
        // too), 2 events: S = 3/5 = 0.6. At 30: 2 at risk (30 and 40), 1 event: S = 0.6 x 1/2 = 0.3.
        double[] t = {10, 10, 10, 30, 40};
        boolean[] e = {true, false, true, true, false};
        assertEquals(new KaplanMeier.Estimate(30, true), median(t, e));
        assertEquals(new KaplanMeier.Estimate(10, true), new KaplanMeier(t, e).quantile(0.3));
    }

    @Test
    void exactlyOneHalfReachesTheMedian() {
        // 2 items, one event at 5: S(5) = 1/2 <= 0.5
        assertEquals(new KaplanMeier.Estimate(5, true), median(new double[] {5, 9}, new boolean[] {true, false}));
    }

    @Test
    void allCensoredIsNotReachedAtTheLongestWait() {
        assertEquals(new KaplanMeier.Estimate(72, false),
                median(new double[] {3, 72, 40}, new boolean[] {false, false, false}));
    }

    @Test
    void notReachedWhenTooFewEventsYet() {
        // 4 items, one event at 1 h: S = 3/4 > 0.5; the longest time seen is 100 h
        assertEquals(new KaplanMeier.Estimate(100, false),
                median(new double[] {1, 50, 60, 100}, new boolean[] {true, false, false, false}));
    }

    @Test
    void aSingleItem() {
        assertEquals(new KaplanMeier.Estimate(7, true), median(new double[] {7}, new boolean[] {true}));
        assertEquals(new KaplanMeier.Estimate(7, false), median(new double[] {7}, new boolean[] {false}));
    }

    @Test
    void noItemsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KaplanMeier(new double[0], new boolean[0]));
    }
}
