package dev.gqm.collect;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** An issue tracker of one repository, read incrementally into an {@link IssueSink}. */
public interface IssueSource {
    /** Stream names: {@link #collect} runs the first three in this order. */
    String ISSUES = "issues";
    String COMMENTS = "comments";
    String PULLS = "pulls";
    String REVIEWS_PREFIX = "reviews:";

    /** The repository as "owner/name". */
    String repository();

    /**
     * Collects issues, comments and pull-request fields changed since {@code cursors}
     * (stream → last cursor; an absent stream is read from the start), page by page.
     */
    void collect(Map<String, Instant> cursors, IssueSink sink) throws SourceException;

    /** Collects every review of each pull request in {@code pulls}, one sink page per pull. */
    void reviews(Set<Integer> pulls, IssueSink sink) throws SourceException;

    /** HTTP requests made so far, for progress and tests. */
    int requests();
}
