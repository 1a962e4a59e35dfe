package dev.gqm.dataset;

import dev.gqm.Trace;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;
import tech.tablesaw.table.TableSlice;

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
     * Waits for a started warm-up to end, or initialises Tablesaw on the calling thread when none
     * was started. Tablesaw's first use must not race: its class initialisers depend on each
     * other in a cycle (ColumnType and the column types), and two threads entering them at once
     * can deadlock; this was seen when two threads created columns at the same time. After this
     * returns, tables can be built on several threads.
     */
    public static void awaitReady() {
        Thread thread = running;
        if (thread == null) {
            initialise(); // on this thread, before any other enters Tablesaw (quick once done)
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
        // one column of each kind the dataset uses, in a table and a view: every Tablesaw class
        // the dataset's tables need is then initialised, by this thread alone
        Table table = Table.create("warm-up", IntColumn.create("i", new int[] {1}), LongColumn.create("l", new long[] {1}),
                StringColumn.create("s", List.of("s")), BooleanColumn.create("b", new boolean[] {true}));
        new TableSlice(table, Selection.withRange(0, 1)).rowCount();
        Trace.at("tablesaw ready");
    }
}
