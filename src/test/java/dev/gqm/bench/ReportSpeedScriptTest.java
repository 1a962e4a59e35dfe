package dev.gqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * bench/report-speed.sh stops with one line before measuring anything when it has no repository.
 * Only the cases that end before a benchmark could start are run here.
 */
class ReportSpeedScriptTest {
    static final Path SCRIPT = Path.of("bench/report-speed.sh");

    record Run(int exitCode, String stderr) {
    }

    static Run run(String benchRepo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("GQM_BENCH_REPO");
        if (benchRepo != null) {
            pb.environment().put("GQM_BENCH_REPO", benchRepo);
        }
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script did not stop");
        return new Run(p.exitValue(), err);
    }

    @Test
    void withoutARepositoryItPrintsItsUsageInOneLine() throws Exception {
        Path fallback = Path.of("bench/repos/git.git");
        Assumptions.assumeFalse(Files.exists(fallback), fallback + " exists: the script would run the benchmark");
        Run r = run(null, "--as-of", "2025-01-01");
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().startsWith("usage: bench/report-speed.sh REPOSITORY [gqm report options...] (or GQM_BENCH_REPO="), r.stderr());
        assertTrue(r.stderr().contains("git clone --mirror https://github.com/git/git.git"), r.stderr());
    }

    @Test
    void aMissingRepositoryIsNamed() throws Exception {
        Run fromVariable = run("/nonexistent/gqm-bench-repo", "--as-of", "2025-01-01");
        assertEquals(2, fromVariable.exitCode());
        assertEquals("bench: no repository at /nonexistent/gqm-bench-repo\n", fromVariable.stderr());
        // the argument wins over the variable
        Run fromArgument = run("/nonexistent/other", "/nonexistent/gqm-bench-repo");
        assertEquals("bench: no repository at /nonexistent/gqm-bench-repo\n", fromArgument.stderr());
    }
}
