package dev.gqm.report;

import dev.gqm.evaluate.Status;
import java.util.Locale;

/** The status at which a CI gate fails: {@code fail} (SPEC §5, the default) or already at {@code warn}. */
public enum FailOn {
    WARN, FAIL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a metric at {@code status} fails the gate; no-data and info never do: neither is a verdict against the community. */
    public boolean trips(Status status) {
        return switch (status) {
            case FAIL -> true;
            case WARN -> this == WARN;
            case PASS, NO_DATA, INFO -> false;
        };
    }

    public static FailOn parse(String text) {
        for (FailOn f : values()) {
            if (f.label().equals(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown --fail-on '" + text + "': expected warn or fail");
    }
}
