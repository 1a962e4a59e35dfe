package dev.gqm.collect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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

    /**
     * As {@link #page(String, List, List, List, Instant)}, also keeping the stream's {@code etag}
     * (null: leave it as it was) in the same transaction. A sink that keeps no ETags only loses
     * the next run's conditional requests.
     */
    default void page(String stream, List<Issue> issues, List<Comment> comments, List<Review> reviews,
                      Instant cursor, Etag etag) throws Exception {
        page(stream, issues, comments, reviews, cursor);
    }

    /**
     * The ETag of a stream's first-page request {@code url} whose answer was the stream's whole
     * news: the next run sends it back (If-None-Match), and 304 means nothing changed.
     */
    record Etag(String url, String value) {
        public Etag {
            Objects.requireNonNull(url, "url");
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("blank ETag for " + url);
            }
        }
    }
}
