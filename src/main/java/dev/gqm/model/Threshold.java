package dev.gqm.model;

/**
 * One threshold condition such as {@code > 2d}: {@code value} is already in the metric's unit
 * (hours for durations, a fraction for {@code %}); {@code text} is what the model file said.
 */
public record Threshold(Op op, double value, String text) {
    public enum Op {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean test(double left, double right) {
            return switch (this) {
                case GT -> left > right;
                case GE -> left >= right;
                case LT -> left < right;
                case LE -> left <= right;
                case EQ -> Math.abs(left - right) < 1e-9;
                case NE -> Math.abs(left - right) >= 1e-9;
            };
        }
    }

    public boolean holds(double metricValue) {
        return op.test(metricValue, value);
    }
}
