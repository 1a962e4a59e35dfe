package dev.gqm.store;

import dev.gqm.collect.Commit;
import dev.gqm.collect.CommitSource;
import dev.gqm.collect.Signature;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommitFeedTest {
    private static final String TIP = "0".repeat(40);

    private static Commit commit(int n) {
        Instant at = Instant.ofEpochSecond(1_700_000_000L - n);
        return new Commit(String.format("%040x", n), new Signature("A", "a@x"), at, at, 1, List.of());
    }

    /** Walks {@code count} commits (forever when negative), then fails with {@code failure} if given. */
    private record Walk(int count, RuntimeException runtime, AtomicInteger delivered, CountDownLatch gate)
            implements CommitSource {
        Walk(int count, RuntimeException runtime, AtomicInteger delivered) {
            this(count, runtime, delivered, new CountDownLatch(0));
        }

        @Override
        public void walk(String tip, Collection<String> known, Consumer<Commit> sink) throws SourceException {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new SourceException("interrupted");
            }
            for (int n = 0; count < 0 || n < count; n++) {
                sink.accept(commit(n));
                delivered.incrementAndGet();
            }
            if (runtime != null) {
                throw runtime;
            }
            if (count == 1) {
                throw new SourceException("disk gone");
            }
        }

        @Override
        public String location() {
            return "/walk";
        }

        @Override
        public Optional<String> head() {
            return Optional.empty();
        }

        @Override
        public boolean shallow() {
            return false;
        }

        @Override
        public String mailmap() {
            return "";
        }

        @Override
        public List<Tag> tags() {
            return List.of();
        }

        @Override
        public boolean reachesFromHead(String ancestor) {
            return false;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void deliversEveryCommitInWalkOrderAcrossBatches() {
        List<Commit> seen = new ArrayList<>();
        try (CommitFeed feed = CommitFeed.start(new Walk(2_501, null, new AtomicInteger()), TIP, List.of())) {
            feed.forEachRemaining(seen::add);
            assertFalse(feed.hasNext());
        }
        assertEquals(2_501, seen.size());
        for (int n = 0; n < seen.size(); n++) {
            assertEquals(commit(n), seen.get(n));
        }
    }

    @Test
    @Timeout(10)
    void theReaderRunsIdleWorkOnItsThreadWhileTheWalkHasNothingForIt() {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        List<String> ranOn = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger deliveredBeforeFirst = new AtomicInteger(-1);
        Queue<Runnable> units = new ConcurrentLinkedQueue<>(List.of(
                () -> {
                    ranOn.add(Thread.currentThread().getName());
                    deliveredBeforeFirst.set(delivered.get());
                    gate.countDown(); // the walk starts only once the reader has found it idle
                },
                () -> ranOn.add(Thread.currentThread().getName()),
                () -> ranOn.add(Thread.currentThread().getName())));
        List<Commit> seen = new ArrayList<>();
        try (CommitFeed feed = CommitFeed.start(new Walk(2_501, null, delivered, gate), TIP, List.of())) {
            feed.whileWaiting(units::poll);
            feed.forEachRemaining(seen::add);
        }
        assertEquals(0, deliveredBeforeFirst.get(), "the first unit ran before the walk delivered anything");
        assertFalse(ranOn.isEmpty());
        ranOn.forEach(thread -> assertEquals(Thread.currentThread().getName(), thread, "run by the reader"));
        assertEquals(2_501, seen.size(), "every commit still arrives, in walk order");
        for (int n = 0; n < seen.size(); n++) {
            assertEquals(commit(n), seen.get(n));
        }
    }

    @Test
    void aFailedWalkSurfacesAfterTheCommitsBeforeIt() {
        List<Commit> seen = new ArrayList<>();
        try (CommitFeed feed = CommitFeed.start(new Walk(1, null, new AtomicInteger()), TIP, List.of())) {
            CommitFeed.Failure e = assertThrows(CommitFeed.Failure.class, () -> feed.forEachRemaining(seen::add));
            assertEquals("disk gone", e.getCause().getMessage());
        }
        assertEquals(List.of(commit(0)), seen);
        try (CommitFeed feed = CommitFeed.start(new Walk(0, new IllegalStateException("bug"), new AtomicInteger()), TIP, List.of())) {
            assertEquals("bug", assertThrows(IllegalStateException.class, feed::hasNext).getMessage());
        }
    }

    @Test
    @Timeout(10)
    void closingStopsAWalkNobodyReads() throws InterruptedException {
        AtomicInteger delivered = new AtomicInteger();
        int atClose;
        try (CommitFeed feed = CommitFeed.start(new Walk(-1, null, delivered), TIP, List.of())) {
            assertTrue(feed.hasNext());
            feed.next();
            // the walk fills the queue and waits for room
            do {
                atClose = delivered.get();
                Thread.sleep(30);
            } while (delivered.get() != atClose);
            // one batch read, the queue full, one batch waiting for room
            assertTrue(atClose < (CommitFeed.WAITING + 2) * CommitFeed.BATCH, "the queue is bounded: " + atClose);
        }
        int afterClose = delivered.get();
        // closing empties the queue, but the walk stops at once instead of filling it again
        assertTrue(afterClose - atClose <= 1, "the walk ran on: " + (afterClose - atClose));
        Thread.sleep(100);
        // the walker's thread has ended: nothing more arrives
        assertEquals(afterClose, delivered.get());
    }
}
