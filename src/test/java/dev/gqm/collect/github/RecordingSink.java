package dev.gqm.collect.github;

import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.Review;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps every page it is given, for assertions. */
final class RecordingSink implements IssueSink {
    record Page(String stream, List<Issue> issues, List<Comment> comments, List<Review> reviews, Instant cursor,
                Etag etag) {
    }

    final List<Page> pages = new ArrayList<>();

    @Override
    public void page(String stream, List<Issue> issues, List<Comment> comments, List<Review> reviews,
                     Instant cursor) {
        pages.add(new Page(stream, issues, comments, reviews, cursor, null));
    }

    @Override
    public void page(String stream, List<Issue> issues, List<Comment> comments, List<Review> reviews,
                     Instant cursor, Etag etag) {
        pages.add(new Page(stream, issues, comments, reviews, cursor, etag));
    }

    /** The ETags kept by the pages, by stream. */
    Map<String, Etag> etags() {
        Map<String, Etag> etags = new HashMap<>();
        pages.stream().filter(p -> p.etag() != null).forEach(p -> etags.put(p.stream(), p.etag()));
        return etags;
    }

    List<Issue> issues(String stream) {
        return pages.stream().filter(p -> p.stream().equals(stream)).flatMap(p -> p.issues().stream()).toList();
    }
}
