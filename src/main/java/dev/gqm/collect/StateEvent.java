package dev.gqm.collect;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded change of an item's state: closed, reopened or merged, at a time, by an actor (an
 * empty login when the source does not say). Sources that keep such a history (GitLab's resource
 * state events, Bugzilla's status changes, GitHub GraphQL's timeline) give one per change; a
 * source that knows only an item's present close time (GitHub REST) gives none.
 */
public record StateEvent(ItemType on, int number, Actor actor, Instant at, Kind kind) {
    public enum Kind {
        CLOSED, REOPENED, MERGED;

        /** Whether the item is closed after this change (a merge closes). */
        public boolean closes() {
            return this != REOPENED;
        }
    }

    public StateEvent {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        actor = actor == null ? new Actor("", "") : actor;
    }
}
