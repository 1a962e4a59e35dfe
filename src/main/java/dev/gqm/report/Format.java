package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One output of the report directory: a name and the files it writes there. {@link ReportWriter}
 * runs every format of {@link Formats#REPORT}; a new output is one class and one line there.
 */
interface Format {
    /** What it writes, for messages and tests. */
    String name();

    /** Writes its files for {@code result} into {@code dir}, the staging directory whose goal folders exist. */
    void write(ModelResult result, Path dir, ReportCharts charts) throws IOException;

    /** Work that needs no results (libraries started, templates compiled), done while collecting; optional. */
    default void prepare() throws IOException {
    }

    /**
     * Whether {@link #write} waits for {@code charts}: such a format runs on a thread of its own, so
     * that waiting does not take a turn from the threads drawing them.
     */
    default boolean usesCharts() {
        return false;
    }
}
