package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.gitlab.FakeGitLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a failing GitLab does to a run: exit 3 with one line, and the token neither shown nor sent elsewhere. */
class GitLabFaultsEndToEndTest {
    static final String CANARY = "glpat-FAULTCANARY9876543210";

    @TempDir
    Path dir;

    private CliRunner.Run report(FakeGitLab gitlab, String project) throws Exception {
        Files.writeString(dir.resolve("model.yaml"), GitHubReportEndToEndTest.MODEL);
        return new CliRunner(dir, dir.resolve("home"), Map.of("GITLAB_TOKEN", CANARY)).run("report",
                "--model", "model.yaml", "--gitlab", project, "--gitlab-url", gitlab.url(),
                "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01",
                "--out", dir.resolve("out").toString());
    }

    @Test
    void aRefusedTokenIsExitThreeNamingTheHostAndTheVariable() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p")) {
            gitlab.fail("issues", 401, Map.of(), "{\"message\":\"401 Unauthorized\"}");
            CliRunner.Run run = report(gitlab, "g/p");
            assertEquals(ExitCode.SOURCE, run.exitCode(), run.err());
            String host = gitlab.url().substring("http://".length());
            List<String> lines = run.err().strip().lines().toList();
            assertEquals("gqm: bad credentials for GitLab " + host + ": check GITLAB_TOKEN", lines.get(lines.size() - 1));
            Canary.assertNowhere(CANARY, dir, run);
        }
    }

    @Test
    void aMissingProjectIsExitThree() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p")) {
            CliRunner.Run run = report(gitlab, "g/other");
            assertEquals(ExitCode.SOURCE, run.exitCode(), run.err());
            assertTrue(run.err().contains("project not found or no access: g/other"), run.err());
            Canary.assertNowhere(CANARY, dir, run);
        }
    }

    @Test
    void aNextPageOnAnotherHostIsRefusedBeforeTheTokenTravels() throws Exception {
        try (FakeGitLab gitlab = new FakeGitLab("g/p"); FakeGitLab elsewhere = new FakeGitLab("g/p")) {
            gitlab.pageSize = 1;
            gitlab.addItem(false, 1, "alice", false, "2026-06-01T00:00:00Z", "2026-06-01T00:00:00Z", null, null);
            gitlab.addItem(false, 2, "bob", false, "2026-06-02T00:00:00Z", "2026-06-02T00:00:00Z", null, null);
            gitlab.linkBase = elsewhere.url();
            CliRunner.Run run = report(gitlab, "g/p");
            assertEquals(ExitCode.SOURCE, run.exitCode(), run.err());
            assertTrue(run.err().contains("refusing to follow"), run.err());
            assertEquals(0, elsewhere.requests.size(), "nothing was sent to the other host");
            Canary.assertNowhere(CANARY, dir, run);
        }
    }
}
