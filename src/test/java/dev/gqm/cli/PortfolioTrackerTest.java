package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.github.FakeGitHub;
import dev.gqm.collect.gitlab.FakeGitLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A portfolio entry names its tracker by the tracker's own keys: github and github_api_url, gitlab and gitlab_url. */
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
                    + "    github: o/r\n    github_api: rest\n    github_api_url: " + github.url() + "\n");
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

    @Test
    void aGitLabEntryReadsItsProjectFromItsInstance() throws Exception {
        Files.writeString(dir.resolve("model.yaml"), PartialCollectionTest.MODEL);
        try (FakeGitLab gitlab = new FakeGitLab("g/sub/p")) {
            gitlab.addItem(false, 1, "alice", false, "2026-06-10T00:00:00Z", "2026-06-10T00:00:00Z", null, null);
            gitlab.addItem(false, 2, "bob", false, "2026-06-12T00:00:00Z", "2026-06-12T00:00:00Z", null, null);
            Files.createDirectories(dir.resolve("repo"));
            Files.writeString(dir.resolve("portfolio.yaml"), "repositories:\n  - repo: repo\n    name: one\n"
                    + "    gitlab: g/sub/p\n    gitlab_url: " + gitlab.url() + "\n");
            CliRunner.Run run = new CliRunner(dir, dir.resolve("home"), Map.of())
                    .run("report", "--portfolio", "portfolio.yaml", "--model", "model.yaml", "--store",
                            dir.resolve("store.db").toString(), "--as-of", "2026-07-01", "--out", dir.resolve("out").toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(gitlab.requests.stream().anyMatch(r -> r.startsWith("/api/v4/projects/g%2Fsub%2Fp/issues?")),
                    gitlab.requests.toString());
            assertTrue(run.err().contains("warning: no GITLAB_TOKEN set: GitLab is read anonymously (public projects only)"),
                    run.err());
            List<String> csv = Files.readAllLines(dir.resolve("out/portfolio.csv"));
            assertTrue(csv.get(1).startsWith("one,,") && csv.get(1).contains(",2,"), csv.toString());
        }
    }
}
