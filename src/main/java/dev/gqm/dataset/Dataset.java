package dev.gqm.dataset;

import java.time.Instant;
import java.util.Optional;

/** Everything the metrics read for one as-of: each source is present only when configured. */
public record Dataset(Instant asOf, Optional<GitData> git) {
    /** The earliest event of any source, or null when there is none: time series start there. */
    public Instant earliest() {
        return git.map(GitData::firstCommit).orElse(null);
    }
}
