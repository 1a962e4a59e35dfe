package dev.gqm.collect.github;

import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.Review;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every page it is given, for assertions. */
final class RecordingSink implements IssueSink {
    record Page(String stream, List<Issue> issues, List<Comment> comments, List<Review> reviews, Instant cursor) {
    }

    final List<Page> pages = new ArrayList<>();

    @Override
    public void page(String stream, List<Issue> issues, List<Comment> comments, List<Review> reviews,
                     Instant cursor) {
        pages.add(new Page(stream, issues, comments, reviews, cursor));
    }

    List<Issue> issues(String stream) {
        return pages.stream().filter(p -> p.stream().equals(stream)).flatMap(p -> p.issues().stream()).toList();
    }
}
