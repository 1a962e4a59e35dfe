package dev.gqm.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span written in a model as {@code Nh}, {@code Nd} or {@code Nw}. */
public record Duration(long amount, char unit) {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,6})([hdw])");

    public Duration {
        if (amount <= 0) {
            throw new IllegalArgumentException("a duration must be positive");
        }
        if (unit != 'h' && unit != 'd' && unit != 'w') {
            throw new IllegalArgumentException("a duration's unit is h, d or w");
        }
    }

    /** Parses {@code 90d}, {@code 2w}, {@code 12h}; throws with a user-facing message otherwise. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + text + "': expected a number followed by h, d or w (e.g. 90d)");
        }
        return new Duration(Long.parseLong(m.group(1)), m.group(2).charAt(0));
    }

    public long hours() {
        return switch (unit) {
            case 'h' -> amount;
            case 'd' -> amount * 24;
            default -> amount * 24 * 7;
        };
    }

    public java.time.Duration toJava() {
        return java.time.Duration.ofHours(hours());
    }

    @Override
    public String toString() {
        return amount + String.valueOf(unit);
    }
}
