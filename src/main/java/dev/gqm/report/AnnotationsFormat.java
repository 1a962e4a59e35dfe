package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;

/** On GitHub Actions, the workflow commands that annotate the run, on standard output ({@link Annotations}). */
final class AnnotationsFormat implements CiFormat {
    @Override
    public String name() {
        return "GitHub annotations";
    }

    @Override
    public void write(ModelResult result, CiRun run) {
        if (run.onGitHubActions()) {
            Annotations.lines(result, run.failOn()).forEach(run.out()::println);
            run.out().flush();
        }
    }
}
