package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracker sources as the CLI sees them: through their contract and one list, never by name. */
class TrackersTest {
    @TempDir
    Path dir;

    @Test
    void aTrackerIsTurnedOnByItsFirstOptionAndChecksItsValues() {
        assertTrue(Trackers.active(Map.of()).isEmpty());
        // an endpoint alone reads nothing
        assertTrue(Trackers.active(Map.of("--github-api-url", "https://git.example.com/api/v3")).isEmpty());
        Trackers.Active github = Trackers.active(Map.of("--github", "o/r",
                "--github-api-url", "https://git.example.com/api/v3/")).orElseThrow();
        assertEquals("github", github.tracker().kind());
        assertEquals("https://git.example.com/api/v3/repos/o/r", github.configured().location());
        assertEquals("https://git.example.com/o/r", github.configured().webUrl());
        GqmException bad = assertThrows(GqmException.class, () -> Trackers.active(Map.of("--github", "o")));
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertEquals("bad --github 'o': expected OWNER/REPO", bad.getMessage());
    }

    @Test
    void theirOptionsAndPortfolioKeysComeFromTheTrackers() {
        assertEquals("--github, --gitlab or --bugzilla", Trackers.howToGive());
        assertEquals(List.of("github", "github_api_url", "github_api", "gitlab", "gitlab_url", "bugzilla.url", "bugzilla.products",
                "bugzilla.components"), Trackers.portfolioKeys());
        for (String command : List.of("report", "check", "collect")) {
            String help = new CliRunner(dir).run(command, "--help").out();
            assertTrue(help.contains("--github=OWNER/REPO") && help.contains("--github-api-url=URL")
                    && help.contains("--github-api=graphql|rest"), command + ": " + help);
            assertTrue(help.contains("--gitlab=GROUP/PROJECT") && help.contains("--gitlab-url=URL"), command + ": " + help);
        }
        assertTrue(!new CliRunner(dir).run("validate", "--help").out().contains("--github"));
    }

    @Test
    void gitLabTakesAFullPathWithSubgroupsOnAnyInstance() {
        Trackers.Active gitlab = Trackers.active(Map.of("--gitlab", "kde/graphics/krita")).orElseThrow();
        assertEquals("gitlab", gitlab.tracker().kind());
        assertEquals("GitLab", gitlab.tracker().name());
        assertEquals("https://gitlab.com/api/v4/projects/kde/graphics/krita", gitlab.configured().location());
        assertEquals("https://gitlab.com/kde/graphics/krita", gitlab.configured().webUrl());
        assertEquals("issues and merge requests of kde/graphics/krita on gitlab.com", gitlab.configured().describe());
        Trackers.Active selfManaged = Trackers.active(Map.of("--gitlab", "g/p",
                "--gitlab-url", "https://invent.example.org:8443/")).orElseThrow();
        assertEquals("https://invent.example.org:8443/g/p", selfManaged.configured().webUrl());
        assertEquals("issues and merge requests of g/p on invent.example.org:8443", selfManaged.configured().describe());
        String problem = selfManaged.configured().credentialProblem(Map.of("GITLAB_TOKEN", "glpat-sec\nret")).orElseThrow();
        assertTrue(problem.startsWith("GITLAB_TOKEN holds a character that an HTTP header cannot carry"), problem);
        assertTrue(!problem.contains("glpat") && !problem.contains("ret"), problem);
        assertTrue(selfManaged.configured().credentialProblem(Map.of()).isEmpty());
        for (String bad : List.of("p", "g/", "/g/p", "g//p", "g/../p", "g/p?x")) {
            GqmException e = assertThrows(GqmException.class, () -> Trackers.active(Map.of("--gitlab", bad)), bad);
            assertEquals("bad --gitlab '" + bad + "': expected GROUP/PROJECT (the full path, subgroups included)",
                    e.getMessage());
        }
        GqmException url = assertThrows(GqmException.class,
                () -> Trackers.active(Map.of("--gitlab", "g/p", "--gitlab-url", "gitlab.com")));
        assertEquals(ExitCode.USAGE, url.exitCode());
    }

    @Test
    void twoForgesExcludeEachOtherInOneLine() {
        GqmException both = assertThrows(GqmException.class,
                () -> Trackers.active(Map.of("--github", "o/r", "--gitlab", "g/p")));
        assertEquals(ExitCode.USAGE, both.exitCode());
        assertEquals("--github and --gitlab exclude each other: give one forge per repository", both.getMessage());
        CliRunner.Run run = new CliRunner(dir).run("report", "--github", "o/r", "--gitlab", "g/p",
                "--store", dir.resolve("never.db").toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertEquals("gqm: --github and --gitlab exclude each other: give one forge per repository", run.err().strip());
    }
}
