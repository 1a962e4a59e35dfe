package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub sends {@code "user": null} for an account deleted since ("ghost"): its items are kept with
 * an unknown author, who never answers and is never a person; the store keeps reporting, offline too.
 */
class DeletedAccountTest {
    static final String MODEL = """
            model: ghosts
            title: Ghosts
            goals:
              - id: issues
                title: Issues
                questions:
                  - id: q
                    text: Are issues answered?
                    metrics:
                      - metric: issue.opened
                        params: { window: 30d }
                      - metric: issue.first_response_time
                        stat: median
                        params: { window: 30d }
            """;

    @TempDir
    Path dir;

    @Test
    void itemsOfADeletedAccountAreKeptAndItsCommentsAnswerNothing() throws Exception {
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        try (FakeGitHub github = new FakeGitHub("o/r")) {
            github.addIssue(1, 1, "x", "User", "NONE", "2026-06-10T00:00:00Z", "2026-06-10T00:00:00Z", null, false)
                    .putNull("user");
            github.addIssue(2, 2, "alice", "User", "NONE", "2026-06-12T00:00:00Z", "2026-06-14T00:00:00Z", null, false);
            // the ghost's comment on #2 is no answer; bob's on #1, a day after it was opened, is
            github.addComment(11, 2, "x", "User", "2026-06-13T00:00:00Z", "2026-06-13T00:00:00Z").putNull("user");
            github.addComment(12, 1, "bob", "User", "2026-06-11T00:00:00Z", "2026-06-11T00:00:00Z");
            CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", "ghp_ghost0123456789"));
            for (String mode : new String[] {"online", "offline"}) {
                CliRunner.Run run = cli.run("report", "--model", "model.yaml", "--github", "o/r",
                        "--github-api-url", github.url(), "--github-api", "rest", "--store", dir.resolve("store.db").toString(),
                        "--as-of", "2026-07-01", "--out", dir.resolve("out").toString(),
                        mode.equals("offline") ? "--offline" : "--verbose");
                assertEquals(0, run.exitCode(), mode + ": " + run.err());
                Map<String, JsonNode> m = new HashMap<>();
                new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile()).get("goals").get(0)
                        .get("questions").get(0).get("metrics").forEach(n -> m.put(n.get("metric").asText(), n));
                assertEquals(2, m.get("issue.opened").get("value").asInt(), mode);
                // answered: #1 after 24 h; #2 waits (the ghost's comment does not count)
                assertEquals(24.0, m.get("issue.first_response_time").get("value").asDouble(), 1e-9, mode);
                assertEquals("{\"n\":2,\"observed\":1,\"censored\":1}",
                        m.get("issue.first_response_time").get("sample").toString(), mode);
            }
            String items = Files.readString(dir.resolve("out/issues/issue-opened-items.csv"));
            assertEquals(true, items.contains("(deleted account)"), items);
        }
    }
}
