package dev.gqm.dataset;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/** Everything the metrics read for one as-of: each source is present only when configured. */
public record Dataset(Instant asOf, Optional<GitData> git, Optional<IssueData> tracker) {
    public Dataset(Instant asOf, Optional<GitData> git) {
        this(asOf, git, Optional.empty());
    }

    /** The earliest event of any source, or null when there is none: time series start there. */
    public Instant earliest() {
        return Stream.of(git.map(GitData::firstCommit), tracker.map(IssueData::firstCreated))
                .flatMap(Optional::stream).filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }
}
