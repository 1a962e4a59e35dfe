package dev.gqm.model;

/** The type of a metric parameter's value in a model file. */
public enum ParamKind {
    /** {@code 30d}: parsed to {@link Duration}. */
    DURATION,
    /** a number: parsed to {@link Double}. */
    NUMBER,
    /** true/false: parsed to {@link Boolean}. */
    BOOLEAN,
    /** a string or a list of strings: parsed to {@code List<String>}. */
    STRINGS,
    /** week/month/quarter: parsed to {@link Period}. */
    PERIOD
}
