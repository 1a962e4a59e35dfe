package dev.gqm.dataset;

import dev.gqm.Trace;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;
import tech.tablesaw.table.TableSlice;

/**
 * Initialises Tablesaw's {@code Table} class ahead of its first use. Its static initialiser scans
 * the whole class path for readers and writers (about half a second in the fat jar): run in a
 * moment the collection would otherwise wait for the Git walk ({@link #runHere()}), or on a
 * daemon thread ({@link #start()}), the scan no longer delays the dataset.
 */
public final class TablesawWarmup {
    private static final AtomicBoolean CLAIMED = new AtomicBoolean();
    private static final CompletableFuture<Void> READY = new CompletableFuture<>();

    private TablesawWarmup() {
    }

    /** Initialises Tablesaw on this thread, unless that was done or is being done elsewhere; never throws. */
    public static void runHere() {
        if (!CLAIMED.compareAndSet(false, true)) {
            return;
        }
        try {
            initialise();
            READY.complete(null);
        } catch (Throwable e) {
            // kept for awaitReady, the one place that can report it with its cause
            READY.completeExceptionally(e);
        }
    }

    /** Starts the initialisation on a daemon thread, unless it was claimed already; returns at once. */
    public static void start() {
        if (CLAIMED.get()) {
            return;
        }
        Thread thread = new Thread(TablesawWarmup::runHere, "gqm-tablesaw-warmup");
        // never keeps the process alive: if the run ends first, the scan was not needed
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits for the initialisation to end, running it on the calling thread when nobody has
     * started it. Tablesaw's first use must not race: its class initialisers depend on each other
     * in a cycle (ColumnType and the column types), and two threads entering them at once can
     * deadlock; this was seen when two threads created columns at the same time. After this
     * returns, tables can be built on several threads.
     *
     * @throws IllegalStateException when Tablesaw could not be initialised
     */
    public static void awaitReady() {
        runHere();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    READY.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("cannot initialise Tablesaw: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void initialise() {
        // one column of each kind the dataset uses, in a table and a view: every Tablesaw class
        // the dataset's tables need is then initialised, by this thread alone
        Table table = Table.create("warm-up", IntColumn.create("i", new int[] {1}), LongColumn.create("l", new long[] {1}),
                StringColumn.create("s", List.of("s")), BooleanColumn.create("b", new boolean[] {true}));
        new TableSlice(table, Selection.withRange(0, 1)).rowCount();
        Trace.at("tablesaw ready");
    }
}
