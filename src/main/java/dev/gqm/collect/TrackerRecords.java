package dev.gqm.collect;

import java.util.List;

/** Everything stored of one tracker source: its items and what happened on them. */
public record TrackerRecords(List<Issue> items, List<Comment> comments, List<Review> reviews,
                             List<StateEvent> events) {
    public TrackerRecords {
        items = List.copyOf(items);
        comments = List.copyOf(comments);
        reviews = List.copyOf(reviews);
        events = List.copyOf(events);
    }
}
