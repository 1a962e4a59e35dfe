package dev.gqm.model;

/** The type of a metric parameter's value in a model file. */
public enum ParamKind {
    /** {@code 30d}: parsed to {@link Duration}. */
    DURATION,
    /** a number: parsed to {@link Double}. */
    NUMBER,
    /** a share in (0, 1]: parsed to {@link Double}. */
    FRACTION,
    /** true/false: parsed to {@link Boolean}. */
    BOOLEAN,
    /** a string or a list of strings: parsed to {@code List<String>}. */
    STRINGS,
    /** a regular expression or a list of them, each checked to compile: parsed to {@code List<String>}. */
    PATTERNS,
    /** week/month/quarter: parsed to {@link Period}. */
    PERIOD
}
