package dev.gqm.collect;

import java.time.Instant;

/**
 * A review of a change request: its number, who reviewed, when ({@code submittedAt} null while
 * pending) and the neutral state (APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING).
 * Sources map their own notions onto it (GitLab: an approval, a "requested changes" note, a diff
 * note by someone other than the author). {@code id} is unique among the source's reviews.
 */
public record Review(long id, int changeNumber, Actor author, Instant submittedAt, String state) {
    public Review {
        author = author == null ? new Actor("", "") : author;
        state = state == null ? "" : state;
    }
}
