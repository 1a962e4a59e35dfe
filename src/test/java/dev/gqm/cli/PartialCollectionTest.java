package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection stopped halfway leaves its pages in the store; a report from that store says, next
 * to every tracker value, that the store holds only part of the items, until a collection finishes.
 */
class PartialCollectionTest {
    static final String MODEL = """
            model: partial
            title: Partial
            goals:
              - id: issues
                title: Issues
                questions:
                  - id: q
                    text: How many issues were opened?
                    metrics:
                      - metric: issue.opened
                        params: { window: 30d }
                        thresholds: { warn: "< 1" }
            """;

    @TempDir
    Path dir;

    JsonNode report(CliRunner cli, String... extra) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("report", "--model", "model.yaml",
                "--github", "o/r", "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01",
                "--out", dir.resolve("out").toString()));
        args.addAll(java.util.List.of(extra));
        CliRunner.Run run = cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
    }

    @Test
    void aStoreLeftHalfwayIsNotedUntilACollectionFinishes() throws Exception {
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        try (FakeGitHub github = new FakeGitHub("o/r")) {
            github.addIssue(1, 1, "alice", "User", "NONE", "2026-06-10T00:00:00Z", "2026-06-10T00:00:00Z", null, false);
            github.addIssue(2, 2, "bob", "User", "NONE", "2026-06-12T00:00:00Z", "2026-06-12T00:00:00Z", null, false);
            // the issues are read and stored, then the pull requests' listing is refused: exit 3
            github.fail("/repos/o/r/pulls", 401, Map.of(), "{\"message\":\"Bad credentials\"}");
            CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", "ghp_partial0123456789"));
            CliRunner.Run failed = cli.run("report", "--github", "o/r", "--github-api-url", github.url(), "--github-api", "rest",
                    "--store", dir.resolve("store.db").toString(), "--model", "model.yaml", "--out", dir.resolve("out").toString());
            assertEquals(ExitCode.SOURCE, failed.exitCode(), failed.err());

            JsonNode partial = report(cli, "--offline", "--github-api-url", github.url(), "--github-api", "rest");
            JsonNode metric = partial.get("goals").get(0).get("questions").get(0).get("metrics").get(0);
            assertEquals(2, metric.get("value").asInt(), "what was stored is measured");
            assertEquals(1, metric.get("notes").size(), metric.toString());
            assertEquals("partial-collection", metric.get("notes").get(0).get("code").asText());
            assertTrue(partial.get("warnings").toString().contains("holds only part of o/r's issues"), partial.toString());

            JsonNode whole = report(cli, "--github-api-url", github.url(), "--github-api", "rest");
            assertEquals(0, whole.get("goals").get(0).get("questions").get(0).get("metrics").get(0).get("notes").size());
            JsonNode offline = report(cli, "--offline", "--github-api-url", github.url(), "--github-api", "rest");
            assertEquals(0, offline.get("goals").get(0).get("questions").get(0).get("metrics").get(0).get("notes").size());
            assertEquals(0, offline.get("warnings").size(), offline.get("warnings").toString());
        }
    }
}
