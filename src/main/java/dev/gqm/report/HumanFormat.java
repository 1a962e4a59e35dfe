package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Stat;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Values and thresholds as a person reads them: "3.2 days", "≥ 26.0 days", "57 %", "12", "no data". */
public final class HumanFormat {
    /** Below two days a duration reads better in hours; above, in days. */
    private static final double HOURS_LIMIT = 48.0;

    /** The catalog's name for the window in its definitions. */
    private static final Pattern WINDOW = Pattern.compile("\\bW\\b");

    private HumanFormat() {
    }

    /** A result's value in its unit, "≥ 26.0 days" when it is a lower bound (censored). */
    public static String value(MetricResult result) {
        return value(result.value(), result.unit(), result.censored());
    }

    /** {@code value} in its unit, after "≥ " when it is only a lower bound. */
    public static String value(Double value, Unit unit, boolean censored) {
        String text = value(value, unit);
        return censored && value != null && Double.isFinite(value) ? "≥ " + text : text;
    }

    /**
     * The catalog's definition of a result's metric, saying what its W is: "non-merge commits
     * whose author date is in W (W: the 90d up to as-of)"; empty when the catalog gave none.
     */
    public static String definition(MetricResult result) {
        String definition = result.definition() == null ? "" : result.definition();
        if (definition.isEmpty() || result.use().window() == null || !WINDOW.matcher(definition).find()) {
            return definition;
        }
        return definition + " (W: the " + result.use().window() + " up to as-of)";
    }

    /** A stat as words: "survival median", "p90". */
    public static String stat(Stat stat) {
        return stat.label().replace('_', ' ');
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
