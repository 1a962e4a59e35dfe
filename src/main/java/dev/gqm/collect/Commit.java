package dev.gqm.collect;

import java.time.Instant;
import java.util.List;

/**
 * A commit's metadata: no diff. {@code parents} is the parent count (2+ is a merge);
 * {@code coAuthors} come from {@code Co-authored-by:} trailers of the message.
 */
public record Commit(String id, Signature author, Instant authoredAt, Instant committedAt, int parents,
                     List<Signature> coAuthors) {
    public Commit {
        coAuthors = List.copyOf(coAuthors);
    }

    public boolean merge() {
        return parents > 1;
    }
}
