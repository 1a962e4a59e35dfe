package dev.gqm.dataset;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises Tablesaw's {@code Table} class ahead of its first use, on a daemon thread. Its static
 * initialiser scans the whole class path for readers and writers (about half a second in the fat
 * jar); started before collection, the scan overlaps the Git walk instead of delaying the dataset.
 */
public final class TablesawWarmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

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
        thread.start();
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
