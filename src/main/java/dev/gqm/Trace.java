package dev.gqm;

/**
 * Phase timings for speed work: with the environment variable {@code GQM_TRACE} set, each
 * {@link #at} prints the milliseconds since {@code main} started, the thread and the phase to
 * stderr (used by {@code bench/}). Off, it costs one field read.
 */
public final class Trace {
    private static final boolean ON = System.getenv("GQM_TRACE") != null;
    private static final long START = System.nanoTime();

    private Trace() {
    }

    public static void at(String phase) {
        if (ON) {
            System.err.println("[trace " + (System.nanoTime() - START) / 1_000_000 + " ms "
                    + Thread.currentThread().getName() + "] " + phase);
        }
    }
}
