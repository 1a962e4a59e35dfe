package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gqm report --github} against a local server: every issue.* and change.* value worked out
 * by hand (as of 2026-07-01, W = (2026-06-01, 2026-07-01]), and a canary token that must not
 * leak into any output, the store or the logs. The scenario is the one of TrackerMetricsTest,
 * served as GitHub payloads.
 */
class GitHubReportEndToEndTest {
    static final String CANARY = "ghp_CANARY0123456789abcdefCANARY";
    static final String MODEL = """
            model: tracker
            title: Tracker metrics
            defaults: { window: 30d }
            goals:
              - id: issues
                title: Issues
                questions:
                  - id: q
                    text: How are issues handled?
                    metrics:
                      - metric: issue.opened
                      - metric: issue.closed
                      - metric: issue.open
                      - metric: issue.stale
                        thresholds: { fail: ">= 1" }
                      - metric: issue.age
                      - metric: issue.first_response_time
                        thresholds: { warn: "> 12h", fail: "> 2d" }
                      - metric: issue.resolution_time
                      - metric: issue.closure_ratio
                        thresholds: { warn: "< 70%" }
              - id: changes
                title: Pull requests
                questions:
                  - id: q
                    text: How are pull requests handled?
                    metrics:
                      - metric: change.opened
                      - metric: change.merged
                      - metric: change.open
                      - metric: change.stale
                      - metric: change.merge_latency
                      - metric: change.acceptance_ratio
                      - metric: change.review_coverage
                      - metric: change.first_review_time
            """;

    @TempDir
    static Path dir;
    static FakeGitHub github;
    static CliRunner.Run run;
    static JsonNode summary;

    static String t(String day) {
        return day.length() == 10 ? day + "T00:00:00Z" : day;
    }

    static void issue(long id, int n, String login, String type, String created, String closed) {
        github.addIssue(id, n, login, type, "NONE", t(created), t(closed == null ? created : closed),
                closed == null ? null : t(closed), false);
    }

    static void pull(long id, int n, String login, String type, String created, String closed, boolean merged) {
        github.addIssue(id, n, login, type, "CONTRIBUTOR", t(created), t(closed == null ? created : closed),
                closed == null ? null : t(closed), true);
        github.addPull(id + 50_000, n, login, t(created), t(closed == null ? created : closed),
                merged ? t(closed) : null, false);
    }

    static void comment(long id, int n, String login, String type, String at) {
        github.addComment(id, n, login, type, t(at), t(at));
    }

