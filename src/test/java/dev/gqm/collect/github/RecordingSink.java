package dev.gqm.collect.github;

import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps every page it is given, for assertions. */
final class RecordingSink implements IssueSink {
    final List<Page> pages = new ArrayList<>();

    @Override
    public void page(Page page) {
        pages.add(page);
    }

    /** The ETags kept by the pages, by stream. */
    Map<String, Etag> etags() {
        Map<String, Etag> etags = new HashMap<>();
        pages.stream().filter(p -> p.etag() != null).forEach(p -> etags.put(p.stream(), p.etag()));
        return etags;
    }

    List<Issue> issues(String stream) {
        return pages.stream().filter(p -> p.stream().equals(stream))
                .flatMap(p -> java.util.stream.Stream.concat(p.items().stream(), p.changeFields().stream())).toList();
    }
}
