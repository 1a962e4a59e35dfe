package dev.gqm.model;

import java.util.Locale;

/** How a metric's observations are reduced to one value. */
public enum Stat {
    COUNT, MEDIAN, MEAN, P90, MIN, MAX, RATIO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Stat parse(String text) {
        for (Stat s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stat '" + text + "': expected count, median, mean, p90, min, max or ratio");
    }
}
