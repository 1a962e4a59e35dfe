package dev.gqm.collect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Receives what an {@link IssueSource} collects, one {@link Page} per call. A page is stored with
 * its stream's cursor (and ETag) atomically, so a run stopped between pages resumes there. Stream
 * names are the source's own: the sink keeps a cursor per name and reads nothing into them.
 */
public interface IssueSink {
    void page(Page page) throws Exception;

    /**
     * One page of one stream.
     *
     * @param items whole issues and change requests (inserted or replaced)
     * @param changeFields change requests known only by number with their {@code mergedAt} and
     *     {@code draft} (a source that lists those apart from the items, such as GitHub's pull
     *     listing); they apply to the item of that number whenever it arrives
     * @param reviewsComplete the number of a change request whose reviews this page holds in full
     *     (it is then not asked for again until the item changes), or null
     * @param cursor the stream's new cursor, or null to leave it as it was
     * @param etag the stream's new ETag (see {@link Etag}), or null to leave it as it was
     */
    record Page(String stream, List<Issue> items, List<Issue> changeFields, List<Comment> comments,
                List<Review> reviews, List<StateEvent> events, Integer reviewsComplete, Instant cursor, Etag etag) {
        public Page {
            Objects.requireNonNull(stream, "stream");
            items = List.copyOf(items);
            changeFields = List.copyOf(changeFields);
            comments = List.copyOf(comments);
            reviews = List.copyOf(reviews);
            events = List.copyOf(events);
        }

        /** A page of items with what happened on them. */
        public static Page of(String stream, List<Issue> items, List<Comment> comments, List<Review> reviews,
                              List<StateEvent> events, Instant cursor) {
            return new Page(stream, items, List.of(), comments, reviews, events, null, cursor, null);
        }

        /** The same page keeping {@code etag} too. */
        public Page withEtag(Etag value) {
            return new Page(stream, items, changeFields, comments, reviews, events, reviewsComplete, cursor, value);
        }

        public boolean empty() {
            return items.isEmpty() && changeFields.isEmpty() && comments.isEmpty() && reviews.isEmpty()
                    && events.isEmpty() && reviewsComplete == null && cursor == null && etag == null;
        }
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
