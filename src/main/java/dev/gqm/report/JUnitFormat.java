package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;

/** The JUnit XML file named by {@code --junit} ({@link JUnitReport}). */
final class JUnitFormat implements CiFormat {
    @Override
    public String name() {
        return "JUnit XML";
    }

    @Override
    public void write(ModelResult result, CiRun run) throws ReportException {
        if (run.junitFile() != null) {
            JUnitReport.write(result, run.failOn(), run.junitFile());
        }
    }
}
