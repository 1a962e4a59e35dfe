package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.testing.HistoryBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report that cannot be written is that repository's failure (exit 4), not the portfolio's end. */
class PortfolioWriteFailureTest {
    @TempDir
    Path dir;

    @Test
    void anOccupiedReportDirectoryFailsOnlyItsRepository() throws Exception {
        for (String name : List.of("one", "two")) {
            try (HistoryBuilder h = HistoryBuilder.init(dir.resolve(name))) {
                h.file("README.md", name + "\n");
                h.commit("Gina", "gina@a.org", "2026-05-01T12:00:00Z", "start");
            }
        }
        Files.writeString(dir.resolve("model.yaml"), """
                model: one-metric
                title: One metric
                goals:
                  - id: activity
                    title: Work happens
                    questions:
                      - id: work
                        text: Is work happening?
                        metrics:
                          - metric: git.commits
                """);
        Files.writeString(dir.resolve("portfolio.yaml"), "repositories:\n  - repo: one\n  - repo: two\n");
        // a previous portfolio of gqm's (its table, from before the marker file) in which someone put a
        // folder of their own where a report goes: not a gqm report, so the writer must refuse to replace it
        Files.createDirectories(dir.resolve("out/one"));
        Files.writeString(dir.resolve("out/portfolio.csv"), "name,group,repository,status,activity:status,error\n");
        Files.writeString(dir.resolve("out/one/notes.txt"), "mine\n");

        CliRunner.Run run = new CliRunner(dir).run("report", "--portfolio", "portfolio.yaml", "--model", "model.yaml",
                "--store", "store.db", "--as-of", "2026-07-01", "--out", "out");

        assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
        assertEquals("mine\n", Files.readString(dir.resolve("out/one/notes.txt")));
        assertTrue(Files.isRegularFile(dir.resolve("out/two/summary.json")));
        List<String> csv = Files.readAllLines(dir.resolve("out/portfolio.csv"));
        assertEquals("name,group,repository,status,activity:status,activity:git-commits,error", csv.get(0));
        assertTrue(csv.get(1).matches("one,,.*/one,failed,,,cannot write report to .*: it exists and is not a gqm report.*"),
                csv.get(1));
        assertTrue(csv.get(2).matches("two,,.*/two,info,info,1,"), csv.get(2));
    }
}
