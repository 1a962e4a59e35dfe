package dev.gqm;

import java.time.Duration;
import java.time.Instant;

/**
 * Phase timings for speed work: with the environment variable {@code GQM_TRACE} set, each
 * {@link #at} prints the milliseconds since the JVM started, the thread and the phase to stderr
 * (used by {@code bench/}). Off, it costs one field read.
 */
public final class Trace {
    private static final Instant START = System.getenv("GQM_TRACE") == null ? null
            : ProcessHandle.current().info().startInstant().orElse(Instant.now());

    private Trace() {
    }

    public static void at(String phase) {
        if (START != null) {
            System.err.println("[trace " + Duration.between(START, Instant.now()).toMillis() + " ms "
                    + Thread.currentThread().getName() + "] " + phase);
        }
    }
}
