package dev.gqm.report;

import dev.gqm.evaluate.ModelResult;

/** On GitHub Actions, the table appended to the job summary, {@code $GITHUB_STEP_SUMMARY} ({@link StepSummary}). */
final class StepSummaryFormat implements CiFormat {
    @Override
    public String name() {
        return "job summary";
    }

    @Override
    public void write(ModelResult result, CiRun run) throws ReportException {
        String summary = run.env().get("GITHUB_STEP_SUMMARY");
        if (run.onGitHubActions() && summary != null && !summary.isBlank()) {
            StepSummary.append(result, run.failOn(), run.workDir().resolve(summary));
        }
    }
}
