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
        assertEquals("--github or --bugzilla", Trackers.howToGive());
        assertEquals(List.of("github", "github_api_url", "bugzilla.url", "bugzilla.products", "bugzilla.components"),
                Trackers.portfolioKeys());
        for (String command : List.of("report", "check", "collect")) {
            String help = new CliRunner(dir).run(command, "--help").out();
            assertTrue(help.contains("--github=OWNER/REPO") && help.contains("--github-api-url=URL"), command + ": " + help);
        }
        assertTrue(!new CliRunner(dir).run("validate", "--help").out().contains("--github"));
    }
}
