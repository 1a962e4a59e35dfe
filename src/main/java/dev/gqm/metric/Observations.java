package dev.gqm.metric;

import dev.gqm.model.Stat;
import java.util.Arrays;

/**
 * Reduces observations (e.g. durations in hours) to one value. Median of an even count is the
 * mean of the two middle values; p90 interpolates linearly between closest ranks
 * (rank 0.9 × (n − 1)), as SQL's PERCENTILE_CONT does.
 */
public final class Observations {
    private Observations() {
    }

    public static double reduce(Stat stat, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no observations");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return switch (stat) {
            case MEDIAN -> percentile(v, 0.5);
            case P90 -> percentile(v, 0.9);
            case MEAN -> Arrays.stream(v).average().orElseThrow();
            case MIN -> v[0];
            case MAX -> v[v.length - 1];
            case COUNT -> v.length;
            case RATIO -> throw new IllegalArgumentException("ratio is not a reduction of observations");
            case SURVIVAL_MEDIAN, SURVIVAL_P90 -> throw new IllegalArgumentException(
                    "a survival estimate needs the censored items too (KaplanMeier)");
        };
    }

    private static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
