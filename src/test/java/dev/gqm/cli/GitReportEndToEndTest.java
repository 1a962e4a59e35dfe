package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.testing.CommunityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on a JGit-built history: every git.* value, a series and items, worked out by hand. */
class GitReportEndToEndTest {
    static final String MODEL = """
            model: git-all
            title: Every git metric
            defaults: { window: 90d, period: month }
            goals:
              - id: all
                title: All git metrics
                questions:
                  - id: q
                    text: What does the history say?
                    metrics:
                      - metric: git.commits
                        thresholds: { warn: "< 5", fail: "< 2" }
                      - id: commits-with-bots
                        metric: git.commits
                        params: { include_bots: true }
                      - metric: git.contributors
                      - metric: git.new_contributors
                      - metric: git.inactive_contributors
                      - metric: git.bus_factor
                        thresholds: { fail: "< 2" }
                      - metric: git.elephant_factor
                      - metric: git.releases
            """;

    @TempDir
    static Path dir;
    static CliRunner.Run run;
    static JsonNode summary;
    static Path out;

    @BeforeAll
    static void report() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        out = dir.resolve("out");
        run = new CliRunner(dir).run("report", "--repo", repo.toString(), "--model", "model.yaml",
                "--store", dir.resolve("store.db").toString(), "--as-of", CommunityFixture.AS_OF, "--out", out.toString());
        summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    static Map<String, JsonNode> metrics() {
        Map<String, JsonNode> byId = new HashMap<>();
        summary.get("goals").get(0).get("questions").get(0).get("metrics").forEach(m -> byId.put(m.get("id").asText(), m));
        return byId;
    }

    @Test
    void exitsZeroAndSaysWhere() {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Report written to"), run.out());
        // Frank's commit after as-of is not history yet, and dated before the collection: no warning
        assertTrue(!run.err().contains("dated before 1990"), run.err());
        assertTrue(!run.err().contains("newest commit"), run.err());
    }

    @Test
    void everyGitMetricHasItsHandWorkedValue() {
        Map<String, JsonNode> m = metrics();
        assertEquals(4, m.get("git-commits").get("value").asInt());
        assertEquals(5, m.get("commits-with-bots").get("value").asInt());
        assertEquals(3, m.get("git-contributors").get("value").asInt());
        assertEquals(2, m.get("git-new-contributors").get("value").asInt());
        assertEquals(2, m.get("git-inactive-contributors").get("value").asInt());
        assertEquals(1, m.get("git-bus-factor").get("value").asInt());
        assertEquals(1, m.get("git-elephant-factor").get("value").asInt());
        assertEquals(1, m.get("git-releases").get("value").asInt());
    }

    @Test
    void statusesFollowThresholdsWorstOfUpward() {
        Map<String, JsonNode> m = metrics();
        assertEquals("warn", m.get("git-commits").get("status").asText());
        assertEquals("fail", m.get("git-bus-factor").get("status").asText());
        // no thresholds: a number to look at, never "pass"
        assertEquals("info", m.get("git-contributors").get("status").asText());
        assertEquals("fail", summary.get("status").asText());
        assertEquals("fail", summary.get("goals").get(0).get("status").asText());
        assertEquals("2026-07-01T00:00:00Z", summary.get("as_of").asText());
        assertEquals("git", summary.get("sources").get(0).get("kind").asText());
    }

    @Test
    void commitSeriesIsTheMetricAsOfEachMonthEnd() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("all/git-commits.csv"));
        assertEquals("period_start,value", lines.get(0));
        assertEquals(List.of("2025-07-01,0", "2025-08-01,0", "2025-09-01,1", "2025-10-01,1", "2025-11-01,1",
                "2025-12-01,0", "2026-01-01,1", "2026-02-01,1", "2026-03-01,1", "2026-04-01,2", "2026-05-01,3",
                "2026-06-01,4"), lines.subList(1, lines.size()));
    }

    @Test
    void newContributorsAreListedWithTheirFirstContribution() throws Exception {
        String items = Files.readString(out.resolve("all/git-new-contributors-items.csv"));
        // without --show-emails the people are named, not their addresses
        assertTrue(items.startsWith("person,first_contribution,commit\n"), items);
        assertTrue(items.contains("Dave,2026-05-05T12:00:00Z"), items);
        assertTrue(items.contains("Erin,2026-05-05T12:00:00Z"), items);
        assertEquals(3, items.strip().split("\\R").length, items);
    }

    @Test
    void inactiveContributorsAreBobAndCarol() throws Exception {
        String items = Files.readString(out.resolve("all/git-inactive-contributors-items.csv"));
        assertEquals("person,last_contribution\nCarol,2026-01-10T12:00:00Z\nBob,2025-09-15T12:00:00Z\n", items);
    }

    @Test
    void mailmapAliasIsOnePerson() throws Exception {
        String items = Files.readString(out.resolve("all/git-contributors-items.csv"));
        assertTrue(items.contains("Alice,example.com,3"), items);
        assertTrue(!items.contains("old-laptop"), items);
    }
}
