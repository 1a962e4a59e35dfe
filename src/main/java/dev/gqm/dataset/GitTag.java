package dev.gqm.dataset;

import java.time.Instant;
import java.util.Objects;

/**
 * A tag as the metrics see it.
 *
 * @param name   the tag name, without {@code refs/tags/}
 * @param commit the id of the tagged commit
 * @param date   the tagger date, else the tagged commit's committer date
 */
public record GitTag(String name, String commit, Instant date) {
    public GitTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(date, "date");
    }
}
