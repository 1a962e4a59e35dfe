package dev.gqm.dataset;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's part in one non-merge commit: its author, or one of its co-authors.
 *
 * @param person who, after identity merging
 * @param at     the commit's author time, epoch milliseconds
 * @param commit the commit id
 */
public record Contribution(Person person, long at, String commit) {
    public Contribution {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(commit, "commit");
    }

    public Instant time() {
        return Instant.ofEpochMilli(at);
    }
}
