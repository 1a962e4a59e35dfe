package dev.gqm.dataset;

import java.time.Duration;
import java.time.Instant;

/** The observation window W = (from, to]: events strictly after {@code from} and at or before {@code to}. */
public record Window(Instant from, Instant to) {
    public Window {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("window starts after it ends");
        }
    }

    public static Window ending(Instant asOf, Duration length) {
        return new Window(asOf.minus(length), asOf);
    }

    public boolean contains(Instant t) {
        return t != null && t.isAfter(from) && !t.isAfter(to);
    }

    /** The window of the given length that ends where this one starts. */
    public Window before(Duration length) {
        return new Window(from.minus(length), from);
    }
}
