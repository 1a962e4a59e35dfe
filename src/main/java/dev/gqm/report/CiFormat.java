package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;

/**
 * One output of {@code gqm check} for a CI system: a name and how it writes the check's result to
 * where the run asks for it. The check runs every format of {@link Formats#CI}, in order.
 */
public interface CiFormat {
    /** What it writes, for messages and tests. */
    String name();

    /** Writes {@code result} as {@code run} asks; does nothing when the run does not ask for this output. */
    void write(ModelResult result, CiRun run) throws ReportException;
}
