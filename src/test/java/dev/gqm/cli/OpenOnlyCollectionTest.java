package dev.gqm.cli;

import static dev.gqm.collect.github.FakeGitHubGraphQl.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.github.FakeGitHub;
import dev.gqm.collect.github.FakeGitHubGraphQl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stale gate as of now reads only the open items (SPEC §3 "Collect what the run needs"); the
 * store remembers it, and a later report collects the rest. The clock is CliRunner's,
 * 2026-11-22T10:00Z; the tracker, served over REST and over GraphQL:
 * <ul>
 *   <li>#1 open since 08-01, bob's comment 09-01: stale (82 days)</li>
 *   <li>#2 open since 11-01, no comment: 21 days, not stale</li>
 *   <li>#3 open since 07-01, carol's comment 11-15: not stale</li>
 *   <li>#4 closed 10-01 (opened 09-01, erin's comment 09-02): not open</li>
 *   <li>#5 open since 05-01, labelled on-hold: left out by the model</li>
 *   <li>#6 open since 06-01, only a bot's comment 11-20: stale</li>
 *   <li>pull #10 open since 10-01, nothing since: stale (52 days, over 14)</li>
 *   <li>pull #11 open since 11-20: not stale</li>
 *   <li>pull #12 merged 10-15 (opened 10-10, dave's review 10-12)</li>
 * </ul>
 * issue.stale = 2 (#1, #6), change.stale = 1 (#10); in the report's 90 days, issue.closed = 1
 * (#4) and change.merged = 1 (#12), which only the full history holds.
 */
class OpenOnlyCollectionTest {
    private static final String TOKEN = "ghp_openonly0123456789";
    static final String REPORT_MODEL = """
            model: history
            title: History
            goals:
              - id: g
                title: G
                questions:
                  - id: q
                    text: How does the tracker do?
                    metrics:
                      - metric: issue.stale
                        params: { inactive_for: 30d, exclude_labels: [on-hold, blocked] }
                      - metric: issue.closed
                      - metric: issue.opened
                      - metric: change.merged
                      - metric: change.stale
                        params: { inactive_for: 14d }
            """;

    @TempDir
    Path dir;

    private static FakeGitHub rest() throws Exception {
        FakeGitHub g = new FakeGitHub("o/r");
        g.addIssue(1, 1, "alice", "User", "NONE", "2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z", null, false);
        g.addComment(101, 1, "bob", "User", "2026-09-01T00:00:00Z", "2026-09-01T00:00:00Z");
        g.addIssue(2, 2, "alice", "User", "NONE", "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z", null, false);
        g.addIssue(3, 3, "alice", "User", "NONE", "2026-07-01T00:00:00Z", "2026-11-15T00:00:00Z", null, false);
        g.addComment(103, 3, "carol", "User", "2026-11-15T00:00:00Z", "2026-11-15T00:00:00Z");
        g.addIssue(4, 4, "alice", "User", "NONE", "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z",
                "2026-10-01T00:00:00Z", false);
        g.addComment(104, 4, "erin", "User", "2026-09-02T00:00:00Z", "2026-09-02T00:00:00Z");
        g.addIssue(5, 5, "alice", "User", "NONE", "2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z", null, false,
                "on-hold");
        g.addIssue(6, 6, "alice", "User", "NONE", "2026-06-01T00:00:00Z", "2026-11-20T00:00:00Z", null, false);
        g.addComment(106, 6, "helper[bot]", "Bot", "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z");
        g.addIssue(10, 10, "dave", "User", "NONE", "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z", null, true);
        g.addPull(910, 10, "dave", "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z", null, false);
        g.addIssue(11, 11, "dave", "User", "NONE", "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z", null, true);
        g.addPull(911, 11, "dave", "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z", null, false);
        g.addIssue(12, 12, "erin", "User", "NONE", "2026-10-10T00:00:00Z", "2026-10-15T00:00:00Z",
                "2026-10-15T00:00:00Z", true);
        g.addPull(912, 12, "erin", "2026-10-10T00:00:00Z", "2026-10-15T00:00:00Z", "2026-10-15T00:00:00Z", false);
        g.addReview(5012, 12, "dave", "User", "2026-10-12T00:00:00Z", "APPROVED");
        return g;
    }

    private static FakeGitHubGraphQl graphQl() throws Exception {
        FakeGitHubGraphQl g = new FakeGitHubGraphQl("o/r");
        Map<String, Object> alice = actor("User", "alice");
        Map<String, Object> one = g.addItem(false, 1, 1, alice, "2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z", null);
        FakeGitHubGraphQl.addComment(one, 101, actor("User", "bob"), "2026-09-01T00:00:00Z", "2026-09-01T00:00:00Z");
        g.addItem(false, 2, 2, alice, "2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z", null);
        Map<String, Object> three = g.addItem(false, 3, 3, alice, "2026-07-01T00:00:00Z", "2026-11-15T00:00:00Z",
                null);
        FakeGitHubGraphQl.addComment(three, 103, actor("User", "carol"), "2026-11-15T00:00:00Z",
                "2026-11-15T00:00:00Z");
        Map<String, Object> four = g.addItem(false, 4, 4, alice, "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z",
                "2026-10-01T00:00:00Z");
        FakeGitHubGraphQl.addComment(four, 104, actor("User", "erin"), "2026-09-02T00:00:00Z", "2026-09-02T00:00:00Z");
        FakeGitHubGraphQl.addEvent(four, "ClosedEvent", alice, "2026-10-01T00:00:00Z");
        g.addItem(false, 5, 5, alice, "2026-05-01T00:00:00Z", "2026-05-01T00:00:00Z", null, "on-hold");
        Map<String, Object> six = g.addItem(false, 6, 6, alice, "2026-06-01T00:00:00Z", "2026-11-20T00:00:00Z", null);
        FakeGitHubGraphQl.addComment(six, 106, actor("Bot", "helper"), "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z");
        Map<String, Object> dave = actor("User", "dave");
        g.addItem(true, 910, 10, dave, "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z", null);
        g.addItem(true, 911, 11, dave, "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z", null);
        Map<String, Object> twelve = g.addItem(true, 912, 12, actor("User", "erin"), "2026-10-10T00:00:00Z",
                "2026-10-15T00:00:00Z", "2026-10-15T00:00:00Z");
        twelve.put("state", "MERGED");
        twelve.put("mergedAt", "2026-10-15T00:00:00Z");
        FakeGitHubGraphQl.addReview(twelve, 5012, dave, "2026-10-12T00:00:00Z", "APPROVED");
        FakeGitHubGraphQl.addEvent(twelve, "MergedEvent", dave, "2026-10-15T00:00:00Z");
        FakeGitHubGraphQl.addEvent(twelve, "ClosedEvent", dave, "2026-10-15T00:00:00Z");
        return g;
    }

    private CliRunner cli() {
        return new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", TOKEN));
    }

    private CliRunner.Run check(String apiUrl, String api, String store, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--model", "stale-issues", "--github", "o/r",
                "--github-api-url", apiUrl, "--github-api", api, "--store", dir.resolve(store).toString()));
        args.addAll(List.of(more));
        return cli().run(args.toArray(String[]::new));
    }

    private CliRunner.Run report(String apiUrl, String api, String store, String out, String... more) throws Exception {
        Files.writeString(dir.resolve("history.yaml"), REPORT_MODEL);
        List<String> args = new ArrayList<>(List.of("report", "--model", "history.yaml", "--github", "o/r",
                "--github-api-url", apiUrl, "--github-api", api, "--store", dir.resolve(store).toString(),
                "--out", dir.resolve(out).toString()));
        args.addAll(List.of(more));
        return cli().run(args.toArray(String[]::new));
    }

    /** Each metric's value in a report's summary.json, and each CSV file of its goal (the series and the items). */
    private Map<String, String> numbers(String out) throws Exception {
        Map<String, String> m = new TreeMap<>();
        new ObjectMapper().readTree(dir.resolve(out).resolve("summary.json").toFile()).get("goals").get(0)
                .get("questions").get(0).get("metrics").forEach(n -> m.put(n.get("metric").asText(),
                        n.get("value").asText()));
        try (Stream<Path> files = Files.list(dir.resolve(out).resolve("g"))) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                m.put(csv.getFileName().toString(), Files.readString(csv));
            }
        }
        return m;
    }

    /** The numbers of a report on a store collected whole from the start, asserted equal to those in "after-gate". */
    private Map<String, String> sameAsFromTheStart(String apiUrl, String api) throws Exception {
        CliRunner.Run whole = report(apiUrl, api, "whole.db", "whole");
        assertEquals(0, whole.exitCode(), whole.err());
        Map<String, String> expected = numbers("whole");
        assertEquals(expected, numbers("after-gate"));
        return expected;
    }

    private static double value(Map<String, String> numbers, String metric) {
        return Double.parseDouble(numbers.get(metric));
    }

    private static void assertVerdicts(CliRunner.Run run) {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("no-stale-backlog/issue-stale issue.stale = 2"), run.out());
        assertTrue(run.out().contains("no-stale-backlog/change-stale change.stale = 1"), run.out());
    }

    @Test
    void overRestAColdStaleGateAsksOnlyForTheOpenItemsAndALaterReportCollectsTheRest() throws Exception {
        try (FakeGitHub github = rest(); FakeGitHub fresh = rest()) {
            CliRunner.Run gate = check(github.url(), "rest", "open.db");
            assertVerdicts(gate);
            // the open items; the repository's 4 comments (one page) rather than the 3 open
            // items' own lists, after one request of one comment a page told their number;
            // reviews of the open pulls
            assertEquals(List.of("/repos/o/r",
                    "/repos/o/r/issues?state=open&sort=updated&direction=asc&per_page=100",
                    // the items closed since as-of (none): open then
                    "/repos/o/r/issues?state=closed&sort=updated&direction=asc&per_page=100&since=2026-11-22T10%3A00%3A00Z",
                    "/repos/o/r/issues/comments?sort=updated&direction=asc&per_page=1",
                    "/repos/o/r/issues/comments?sort=updated&direction=asc&per_page=100",
                    "/repos/o/r/pulls?state=open&sort=updated&direction=desc&per_page=100",
                    "/repos/o/r/pulls/10/reviews?per_page=100",
                    "/repos/o/r/pulls/11/reviews?per_page=100"), github.requests);
            assertTrue(gate.err().contains("GitHub: 8 requests"), gate.err());

            github.requests.clear();
            CliRunner.Run afterGate = report(github.url(), "rest", "open.db", "after-gate");
            assertEquals(0, afterGate.exitCode(), afterGate.err());
            // the whole history from the start, the open items' reviews already there
            assertTrue(github.requests.contains("/repos/o/r/issues?state=all&sort=updated&direction=asc&per_page=100"),
                    github.requests.toString());
            assertTrue(github.requests.contains("/repos/o/r/pulls/12/reviews?per_page=100"), github.requests.toString());
            assertFalse(github.requests.contains("/repos/o/r/pulls/10/reviews?per_page=100"), github.requests.toString());

            Map<String, String> expected = sameAsFromTheStart(fresh.url(), "rest");
            assertEquals(2, value(expected, "issue.stale"));
            assertEquals(1, value(expected, "issue.closed"));
            assertEquals(1, value(expected, "change.merged"));
            assertEquals(1, value(expected, "change.stale"));
            // the series too: as of the end of October, #4 had closed in the 90 days before
            assertTrue(expected.get("issue-closed.csv").contains("\n2026-10-01,1\n"), expected.toString());

            // the store holds the history now: offline, no word of open items only
            CliRunner.Run offline = report(github.url(), "rest", "open.db", "offline", "--offline");
            assertEquals(0, offline.exitCode(), offline.err());
            assertFalse(offline.err().contains("open when it was collected"), offline.err());
            assertEquals(expected, numbers("offline"));
        }
    }

    @Test
    void overRestTheOpenItemsOwnCommentListsAreReadWhenTheRepositoryHasMorePagesOfComments() throws Exception {
        try (FakeGitHub github = rest()) {
            // 300 more comments on closed #4: 304 comments, 4 pages, more than the 3 open items with comments
            for (int i = 0; i < 300; i++) {
                github.addComment(2000 + i, 4, "erin", "User", "2026-09-03T00:00:00Z", "2026-09-03T00:00:00Z");
            }
            CliRunner.Run gate = check(github.url(), "rest", "open.db");
            assertVerdicts(gate);
            assertEquals(List.of("/repos/o/r",
                    "/repos/o/r/issues?state=open&sort=updated&direction=asc&per_page=100",
                    // the items closed since as-of (none): open then
                    "/repos/o/r/issues?state=closed&sort=updated&direction=asc&per_page=100&since=2026-11-22T10%3A00%3A00Z",
                    "/repos/o/r/issues/comments?sort=updated&direction=asc&per_page=1",
                    "/repos/o/r/issues/1/comments?per_page=100",
                    "/repos/o/r/issues/3/comments?per_page=100",
                    "/repos/o/r/issues/6/comments?per_page=100",
                    "/repos/o/r/pulls?state=open&sort=updated&direction=desc&per_page=100",
                    "/repos/o/r/pulls/10/reviews?per_page=100",
                    "/repos/o/r/pulls/11/reviews?per_page=100"), github.requests);
            assertTrue(gate.err().contains("GitHub: 10 requests"), gate.err());
        }
    }

    @Test
    void overGraphQlAColdStaleGateAsksForTheOpenItemsAloneAndALaterReportCollectsTheRest() throws Exception {
        try (FakeGitHubGraphQl github = graphQl(); FakeGitHubGraphQl fresh = graphQl()) {
            CliRunner.Run gate = check(github.apiUrl(), "graphql", "open.db");
            assertVerdicts(gate);
            assertEquals(List.of(), github.invalid);
            // the open issues, those closed since as-of (open then); the same of pull requests
            assertEquals(4, github.queries.size(), github.queries.toString());
            assertEquals(List.of("OPEN"), github.variables.get(0).get("states"));
            assertEquals(List.of("CLOSED"), github.variables.get(1).get("states"));
            assertEquals("2026-11-22T10:00:00Z", github.variables.get(1).get("since"));
            assertEquals(List.of("OPEN"), github.variables.get(2).get("states"));
            assertEquals(List.of("CLOSED", "MERGED"), github.variables.get(3).get("states"));

            github.variables.clear();
            CliRunner.Run afterGate = report(github.apiUrl(), "graphql", "open.db", "after-gate");
            assertEquals(0, afterGate.exitCode(), afterGate.err());
            assertEquals(List.of("OPEN", "CLOSED"), github.variables.get(0).get("states"));
            assertEquals(null, github.variables.get(0).get("since"));
            assertEquals(List.of("OPEN", "CLOSED", "MERGED"), github.variables.get(1).get("states"));

            Map<String, String> expected = sameAsFromTheStart(fresh.apiUrl(), "graphql");
            assertEquals(1, value(expected, "issue.closed"));
            assertEquals(1, value(expected, "change.merged"));
        }
    }

    @Test
    void aGateOnOpenItemsGivesTheVerdictsOfAGateOnTheWholeHistory() throws Exception {
        try (FakeGitHub github = rest()) {
            CliRunner.Run whole = report(github.url(), "rest", "whole.db", "whole");
            assertEquals(0, whole.exitCode(), whole.err());
            github.requests.clear();
            // over a store with the history, a gate just brings it up to date
            CliRunner.Run onWhole = check(github.url(), "rest", "whole.db");
            assertVerdicts(onWhole);
            assertFalse(github.requests.stream().anyMatch(r -> r.contains("state=open")), github.requests.toString());
            CliRunner.Run onOpen = check(github.url(), "rest", "open.db");
            assertVerdicts(onOpen);
            assertEquals(onWhole.out(), onOpen.out());
        }
    }

    @Test
    void anOpenOnlyRerunLearnsOfAnItemClosedSince() throws Exception {
        try (FakeGitHub github = rest()) {
            assertVerdicts(check(github.url(), "rest", "open.db"));
            // #1 is closed after the first gate: the rerun asks for everything changed since, closed too
            github.issues.stream().filter(i -> i.get("number").asInt() == 1).findFirst().orElseThrow()
                    .put("state", "closed").put("closed_at", "2026-11-21T00:00:00Z")
                    .put("updated_at", "2026-11-21T00:00:00Z");
            github.requests.clear();
            CliRunner.Run rerun = check(github.url(), "rest", "open.db");
            assertEquals(0, rerun.exitCode(), rerun.err());
            assertTrue(rerun.out().contains("issue.stale = 1"), rerun.out());
            assertTrue(github.requests.stream().anyMatch(r -> r.startsWith("/repos/o/r/issues?state=all&")
                    && r.contains("since=")), github.requests.toString());
            assertFalse(github.requests.stream().anyMatch(r -> r.contains("state=open")), github.requests.toString());
        }
    }

    @Test
    void aFullPassStoppedHalfwayLeavesTheStoreMarkedOpenOnlyUntilOneFinishes() throws Exception {
        try (FakeGitHub github = rest()) {
            assertVerdicts(check(github.url(), "rest", "open.db"));
            // the report's pass dies at the pull listing, after the issues and comments
            github.fail("/repos/o/r/pulls", 404, Map.of(), "{\"message\":\"Not Found\"}");
            CliRunner.Run stopped = report(github.url(), "rest", "open.db", "stopped");
            assertNotEquals(0, stopped.exitCode(), stopped.err());
            CliRunner.Run offline = report(github.url(), "rest", "open.db", "offline", "--offline");
            assertEquals(0, offline.exitCode(), offline.err());
            assertTrue(offline.err().contains("its last collection did not finish"), offline.err());
            // a gate finishes its own collection, and the store still says it holds only the open items
            assertVerdicts(check(github.url(), "rest", "open.db"));
            CliRunner.Run offlineAgain = report(github.url(), "rest", "open.db", "offline", "--offline");
            assertTrue(offlineAgain.err().contains("that were open when it was collected"), offlineAgain.err());
            // the next report finishes the pass; then the store holds the history
            CliRunner.Run finished = report(github.url(), "rest", "open.db", "finished");
            assertEquals(0, finished.exitCode(), finished.err());
            assertEquals(1, value(numbers("finished"), "issue.closed"));
            CliRunner.Run offlineDone = report(github.url(), "rest", "open.db", "offline", "--offline");
            assertFalse(offlineDone.err().contains("open when it was collected"), offlineDone.err());
            assertFalse(offlineDone.err().contains("did not finish"), offlineDone.err());
        }
    }

    @Test
    void aGateAsOfThePastOrWritingAReportReadsTheWholeHistory() throws Exception {
        try (FakeGitHub github = rest()) {
            assertVerdicts(check(github.url(), "rest", "past.db", "--as-of", "2026-11-22T09:58:00Z"));
            assertTrue(github.requests.contains("/repos/o/r/issues?state=all&sort=updated&direction=asc&per_page=100"),
                    github.requests.toString());
            github.requests.clear();
            assertVerdicts(check(github.url(), "rest", "written.db", "--write-report", "--out",
                    dir.resolve("written").toString()));
            assertFalse(github.requests.stream().anyMatch(r -> r.contains("state=open")), github.requests.toString());
            github.requests.clear();
            // within a minute of now is now
            assertVerdicts(check(github.url(), "rest", "now.db", "--as-of", "2026-11-22T09:59:30Z"));
            assertTrue(github.requests.stream().anyMatch(r -> r.contains("state=open")), github.requests.toString());
        }
    }
}
