package dev.gqm.model;

/** Which way a metric's value is better for the community, as the dashboard says it. */
public enum Direction {
    HIGHER("higher is better"), LOWER("lower is better"), NEITHER("neither higher nor lower is better in itself");

    private final String text;

    Direction(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
