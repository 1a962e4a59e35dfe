package dev.gqm.collect;

/**
 * A pull-request review. {@code submittedAt} is null for a PENDING review; {@code state} is the
 * tracker's (APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING).
 */
public record Review(long id, int pullNumber, Actor author, java.time.Instant submittedAt, String state) {
    public Review {
        author = author == null ? new Actor("", "") : author;
        state = state == null ? "" : state;
    }
}
