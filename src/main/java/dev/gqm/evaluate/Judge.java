package dev.gqm.evaluate;

import dev.gqm.model.MetricUse;
import dev.gqm.model.Threshold;
import java.util.Optional;

/**
 * SPEC §2: fail if the fail condition holds, else warn if the warn condition holds, else pass; no
 * value is no-data, and a value without thresholds is info. A censored value is a lower bound (the
 * true value is at least it): a threshold applies only when every value from the bound up crosses
 * it, and when none does the metric is no-data ("not reached yet") unless it has no thresholds.
 */
public final class Judge {
    private Judge() {
    }

    public static Status judge(MetricUse use, Double value) {
        return judge(use, value, false);
    }

    public static Status judge(MetricUse use, Double value, boolean censored) {
        if (value == null || !Double.isFinite(value)) {
            return Status.NO_DATA;
        }
        if (use.warn().isEmpty() && use.fail().isEmpty()) {
            return Status.INFO;
        }
        if (crossed(use.fail(), value, censored)) {
            return Status.FAIL;
        }
        if (crossed(use.warn(), value, censored)) {
            return Status.WARN;
        }
        return censored ? Status.NO_DATA : Status.PASS;
    }

    private static boolean crossed(Optional<Threshold> threshold, double value, boolean lowerBound) {
        if (threshold.isEmpty()) {
            return false;
        }
        Threshold t = threshold.get();
        if (!lowerBound) {
            return t.holds(value);
        }
        // holds for every x >= value
        return switch (t.op()) {
            case GT, NE -> value > t.value();
            case GE -> value >= t.value();
            case LT, LE, EQ -> false;
        };
    }
}
