package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import dev.gqm.model.Threshold;
import java.util.Optional;

/** One-line explanations of a metric's status, shared by the CI outputs (JUnit, annotations). */
public final class MetricVerdict {
    private MetricVerdict() {
    }

    /**
     * "3 count", "52.5 hours (2.2 days)", "0.42 ratio (42 %)": the exact number with its unit, then as
     * people read it; a lower bound reads "≥ 52.5 hours (2.2 days)".
     */
    public static String value(MetricResult m) {
        Number number = ReportedNumber.of(m.value(), m.unit());
        if (number == null) {
            return "no data";
        }
        String exact = (m.censored() ? "≥ " : "") + ReportedNumber.text(number) + " " + m.unit().label();
        String human = HumanFormat.value(m.value(), m.unit());
        return human.equals(ReportedNumber.text(number)) ? exact : exact + " (" + human + ")";
    }

    /** "value 3 count fails threshold fail > 2 (thresholds: fail > 2)"; for pass and no-data, what was seen. */
    public static String explain(MetricResult m) {
        String thresholds = "thresholds: " + HumanFormat.thresholds(m.use());
        return switch (m.status()) {
            case FAIL -> crossed(m, "fail", m.use().fail(), thresholds);
            case WARN -> crossed(m, "warn", m.use().warn(), thresholds);
            case PASS -> "value " + value(m) + " passes (" + thresholds + ")";
            case NO_DATA -> noData(m);
            case INFO -> "value " + value(m) + " (no thresholds: shown for information, not judged)";
        };
    }

    /** The value's data notes as "code: text", one line each, for outputs that show them beside the value. */
    public static java.util.List<String> notes(MetricResult m) {
        return m.notes().stream().map(n -> n.code() + ": " + n.text().replaceAll("[\\r\\n]+", " ")).toList();
    }

    /**
     * The sample in words ("answered 2 of 3 issues"), or "" without one, or when it would only
     * repeat a count ("12 issues" beside the value 12).
     */
    public static String sample(MetricResult m) {
        if (m.sample() == null || m.sample().text() == null) {
            return "";
        }
        boolean repeatsTheCount = m.sample().observed() == null && m.sample().denominator() == null
                && m.value() != null && m.sample().n() == Math.round(m.value());
        return repeatsTheCount ? "" : m.sample().text();
    }

    /** "no data: <why>"; the metric's note says why when it knows. */
    public static String noData(MetricResult m) {
        String why = m.note() == null || m.note().isBlank() ? "nothing to measure" : m.note();
        return "no data: " + why;
    }

    private static String crossed(MetricResult m, String name, Optional<Threshold> threshold, String thresholds) {
        String which = threshold.map(t -> name + " " + t.text()).orElse(name);
        return "value " + value(m) + " fails threshold " + which + " (" + thresholds + ")";
    }
}
