package dev.gqm.collect;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** An issue tracker of one project, read incrementally into an {@link IssueSink}. */
public interface IssueSource {
    /** What it reads, as reports name it ("owner/name"). */
    String repository();

    /**
     * Collects what changed since {@code cursors} (stream → last cursor; an absent stream is read
     * from the start), page by page, asking conditionally where {@code etags} (stream → ETag kept
     * by an earlier run) fit the request.
     */
    void collect(Map<String, Instant> cursors, Map<String, IssueSink.Etag> etags, IssueSink sink)
            throws SourceException;

    /** As {@link #collect(Map, Map, IssueSink)} with no ETags: every request unconditional. */
    default void collect(Map<String, Instant> cursors, IssueSink sink) throws SourceException {
        collect(cursors, Map.of(), sink);
    }

    /** Whether it can {@link #collectOpen collect only the items open now}. */
    default boolean collectsOpenOnly() {
        return false;
    }

    /**
     * As {@link #collect}, for a run that needs only the items open at its as-of (the present):
     * a stream without a cursor reads only the items open now and those closed since
     * {@code closedSince} (the run's as-of, or the earlier one of a first pass stopped halfway:
     * they were open then), with what happened on them; a stream with a cursor reads every item
     * changed since, closed ones too, so that an item closed since is learnt, and one that the
     * store does not hold ({@code held}: the item numbers it holds), closed when the store was
     * filled and changed or reopened since, with its earlier activity: an item held is held with
     * all of it.
     * Its streams are named apart from {@link #collect}'s, so that a later {@link #collect} finds
     * no cursor of its own and reads the whole history from the start.
     */
    default void collectOpen(Instant closedSince, java.util.Set<Integer> held, Map<String, Instant> cursors,
                             Map<String, IssueSink.Etag> etags, IssueSink sink) throws SourceException {
        throw new UnsupportedOperationException(repository() + ": no open-only collection");
    }

    /**
     * Collects every review of each change request in {@code changes} (those updated since their
     * reviews were last read in full), one sink page per change request marked
     * {@link IssueSink.Page#reviewsComplete()}. A source that reads reviews with the items in
     * {@link #collect} does nothing here.
     */
    default void reviews(Set<Integer> changes, IssueSink sink) throws SourceException {
    }

    /** HTTP requests made so far, for progress and tests. */
    int requests();

    /** Of {@link #requests()}, those answered "304 Not Modified" (free against GitHub's rate limit). */
    int notModified();

    /** Rate-limit points spent so far, for sources whose limit counts points (GitHub GraphQL); else 0. */
    default int points() {
        return 0;
    }
}
