package dev.gqm.collect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An issue or change request (pull request, merge request) of a tracker. {@code id} is unique
 * among the source's items of the same kind; {@code closedAt} is the present close time, null
 * while open; {@code mergedAt} is null unless a merged change request; {@code state} and
 * {@code authorAssociation} are the source's own words ("open", "closed"; "MEMBER"), kept as
 * given. The state at an earlier time comes from the item's {@link StateEvent}s when the source
 * keeps them.
 */
public record Issue(long id, int number, String title, String url, Actor author, String authorAssociation,
                    Instant createdAt, Instant updatedAt, Instant closedAt, boolean changeRequest,
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

    /** What {@link Comment#on()} and {@link StateEvent#on()} say for this item. */
    public ItemType type() {
        return changeRequest ? ItemType.CHANGE_REQUEST : ItemType.ISSUE;
    }
}
