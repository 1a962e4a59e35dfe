package dev.gqm.metric;

import java.util.Arrays;

/**
 * The Kaplan–Meier estimate of a waiting time from items that had their event (observed) and items
 * still waiting (censored at the time they were last seen). S(t) = Π over distinct event times
 * tᵢ ≤ t of (1 − dᵢ / nᵢ), with dᵢ events at tᵢ and nᵢ items still at risk just before tᵢ; an item
 * censored at an event time is still at risk then (censoring after events, the usual convention).
 * A quantile q is the smallest event time with S(t) ≤ 1 − q; when S never falls that far, it is
 * not reached and the estimate is only known to be at least the longest time seen.
 */
public final class KaplanMeier {
    private final double[] times;
    private final boolean[] events;

    /** An estimate is {@code value} when {@code reached}, else at least {@code value}. */
    public record Estimate(double value, boolean reached) {
    }

    /**
     * @param times  waiting time of each item (to its event, or to its censoring)
     * @param events whether the item's event happened (false: censored)
     */
    public KaplanMeier(double[] times, boolean[] events) {
        if (times.length != events.length) {
            throw new IllegalArgumentException(times.length + " times for " + events.length + " event flags");
        }
        if (times.length == 0) {
            throw new IllegalArgumentException("no items");
        }
        Integer[] order = new Integer[times.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        this.times = new double[times.length];
        this.events = new boolean[times.length];
        for (int i = 0; i < order.length; i++) {
            this.times[i] = times[order[i]];
            this.events[i] = events[order[i]];
        }
    }

    /** The {@code q}-quantile (0.5 for the median, 0.9 for p90). */
    public Estimate quantile(double q) {
        double target = 1.0 - q;
        double survival = 1.0;
        int n = times.length;
        int i = 0;
        while (i < n) {
            double t = times[i];
            int atRisk = n - i;
            int deaths = 0;
            int j = i;
            while (j < n && times[j] == t) {
                deaths += events[j] ? 1 : 0;
                j++;
            }
            if (deaths > 0) {
                survival *= 1.0 - (double) deaths / atRisk;
                // a tolerance: 1 − 1/2 is exactly 0.5, but a product of several factors may miss it by an ulp
                if (survival <= target + 1e-12) {
                    return new Estimate(t, true);
                }
            }
            i = j;
        }
        return new Estimate(times[n - 1], false);
    }
}
