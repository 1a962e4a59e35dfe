package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.testing.HistoryBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git.releases leaves pre-release tags out unless the model asks for them. */
class PrereleaseReportTest {
    static final String MODEL = """
            model: releases
            title: Releases
            defaults: { window: 90d }
            goals:
              - id: releases
                title: Releases
                questions:
                  - id: q
                    text: How often does the project release?
                    metrics:
                      - id: releases
                        metric: git.releases
                        thresholds: { warn: "< 1" }
                      - id: with-prereleases
                        metric: git.releases
                        params: { include_prereleases: true }
                        thresholds: { warn: "< 1" }
            """;

    @TempDir
    Path dir;

    @Test
    void releaseCandidatesAndBetasAreNotReleases() throws Exception {
        Path repo = dir.resolve("repo");
        try (HistoryBuilder h = HistoryBuilder.init(repo)) {
            h.file("README.md", "x\n");
            ObjectId a = h.commit("Alice", "alice@example.com", "2026-05-01T12:00:00Z", "a");
            h.annotatedTag("v2.0.0-rc1", a, "Alice", "alice@example.com", "2026-05-02T12:00:00Z");
            ObjectId b = h.commit("Alice", "alice@example.com", "2026-05-20T12:00:00Z", "b");
            h.annotatedTag("v2.0.0", b, "Alice", "alice@example.com", "2026-05-21T12:00:00Z");
            ObjectId c = h.commit("Alice", "alice@example.com", "2026-06-10T12:00:00Z", "c");
            h.lightweightTag("v2.1.0.beta2", c);
        }
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        CliRunner.Run run = new CliRunner(dir).run("report", "--repo", repo.toString(), "--model", "model.yaml",
                "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01", "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile())
                .get("goals").get(0).get("questions").get(0).get("metrics");
        // v2.0.0 only; with pre-releases also v2.0.0-rc1 and v2.1.0.beta2
        assertEquals(1, metrics.get(0).get("value").asInt());
        assertEquals(3, metrics.get(1).get("value").asInt());
        assertEquals("v2.0.0", Files.readAllLines(dir.resolve("out/releases/releases-items.csv")).get(1).split(",")[0]);
    }
}
