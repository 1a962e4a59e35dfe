package dev.gqm.dataset;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises Tablesaw's {@code Table} class ahead of its first use, on a daemon thread. Its static
 * initialiser scans the whole class path for readers and writers (about half a second in the fat
 * jar); started before collection, the scan overlaps the Git walk instead of delaying the dataset.
 */
public final class TablesawWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Thread running;

    private TablesawWarmup() {
    }

    /** Starts the initialisation once per process; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(TablesawWarmup::initialise, "gqm-tablesaw-warmup");
        // never keeps the process alive: if the run ends first, the scan was not needed
        thread.setDaemon(true);
        running = thread;
        thread.start();
    }

    /**
     * Waits for a started warm-up to end. Tablesaw's first use must not race with it: its class
     * initialisers depend on each other in a cycle (ColumnType and the column types), and two
     * threads entering them at once can deadlock; this was seen when two threads created
     * columns at the same time. Returns at once when no warm-up was started or it has ended.
     */
    public static void awaitReady() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Catches nothing that it could not rethrow: a failing initialiser ends this thread (the JVM
     * prints the error, the only place its cause shows on Java 17) and the run's first real use of
     * {@code Table} then fails with NoClassDefFoundError, which the CLI reports as any other failure.
     */
    private static void initialise() {
        try {
            Class.forName("tech.tablesaw.api.Table", true, TablesawWarmup.class.getClassLoader());
            dev.gqm.Trace.at("tablesaw ready");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Tablesaw is missing from the class path", e);
        }
    }
}
