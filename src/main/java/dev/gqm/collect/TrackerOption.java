package dev.gqm.collect;

import java.util.Objects;

/**
 * A command-line option of a tracker source, which the CLI adds to its commands and portfolio files
 * accept under {@code portfolioKey}. {@code defaultValue} is null for none.
 */
public record TrackerOption(String name, String paramLabel, String description, String defaultValue, String portfolioKey) {
    public TrackerOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(paramLabel, "paramLabel");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(portfolioKey, "portfolioKey");
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("an option's name starts with --: " + name);
        }
    }
}
