package dev.gqm.model;

import java.util.Locale;

/**
 * How a metric's observations are reduced to one value. {@code median}, {@code mean}, {@code p90},
 * {@code min} and {@code max} of a duration are taken over the items whose event happened;
 * {@code survival_median} and {@code survival_p90} are Kaplan–Meier estimates over all items of the
 * window, those still waiting counted as censored (SPEC §4 "Stats of durations").
 */
public enum Stat {
    COUNT, MEDIAN, MEAN, P90, MIN, MAX, RATIO, SURVIVAL_MEDIAN, SURVIVAL_P90;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean survival() {
        return this == SURVIVAL_MEDIAN || this == SURVIVAL_P90;
    }

    public static Stat parse(String text) {
        for (Stat s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stat '" + text
                + "': expected count, median, mean, p90, min, max, ratio, survival_median or survival_p90");
    }
}
