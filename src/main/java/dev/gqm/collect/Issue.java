package dev.gqm.collect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An issue or pull request of a tracker. {@code closedAt} is null while open; {@code mergedAt}
 * is null unless a merged pull request; {@code state} is the tracker's ("open", "closed").
 */
public record Issue(long id, int number, String title, String url, Actor author, String authorAssociation,
                    Instant createdAt, Instant updatedAt, Instant closedAt, boolean pullRequest,
                    Instant mergedAt, boolean draft, List<String> labels, String state) {
    public Issue {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        title = title == null ? "" : title;
        url = url == null ? "" : url;
        author = author == null ? new Actor("", "") : author;
        authorAssociation = authorAssociation == null ? "" : authorAssociation;
        labels = List.copyOf(labels);
        state = state == null ? "" : state;
    }
}
