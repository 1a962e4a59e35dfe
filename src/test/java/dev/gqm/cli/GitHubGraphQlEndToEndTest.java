package dev.gqm.cli;

import static dev.gqm.collect.github.FakeGitHubGraphQl.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.github.FakeGitHubGraphQl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a token a run reads GitHub over GraphQL by default and says what it spent; without one, GraphQL is refused. */
class GitHubGraphQlEndToEndTest {
    private static final String TOKEN = "ghp_gqlend0123456789";

    @TempDir
    Path dir;

    @Test
    void aRunWithATokenReadsGraphQlAndReportsRequestsAndPoints() throws Exception {
        Files.writeString(dir.resolve("model.yaml"), DeletedAccountTest.MODEL);
        try (FakeGitHubGraphQl github = new FakeGitHubGraphQl("o/r")) {
            github.cost = 3;
            Map<String, Object> one = github.addItem(false, 1, 1, null, "2026-06-10T00:00:00Z", "2026-06-11T00:00:00Z",
                    null);
            FakeGitHubGraphQl.addComment(one, 12, actor("User", "bob"), "2026-06-11T00:00:00Z", "2026-06-11T00:00:00Z");
            Map<String, Object> two = github.addItem(false, 2, 2, actor("User", "alice"), "2026-06-12T00:00:00Z",
                    "2026-06-14T00:00:00Z", null);
            FakeGitHubGraphQl.addComment(two, 11, null, "2026-06-13T00:00:00Z", "2026-06-13T00:00:00Z");
            CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", TOKEN));
            CliRunner.Run run = cli.run("report", "--model", "model.yaml", "--github", "o/r",
                    "--github-api-url", github.apiUrl(), "--store", dir.resolve("store.db").toString(),
                    "--as-of", "2026-07-01", "--out", dir.resolve("out").toString(), "--verbose");
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(java.util.List.of(), github.invalid);
            assertTrue(run.err().contains("GitHub: 2 requests, 6 points"), run.err());
            Map<String, JsonNode> m = new HashMap<>();
            new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile()).get("goals").get(0)
                    .get("questions").get(0).get("metrics").forEach(n -> m.put(n.get("metric").asText(), n));
            assertEquals(2, m.get("issue.opened").get("value").asInt());
            assertEquals(24.0, m.get("issue.first_response_time").get("value").asDouble(), 1e-9);
        }
    }

    @Test
    void graphQlWithoutATokenOrAnUnknownApiIsAUsageError() {
        CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of());
        CliRunner.Run run = cli.run("collect", "--github", "o/r", "--github-api", "graphql");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--github-api graphql needs a token"), run.err());
        CliRunner.Run bad = cli.run("collect", "--github", "o/r", "--github-api", "soap");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("bad --github-api 'soap': expected graphql or rest"), bad.err());
    }
}
