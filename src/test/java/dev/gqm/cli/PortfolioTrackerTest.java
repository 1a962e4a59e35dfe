package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A portfolio entry names its tracker by the tracker's own keys: github and github_api_url. */
class PortfolioTrackerTest {
    @TempDir
    Path dir;

    @Test
    void anEntrysTrackerKeysReachItsRun() throws Exception {
        Files.writeString(dir.resolve("model.yaml"), PartialCollectionTest.MODEL);
        try (FakeGitHub github = new FakeGitHub("o/r")) {
            github.addIssue(1, 1, "alice", "User", "NONE", "2026-06-10T00:00:00Z", "2026-06-10T00:00:00Z", null, false);
            github.addIssue(2, 2, "bob", "User", "NONE", "2026-06-12T00:00:00Z", "2026-06-12T00:00:00Z", null, false);
            Files.createDirectories(dir.resolve("repo"));
            Files.writeString(dir.resolve("portfolio.yaml"), "repositories:\n  - repo: repo\n    name: one\n"
                    + "    github: o/r\n    github_api_url: " + github.url() + "\n");
            CliRunner.Run run = new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", "ghp_portfolio0123456789"))
                    .run("report", "--portfolio", "portfolio.yaml", "--model", "model.yaml", "--store",
                            dir.resolve("store.db").toString(), "--as-of", "2026-07-01", "--out", dir.resolve("out").toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(github.requests.stream().anyMatch(r -> r.startsWith("/repos/o/r/issues")), github.requests.toString());
            List<String> csv = Files.readAllLines(dir.resolve("out/portfolio.csv"));
            // issue.opened in 30 days: #1 and #2
            assertTrue(csv.get(1).startsWith("one,,") && csv.get(1).contains(",2,"), csv.toString());
        }
    }
}
