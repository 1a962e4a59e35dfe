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
     * (stream → last cursor; an absent stream is read from the start), page by page, asking
     * conditionally where {@code etags} (stream → ETag kept by an earlier run) fit the request.
     */
    void collect(Map<String, Instant> cursors, Map<String, IssueSink.Etag> etags, IssueSink sink)
            throws SourceException;

    /** As {@link #collect(Map, Map, IssueSink)} with no ETags: every request unconditional. */
    default void collect(Map<String, Instant> cursors, IssueSink sink) throws SourceException {
        collect(cursors, Map.of(), sink);
    }

    /** Collects every review of each pull request in {@code pulls}, one sink page per pull. */
    void reviews(Set<Integer> pulls, IssueSink sink) throws SourceException;

    /** HTTP requests made so far, for progress and tests. */
    int requests();

    /** Of {@link #requests()}, those answered "304 Not Modified" (free against GitHub's rate limit). */
    int notModified();
}
