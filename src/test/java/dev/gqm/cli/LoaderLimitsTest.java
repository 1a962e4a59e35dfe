package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input files are refused with exit 2 and one line, whichever loader reads them. */
class LoaderLimitsTest {
    @TempDir
    Path dir;

    private CliRunner.Run report(String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("report",
                "--store", dir.resolve("store.db").toString(), "--out", dir.resolve("out").toString()));
        args.addAll(java.util.List.of(extra));
        return new CliRunner(dir).run(args.toArray(String[]::new));
    }

    private static void assertOneLineUsageError(CliRunner.Run run, String start) {
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("gqm: " + start), run.err());
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedWithoutReadingItAll() {
        if (!Files.isReadable(Path.of("/dev/zero"))) {
            throw new IllegalStateException("this test needs /dev/zero");
        }
        assertOneLineUsageError(report("--identities", "/dev/zero"), "/dev/zero: identities file larger than the limit");
        assertOneLineUsageError(report("--portfolio", "/dev/zero"), "/dev/zero: portfolio file larger than the limit");
        assertOneLineUsageError(report("--model", "/dev/zero"), "model not found: /dev/zero");
    }

    @Test
    void yamlNestedThousandsOfLevelsDeepIsRefused() throws Exception {
        String deep = "[".repeat(3000) + "]".repeat(3000) + "\n";
        Files.writeString(dir.resolve("people.yaml"), "people: " + deep);
        CliRunner.Run people = report("--identities", "people.yaml");
        assertOneLineUsageError(people, dir.resolve("people.yaml") + ":1:58: invalid YAML: nested more than 50 levels deep");
        Files.writeString(dir.resolve("portfolio.yaml"), "repositories: " + deep);
        assertOneLineUsageError(report("--portfolio", "portfolio.yaml"),
                dir.resolve("portfolio.yaml") + ":1:64: invalid YAML: nested more than 50 levels deep");
    }
}
