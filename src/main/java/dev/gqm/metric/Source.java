package dev.gqm.metric;

/**
 * What a metric reads, named by what it is, not by who serves it: Git history, a tracker's issues
 * (a forge such as GitHub, or a bug tracker), or a forge's change requests. Without it the metric is
 * no-data.
 */
public enum Source {
    GIT, ISSUES, CHANGES;

    /** Whether an issue tracker or a forge provides it (not the Git history). */
    public boolean tracker() {
        return this != GIT;
    }

    /** How a message names what is missing: "an issue tracker", "a forge". */
    public String missing() {
        return switch (this) {
            case GIT -> "a Git repository";
            case ISSUES -> "an issue tracker";
            case CHANGES -> "a forge";
        };
    }
}
