package dev.gqm.model;

/**
 * What a value was computed from (SPEC §4 "Sample and notes"): {@code n} items or people; for a
 * duration, how many had their event ({@code observed}) and how many were still waiting
 * ({@code censored}); for a ratio, its {@code numerator} and {@code denominator}. Fields that do
 * not apply are null. {@code text} says it in words: "answered 31 of 40 issues".
 */
public record Sample(long n, Long observed, Long censored, Long numerator, Long denominator, String text) {
    public Sample {
        if (n < 0) {
            throw new IllegalArgumentException("a sample cannot be negative");
        }
    }

    /** A count of {@code n} things, in words such as "12 commits". */
    public static Sample count(long n, String text) {
        return new Sample(n, null, null, null, null, text);
    }

    /** A duration over {@code n} items of which {@code observed} had their event. */
    public static Sample durations(long n, long observed, String text) {
        return new Sample(n, observed, n - observed, null, null, text);
    }

    /** A ratio {@code numerator / denominator}; its n is the denominator. */
    public static Sample ratio(long numerator, long denominator, String text) {
        return new Sample(denominator, null, null, numerator, denominator, text);
    }
}
