package dev.gqm.collect;

import java.time.Instant;

/** A tag with its date: the tagger date for an annotated tag, else the tagged commit's date. */
public record Tag(String name, String target, Instant date) {
}
