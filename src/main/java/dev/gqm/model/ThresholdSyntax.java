package dev.gqm.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a threshold such as {@code > 2d} or {@code < 50%} and converts its number to the metric's
 * unit: hours for {@code h d w}, a fraction for {@code %}, as written when there is no unit.
 */
final class ThresholdSyntax {
    private static final Pattern FORM = Pattern.compile("\\s*(>=|<=|==|!=|>|<)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([hdw%]?)\\s*");

    private ThresholdSyntax() {
    }

    /**
     * @param unit the metric's unit, or empty when the metric is unknown (then only the syntax is checked)
     * @throws IllegalArgumentException with a user-facing message
     */
    static Threshold parse(String text, String metricId, Optional<Unit> unit) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad threshold '" + text
                    + "': expected <op> <number>[unit] with op one of > >= < <= == != and unit h, d, w or % (e.g. \"> 2d\")");
        }
        Threshold.Op op = op(m.group(1));
        double number = Double.parseDouble(m.group(2));
        String suffix = m.group(3);
        if (unit.isPresent() && !fits(suffix, unit.get())) {
            throw new IllegalArgumentException("threshold unit '" + suffix + "' does not fit metric " + metricId
                    + " (unit: " + unit.get().label() + ")");
        }
        if (suffix.isEmpty() && unit.equals(Optional.of(Unit.RATIO)) && number > 1) {
            // A bare number is a fraction for ratios; "< 50" almost surely meant 50%.
            throw new IllegalArgumentException("threshold '" + text + "' on ratio metric " + metricId
                    + " is above 1: write a fraction 0..1 or a percentage (e.g. \"< 50%\")");
        }
        double value = inUnit(number, suffix);
        if (!Double.isFinite(value) || m.group(2).replace(".", "").length() > 15) {
            throw new IllegalArgumentException("bad threshold '" + abbreviated(text) + "': its number has more than"
                    + " 15 digits");
        }
        return new Threshold(op, value, text);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static Threshold.Op op(String symbol) {
        for (Threshold.Op op : Threshold.Op.values()) {
            if (op.symbol().equals(symbol)) {
                return op;
            }
        }
        throw new IllegalStateException("pattern admits an operator with no Op: " + symbol);
    }

    private static boolean fits(String suffix, Unit unit) {
        return switch (unit) {
            case COUNT -> suffix.isEmpty();
            case HOURS -> !suffix.equals("%");
            case RATIO -> suffix.isEmpty() || suffix.equals("%");
        };
    }

    private static double inUnit(double number, String suffix) {
        return switch (suffix) {
            case "d" -> number * 24;
            case "w" -> number * 24 * 7;
            case "%" -> number / 100;
            default -> number;
        };
    }
}
