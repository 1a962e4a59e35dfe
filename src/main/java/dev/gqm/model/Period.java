package dev.gqm.model;

import java.util.Locale;

/** The bucket of a metric's time series. */
public enum Period {
    WEEK, MONTH, QUARTER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Period parse(String text) {
        for (Period p : values()) {
            if (p.label().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown period '" + text + "': expected week, month or quarter");
    }
}
