package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The portfolio file: every problem located as FILE:LINE:COL, exit 2, and nothing collected. */
class PortfolioFileTest {
    @TempDir
    Path dir;

    CliRunner.Run report(String portfolio, String... extra) throws Exception {
        Files.writeString(dir.resolve("portfolio.yaml"), portfolio);
        List<String> args = new java.util.ArrayList<>(List.of("report", "--portfolio", "portfolio.yaml",
                "--store", "store.db", "--as-of", "2026-07-01", "--out", "out"));
        args.addAll(List.of(extra));
        return new CliRunner(dir).run(args.toArray(String[]::new));
    }

    @Test
    void everyProblemIsLocatedAndNothingIsCollected() throws Exception {
        CliRunner.Run run = report("""
                repositories:
                  - repo: repos/a.git
                    colour: blue
                  - github: o/b
                  - repo: https://example.org/x/a
                  - repo: repos/c
                    name: Not_Valid
                    github: not a repo
                  - repo: repos/__.git
                """);
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        String file = dir.resolve("portfolio.yaml").toString();
        List<String> lines = run.err().lines().toList();
        assertEquals(List.of(
                "gqm: " + file + ":3:5: unknown key 'colour' in a repository (expected repo, github, github_api_url, github_api, gitlab, gitlab_url, bugzilla, name, group, branch)",
                "gqm: " + file + ":4:5: a repository needs 'repo': a local Git path or a clone URL",
                "gqm: " + file + ":5:11: name 'a' is already used by the repository at line 2, column 11; give one of them a distinct 'name:'",
                "gqm: " + file + ":7:11: 'name' must be lower-case letters, digits and '-' ([a-z0-9-]+), not 'Not_Valid'",
                "gqm: " + file + ":8:13: 'github': bad --github 'not a repo': expected OWNER/REPO",
                "gqm: " + file + ":9:11: cannot derive a name from 'repos/__.git': add 'name: ...' ([a-z0-9-]+)"), lines);
        assertFalse(Files.exists(dir.resolve("store.db")), "nothing may be collected from an invalid portfolio");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void brokenYamlIsLocated() throws Exception {
        CliRunner.Run run = report("repositories:\n  - repo: [a\n");
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().matches("(?s)gqm: .*portfolio\\.yaml:\\d+:\\d+: invalid YAML: .*"), run.err());
    }

    @Test
    void anEmptyListIsNoPortfolio() throws Exception {
        CliRunner.Run run = report("repositories: []\n");
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("portfolio.yaml:1:15: 'repositories' must be a list of at least one repository"), run.err());
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRunner.Run run = new CliRunner(dir).run("report", "--portfolio", "nope.yaml", "--store", "store.db");
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("nope.yaml: portfolio file not found"), run.err());
    }

    @Test
    void repoAndGithubBelongInTheFile() throws Exception {
        CliRunner.Run run = report("repositories:\n  - repo: a\n", "--repo", ".");
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("--repo cannot be combined with --portfolio"), run.err());
        assertFalse(Files.exists(dir.resolve("store.db")));
    }

    @ParameterizedTest
    @CsvSource({
            "https://github.com/o/Repo.git, repo",
            "git@github.com:o/my_lib.git, my-lib",
            "/srv/git/Tools.Core/, tools-core",
            "../relative/x--y, x-y",
            "github.com:solo.git, solo",
            // a checkout's own directory (.git, repo) is not the project's name: the segment before it is
            "https://github.com/rails/rails.git, rails",
            "/srv/mirrors/rails/repo, rails",
            "/srv/mirrors/rails/repo/, rails",
            "/srv/mirrors/rails/Repo.git, rails",
            "file:///srv/mirrors/rails/repo, rails",
            "/x/linux/.git, linux",
            "/x/linux/repo/.git, linux",
            "C:\\mirrors\\rails\\repo, rails",
            // only one level is skipped: in <name>/repo the project may be called repo
            "/x/repo/repo, repo",
            "repo, repo",
            "./repo, repo",
            "../repo, repo",
            "../rails/./repo, rails",
            // on a forge the last segment is the repository's own name, whatever it is
            "https://github.com/o/repo, repo",
            "git@github.com:o/repo.git, repo",
    })
    void nameIsDerivedFromTheLastSegment(String repo, String name) {
        assertEquals(name, PortfolioFileReader.derivedName(repo));
    }
}
