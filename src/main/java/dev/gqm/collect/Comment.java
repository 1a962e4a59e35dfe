package dev.gqm.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment by a person on an issue or change request (the conversation, not comments on code
 * lines, and never a system note). {@code on} says which kind of item {@code issueNumber} names.
 */
public record Comment(long id, int issueNumber, Actor author, Instant createdAt, Instant updatedAt, ItemType on) {
    public Comment {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        author = author == null ? new Actor("", "") : author;
        on = on == null ? ItemType.EITHER : on;
    }

    /** A comment of a source that numbers issues and change requests in one sequence. */
    public Comment(long id, int issueNumber, Actor author, Instant createdAt, Instant updatedAt) {
        this(id, issueNumber, author, createdAt, updatedAt, ItemType.EITHER);
    }
}
