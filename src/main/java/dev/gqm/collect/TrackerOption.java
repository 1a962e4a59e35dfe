package dev.gqm.collect;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A command-line option of a tracker source, which the CLI adds to its commands and portfolio files
 * accept under {@code portfolioKey}. {@code defaultValue} is null for none. A {@code repeatable}
 * option may be given more than once (a portfolio gives it a list); its values reach
 * {@link Tracker#configure} joined by {@link #SEPARATOR}, see {@link #values(String)}.
 */
public record TrackerOption(String name, String paramLabel, String description, String defaultValue, String portfolioKey,
                            boolean repeatable) {
    /** Joins the values of a repeatable option: a line break, which no value may hold. */
    public static final String SEPARATOR = "\n";

    public TrackerOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(paramLabel, "paramLabel");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(portfolioKey, "portfolioKey");
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("an option's name starts with --: " + name);
        }
    }

    /** An option given at most once. */
    public TrackerOption(String name, String paramLabel, String description, String defaultValue, String portfolioKey) {
        this(name, paramLabel, description, defaultValue, portfolioKey, false);
    }

    /** The values of a repeatable option as {@link Tracker#configure} receives them; none for null. */
    public static List<String> values(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(SEPARATOR, -1));
    }
}
