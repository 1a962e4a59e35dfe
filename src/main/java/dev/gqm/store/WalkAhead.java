package dev.gqm.store;

import dev.gqm.collect.CommitSource;
import java.util.Set;

/**
 * A walk started before its run knows what the store holds: on a first collection there is
 * nothing to stop at, so the history can be read while the command line is parsed and the store
 * opened. A {@link GitSync} given it by its {@link GitSync.Aid} adopts it only when it walks from the same
 * tip and stops at the same commits as the walk it would start itself; otherwise it is closed.
 */
public final class WalkAhead implements AutoCloseable {
    private final String tip;
    private final Set<String> known;
    private final CommitFeed feed;
    private boolean adopted;

    private WalkAhead(String tip, Set<String> known, CommitFeed feed) {
        this.tip = tip;
        this.known = known;
        this.feed = feed;
    }

    /** Starts walking {@code source} from {@code tip}, stopping at {@code known} commits. */
    public static WalkAhead start(CommitSource source, String tip, Set<String> known) {
        Set<String> stops = Set.copyOf(known);
        return new WalkAhead(tip, stops, CommitFeed.start(source, tip, stops));
    }

    /** The feed, handed over once, when it is the walk a sync from {@code tip} to {@code known} needs; else null. */
    synchronized CommitFeed adopt(String tip, Set<String> known) {
        if (adopted || !this.tip.equals(tip) || !this.known.equals(known)) {
            return null;
        }
        adopted = true;
        return feed;
    }

    /** Stops the walk unless a sync adopted it (then the sync closes it). */
    @Override
    public synchronized void close() {
        if (!adopted) {
            adopted = true;
            feed.close();
        }
    }
}
