package dev.gqm.dataset;

import java.time.Instant;

/** A comment or review on an item, by a resolved person, at a time at or before as-of. */
public record Response(Person by, Instant at) {
}
