package dev.gqm.collect;

import java.time.Instant;
import java.util.Objects;

/** A comment on an issue or pull request (the conversation, not review comments on code). */
public record Comment(long id, int issueNumber, Actor author, Instant createdAt, Instant updatedAt) {
    public Comment {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        author = author == null ? new Actor("", "") : author;
    }
}
