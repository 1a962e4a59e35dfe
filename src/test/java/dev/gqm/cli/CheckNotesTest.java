package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.testing.CommunityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data note stands beside its value in every output of check, not only in the report. */
class CheckNotesTest {
    static final String MODEL = """
            model: notes
            title: Notes
            goals:
              - id: activity
                title: Activity
                questions:
                  - id: q
                    text: Is code committed?
                    metrics:
                      - metric: git.commits
                        thresholds: { fail: "< 100" }
            """;

    @TempDir
    Path dir;

    @Test
    void aHistoryThatEndsEarlyIsNotedUnderTheMetricAndInTheJUnitMessage() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        // the newest commit (Frank's, 2026-07-15T12:00Z) is 47.5 days before 2026-09-01
        CliRunner.Run run = new CliRunner(dir, dir.resolve("home"), Map.of()).run("check", "--repo", repo.toString(),
                "--model", "model.yaml", "--store", dir.resolve("store.db").toString(), "--as-of", "2026-09-01",
                "--junit", "junit.xml");
        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("fail    activity/git-commits git.commits = "), run.out());
        assertEquals("        note history-ends-early: the newest commit (2026-07-15) is 47.5 days before as-of: recent"
                + " activity may be missing (an old clone or the wrong branch?)", lines.get(1));
        String junit = Files.readString(dir.resolve("junit.xml"));
        assertTrue(junit.contains("; notes: history-ends-early: the newest commit (2026-07-15) is 47.5 days before as-of"),
                junit);
        assertTrue(run.err().contains("warning: the newest commit (2026-07-15) is 47.5 days before as-of"), run.err());
    }

    @Test
    void anInfoMetricIsASkippedTestCaseNeverAPassedOne() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        Files.writeString(dir.resolve("info.yaml"), MODEL.replaceAll("(?m)^\\s*thresholds:.*\\n", ""));
        CliRunner.Run run = new CliRunner(dir, dir.resolve("home"), Map.of()).run("check", "--repo", repo.toString(),
                "--model", "info.yaml", "--store", dir.resolve("store.db").toString(), "--as-of", CommunityFixture.AS_OF,
                "--junit", "junit.xml");
        assertEquals(0, run.exitCode(), run.err());
        String junit = Files.readString(dir.resolve("junit.xml"));
        assertTrue(junit.contains("tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\""), junit);
        assertTrue(junit.contains("<skipped message=\"value 4 count (no thresholds: shown for information, not judged)\">"),
                junit);
    }
}