    @BeforeAll
    static void report() throws Exception {
        github = new FakeGitHub("o/r");
        issue(1, 1, "alice", "User", "2026-06-02", null);
        comment(101, 1, "alice", "User", "2026-06-02T05:00:00Z");
        comment(102, 1, "github-actions[bot]", "Bot", "2026-06-02T06:00:00Z");
        comment(103, 1, "bob", "User", "2026-06-03");
        issue(2, 2, "carol", "User", "2026-06-10", "2026-06-12");
        comment(104, 2, "dave", "User", "2026-06-10T12:00:00Z");
        issue(3, 3, "erin", "User", "2026-06-20", "2026-07-05");
        issue(4, 4, "frank", "User", "2026-04-01", null);
        comment(105, 4, "renovate[bot]", "Bot", "2026-06-25");
        issue(5, 5, "gina", "User", "2026-05-01", null);
        comment(106, 5, "bob", "User", "2026-06-15");
        issue(6, 6, "hank", "User", "2026-03-01", "2026-06-05");
        issue(7, 7, "ivan", "User", "2026-07-10", null);
        comment(107, 7, "bob", "User", "2026-07-11");
        issue(8, 8, "dependabot[bot]", "Bot", "2026-06-15", null);
        pull(10, 10, "alice", "User", "2026-06-05", "2026-06-06", true);
        github.addReview(201, 10, "bob", "User", t("2026-06-05T10:00:00Z"), "APPROVED");
        pull(11, 11, "dependabot[bot]", "Bot", "2026-06-07", "2026-06-08", true);
        pull(12, 12, "carol", "User", "2026-06-08", "2026-06-09", false);
        pull(13, 13, "dave", "User", "2026-06-10", "2026-06-20", true);
        github.addReview(202, 13, "coderabbitai[bot]", "Bot", t("2026-06-11"), "COMMENTED");
        github.addReview(203, 13, "dave", "User", t("2026-06-12"), "COMMENTED");
        github.addReview(204, 13, "alice", "User", t("2026-06-21"), "APPROVED");
        pull(14, 14, "erin", "User", "2026-06-25", null, false);
        pull(15, 15, "gina", "User", "2026-05-01", null, false);
        comment(108, 15, "bob", "User", "2026-05-10");

        Files.writeString(dir.resolve("model.yaml"), MODEL);
        CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", CANARY));
        run = cli.run("report", "--model", "model.yaml", "--github", "o/r", "--github-api-url", github.url(), "--github-api", "rest",
                "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01", "--out", dir.resolve("out").toString());
        summary = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    static Map<String, JsonNode> metrics() {
        Map<String, JsonNode> byId = new HashMap<>();
        summary.get("goals").forEach(g -> g.get("questions").get(0).get("metrics").forEach(m -> byId.put(m.get("metric").asText(), m)));
        return byId;
    }

    @Test
    void everyTrackerMetricHasItsHandWorkedValue() {
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Double> expected = Map.ofEntries(
                Map.entry("issue.opened", 3.0), Map.entry("issue.closed", 2.0), Map.entry("issue.open", 4.0),
                Map.entry("issue.stale", 1.0), Map.entry("issue.age", 1080.0), Map.entry("issue.first_response_time", 24.0),
                Map.entry("issue.resolution_time", 1176.0), Map.entry("issue.closure_ratio", 0.6667),
                Map.entry("change.opened", 4.0), Map.entry("change.merged", 2.0), Map.entry("change.open", 2.0),
                Map.entry("change.stale", 1.0), Map.entry("change.merge_latency", 132.0),
                Map.entry("change.acceptance_ratio", 0.6667), Map.entry("change.review_coverage", 0.5),
                Map.entry("change.first_review_time", 240.0));
        Map<String, JsonNode> m = metrics();
        expected.forEach((id, value) -> assertEquals(value, m.get(id).get("value").asDouble(), 1e-4, id));
        assertEquals("hours", m.get("issue.age").get("unit").asText());
        assertEquals("fail", m.get("issue.stale").get("status").asText());
        assertEquals("warn", m.get("issue.first_response_time").get("status").asText());
        assertEquals("warn", m.get("issue.closure_ratio").get("status").asText());
        assertEquals("github", summary.get("sources").get(0).get("kind").asText());
        assertEquals("o/r", summary.get("sources").get(0).get("repository").asText());
    }

    @Test
    void aLowerBoundIsMarkedInTheSeriesCsv() throws Exception {
        // S(10 h) = 3/4 and no later review before a close: at least 240 h (#13, merged unreviewed)
        List<String> rows = Files.readAllLines(dir.resolve("out/changes/change-first-review-time.csv"));
        assertEquals("period_start,value,censored", rows.get(0));
        assertEquals("2026-06-01,240,true", rows.get(rows.size() - 1));
        JsonNode m = metrics().get("change.first_review_time");
        assertEquals(true, m.get("censored").asBoolean());
        assertEquals("info", m.get("status").asText());
        // a plain median has no such column
        assertEquals("period_start,value", Files.readAllLines(dir.resolve("out/changes/change-merge-latency.csv")).get(0));
    }

    @Test
    void staleIssuesAreListedWithLinks() throws Exception {
        String items = Files.readString(dir.resolve("out/issues/issue-stale-items.csv"));
        assertTrue(items.contains("4,item 4,https://github.com/o/r/issues/4,frank"), items);
        assertEquals(2, items.strip().split("\\R").length, items);
    }

    @Test
    void theTokenIsSentButNeverWrittenAnywhere() throws Exception {
        assertTrue(github.authorizations.stream().anyMatch(a -> a.contains(CANARY)));
        Canary.assertNowhere(CANARY, dir, run);
    }

    @Test
    void anOfflineRerunMakesNoRequestAndGivesTheSameNumbers() throws Exception {
        int before = github.requests.size();
        CliRunner.Run offline = new CliRunner(dir, dir.resolve("home"), Map.of()).run("report", "--model", "model.yaml",
                "--github", "o/r", "--github-api-url", github.url(), "--github-api", "rest", "--offline", "--store", dir.resolve("store.db").toString(),
                "--as-of", "2026-07-01", "--out", dir.resolve("offline").toString());
        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals(before, github.requests.size());
        JsonNode again = new ObjectMapper().readTree(dir.resolve("offline/summary.json").toFile());
        assertEquals(summary.get("goals"), again.get("goals"));
    }

    @Test
    void anIncrementalRerunWithNothingChangedMakesAHandfulOfRequests() {
        int before = github.requests.size();
        CliRunner.Run again = new CliRunner(dir, dir.resolve("home"), Map.of("GH_TOKEN", CANARY)).run("check",
                "--model", "model.yaml", "--github", "o/r", "--github-api-url", github.url(), "--github-api", "rest",
                "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01");
        assertEquals(1, again.exitCode(), again.err());
        int requests = github.requests.size() - before;
        assertTrue(requests > 0 && requests < 10, "requests: " + requests);
        assertTrue(again.out().contains("fail    issues/issue-stale issue.stale = 1 [fail >= 1]"), again.out());
        assertFalse(again.out().contains(CANARY) || again.err().contains(CANARY));
    }
}
