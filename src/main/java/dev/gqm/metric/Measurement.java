package dev.gqm.metric;

/**
 * A metric's value as of one instant; {@code value} is null when there was nothing to measure
 * (never a fake 0), with {@code note} saying why. {@code items} may be null.
 */
public record Measurement(Double value, ItemTable items, String note) {
    public static Measurement of(double value, ItemTable items) {
        return new Measurement(value, items, null);
    }

    public static Measurement noData(String why, ItemTable items) {
        return new Measurement(null, items, why);
    }
}
