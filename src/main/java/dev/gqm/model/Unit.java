package dev.gqm.model;

/** The unit a metric reports in (SPEC §4): durations in hours, ratios as fractions 0..1. */
public enum Unit {
    COUNT("count"), HOURS("hours"), RATIO("ratio");

    private final String label;

    Unit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
