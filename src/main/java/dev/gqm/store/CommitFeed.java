package dev.gqm.store;

import dev.gqm.Trace;
import dev.gqm.collect.Commit;
import dev.gqm.collect.CommitSource;
import dev.gqm.collect.SourceException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A commit walk run on a thread of its own, its commits handed over in batches: reading a large
 * history (mostly inflating objects) and inserting it into the store then overlap. A failure of
 * the walk comes out of {@link #hasNext()}; {@link #close()} stops a walk nobody reads any more.
 */
final class CommitFeed implements Iterator<Commit>, AutoCloseable {
    static final int BATCH = 1_000;
    /**
     * Batches waiting for the reader, at most: enough for a walk started before its reader was
     * ready (a {@link WalkAhead}) to run on for a second or so, and a bound on a very long history.
     */
    static final int WAITING = 128;
    private static final List<Commit> END = new ArrayList<>(0);

    private final BlockingQueue<List<Commit>> batches = new ArrayBlockingQueue<>(WAITING);
    private volatile boolean cancelled;
    private volatile Exception failure;
    private Thread walker;
    private Iterator<Commit> current = Collections.emptyIterator();
    private boolean ended;
    private Supplier<Runnable> idle = () -> null;

    private CommitFeed() {
    }

    /** Starts walking {@code source} from {@code tip}, stopping at {@code known} commits. */
    static CommitFeed start(CommitSource source, String tip, Collection<String> known) {
        CommitFeed feed = new CommitFeed();
        feed.walker = new Thread(() -> feed.walk(source, tip, known), "gqm-git-walk");
        feed.walker.setDaemon(true);
        feed.walker.start();
        return feed;
    }

    private void walk(CommitSource source, String tip, Collection<String> known) {
        List<List<Commit>> pending = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
        try {
            source.walk(tip, known, commit -> {
                if (cancelled) {
                    throw new Stopped(); // closed: stop at once, not when the queue is full again
                }
                List<Commit> batch = pending.get(0);
                batch.add(commit);
                if (batch.size() == BATCH) {
                    hand(batch);
                    pending.set(0, new ArrayList<>(BATCH));
                }
            });
        } catch (Stopped e) {
            return; // the reader is gone: nobody waits for the end
        } catch (SourceException | RuntimeException e) {
            failure = e;
        }
        try {
            // the commits read before a failure still come first
            if (!pending.get(0).isEmpty()) {
                hand(pending.get(0));
            }
            Trace.at("walk end");
            hand(END);
        } catch (Stopped e) {
            // the reader left meanwhile
        }
    }

    /** Blocks while the reader is behind, but not for a reader that has closed the feed. */
    private void hand(List<Commit> batch) {
        try {
            while (cancelled || !batches.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /**
     * Work for the reader's idle moments: whenever the walk has no batch ready, the reader runs the
     * next unit ({@code idle} returns null when none is left) instead of waiting. The walk goes on
     * meanwhile and queues its batches; units should each take a few tens of milliseconds, since
     * one that is running when the walk ends delays the end of the collection.
     */
    void whileWaiting(Supplier<Runnable> idle) {
        this.idle = idle;
    }

    private List<Commit> nextBatch() throws InterruptedException {
        List<Commit> batch = batches.poll();
        while (batch == null) {
            Runnable unit = idle.get();
            if (unit == null) {
                return batches.take();
            }
            unit.run();
            batch = batches.poll();
        }
        return batch;
    }

    /** @throws Failure when the walk failed with a {@link SourceException} */
    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (ended) {
                return false;
            }
            List<Commit> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(new SourceException("interrupted while reading Git history"));
            }
            if (batch == END) {
                ended = true;
                Exception e = failure;
                if (e instanceof SourceException source) {
                    throw new Failure(source);
                }
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                return false;
            }
            current = batch.iterator();
        }
        return true;
    }

    @Override
    public Commit next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    /** Stops the walk if it is still running and waits for its thread. */
    @Override
    public void close() {
        cancelled = true;
        batches.clear();
        boolean interrupted = false;
        while (walker.isAlive()) {
            try {
                walker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The walk's {@link SourceException}, carried through {@link Iterator}'s unchecked methods. */
    static final class Failure extends RuntimeException {
        Failure(SourceException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized SourceException getCause() {
            return (SourceException) super.getCause();
        }
    }

    /** Unwinds the walk once the reader has closed the feed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
