package dev.gqm.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a check run gives its CI outputs: the gate, the JUnit file asked for (null when none), the
 * environment (GitHub Actions is recognised by it) with the directory its paths are relative to,
 * and the standard output.
 */
public record CiRun(FailOn failOn, Path junitFile, Map<String, String> env, Path workDir, PrintWriter out) {
    public CiRun {
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(out, "out");
    }

    /** Whether the run is a GitHub Actions job. */
    boolean onGitHubActions() {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }
}
