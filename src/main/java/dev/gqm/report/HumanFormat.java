package dev.gqm.report;

import dev.gqm.model.MetricUse;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Values and thresholds as a person reads them: "3.2 days", "57 %", "12", "no data". */
public final class HumanFormat {
    /** Below two days a duration reads better in hours; above, in days. */
    private static final double HOURS_LIMIT = 48.0;

    private HumanFormat() {
    }

    /** {@code value} in its unit; null (a metric without data) gives "no data". */
    public static String value(Double value, Unit unit) {
        if (value == null || !Double.isFinite(value)) {
            return "no data";
        }
        return switch (unit) {
            case COUNT -> Long.toString(Math.round(value));
            case HOURS -> value < HOURS_LIMIT
                    ? String.format(Locale.ROOT, "%.1f h", value)
                    : String.format(Locale.ROOT, "%.1f days", value / 24.0);
            case RATIO -> Math.round(value * 100.0) + " %";
        };
    }

    /** The thresholds as the model file wrote them, e.g. "warn > 2d, fail > 7d"; "none" without any. */
    public static String thresholds(MetricUse use) {
        List<String> parts = new ArrayList<>(2);
        add(parts, "warn", use.warn());
        add(parts, "fail", use.fail());
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, Optional<Threshold> threshold) {
        threshold.ifPresent(t -> parts.add(name + " " + t.text()));
    }
}
