package dev.gqm.collect;

import java.time.Instant;
import java.util.List;

/**
 * Receives what an {@link IssueSource} collects, one page of one stream per call. A call is
 * stored with the stream's cursor atomically, so a run stopped between pages resumes there.
 *
 * <p>Streams: {@code issues} (issues and pull requests), {@code comments}, {@code pulls}
 * (issues carrying a pull request's number, {@code mergedAt} and {@code draft}; their ids are
 * pull ids, not issue ids, so they are merged by number), {@code reviews:<n>} (every review of
 * pull request n in one call).
 */
public interface IssueSink {
    /** @param cursor the stream's new cursor, or null to leave it as it was */
    void page(String stream, List<Issue> issues, List<Comment> comments, List<Review> reviews, Instant cursor)
            throws Exception;
}
