package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.store.Store;
import dev.gqm.testing.CommunityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every SPEC §5 exit code, each with its one line on stderr and no stack trace unless --verbose. */
class ExitCodesTest {
    /** The fixture passes every threshold here: 4 commits, 3 contributors. */
    static final String PASSING = """
            model: passing
            title: Passing
            goals:
              - id: activity
                title: Activity
                questions:
                  - id: q
                    text: Is code committed?
                    metrics:
                      - metric: git.commits
                        thresholds: { warn: "< 3", fail: "< 1" }
                      - metric: git.contributors
                        thresholds: { fail: "< 2" }
            """;

    /** Bus factor 1 fails "< 2"; 4 commits warn at "< 5"; releases has no thresholds. */
    static final String FAILING = """
            model: failing
            title: Failing
            goals:
              - id: activity
                title: Activity
                questions:
                  - id: q
                    text: Is code committed?
                    metrics:
                      - metric: git.commits
                        thresholds: { warn: "< 5", fail: "< 1" }
                      - metric: git.releases
              - id: risk
                title: Risk
                questions:
                  - id: people
                    text: Who carries the work?
                    metrics:
                      - metric: git.bus_factor
                        thresholds: { warn: "< 3", fail: "< 2" }
            """;

    /** Line 10, column 21: an unknown metric id. */
    static final String INVALID = """
            model: invalid
            title: Invalid
            goals:
              - id: g
                title: G
                questions:
                  - id: q
                    text: Q?
                    metrics:
                      - metric: git.comits
            """;

    @TempDir
    static Path dir;
    static Path repo;
    static CliRunner cli;
    static final AtomicInteger STORES = new AtomicInteger();

    @BeforeAll
    static void fixture() throws Exception {
        repo = CommunityFixture.build(dir.resolve("repo"));
        Files.writeString(dir.resolve("passing.yaml"), PASSING);
        Files.writeString(dir.resolve("failing.yaml"), FAILING);
        Files.writeString(dir.resolve("invalid.yaml"), INVALID);
        cli = new CliRunner(dir);
    }

    /** A fresh store path per run, so that no test sees what another collected. */
    static Path freshStore() {
        return dir.resolve("stores").resolve("s" + STORES.incrementAndGet() + ".db");
    }

    static CliRunner.Run run(String command, Path store, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--store", store.toString(),
                "--as-of", CommunityFixture.AS_OF));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    static void assertNoTrace(CliRunner.Run r) {
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.out().contains("\tat "), r.out());
    }

    /** Exactly one "gqm: ..." error line (progress lines before it are allowed), containing {@code text}. */
    static void assertOneErrorLine(CliRunner.Run r, int code, String text) {
        assertEquals(code, r.exitCode(), () -> "stdout:\n" + r.out() + "\nstderr:\n" + r.err());
        assertNoTrace(r);
        List<String> lines = r.err().lines().filter(l -> l.contains(text)).toList();
        assertEquals(1, lines.size(), () -> "expected one line with '" + text + "' in:\n" + r.err());
        assertTrue(lines.get(0).startsWith("gqm: "), lines.get(0));
    }

    static void assertNothingCollected(Path store) {
        assertFalse(Files.exists(store), "store created: " + store);
        assertFalse(Files.exists(store.resolveSibling(store.getFileName() + ".lock")), "store locked: " + store);
    }

    // ---- 0

    @Test
    void reportOnTheFixtureExitsZero() {
        Path out = dir.resolve("out-report");
        CliRunner.Run r = run("report", freshStore(), "--repo", repo.toString(), "--model", "passing.yaml",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertNoTrace(r);
        assertTrue(Files.isRegularFile(out.resolve("summary.json")));
        assertEquals("Report written to " + out + " (status: pass)", r.out().strip());
    }

    @Test
    void checkWithEveryThresholdPassingExitsZero() {
        CliRunner.Run r = run("check", freshStore(), "--repo", repo.toString(), "--model", "passing.yaml");
        assertEquals(0, r.exitCode(), r.err());
        assertNoTrace(r);
        assertEquals(List.of(
                "pass    activity/git-commits git.commits = 4 [warn < 3, fail < 1]",
                "pass    activity/git-contributors git.contributors = 3 [fail < 2]",
                "overall: pass"), r.out().lines().toList());
    }

    // ---- 1

    @Test
    void checkWithAFailingMetricExitsOneAndPrintsALinePerMetric() {
        CliRunner.Run r = run("check", freshStore(), "--repo", repo.toString(), "--model", "failing.yaml");
        assertEquals(1, r.exitCode(), r.err());
        assertNoTrace(r);
        // under the warn and the fail, the items behind them: the 4 commits in W, Alice's 3 of them
        assertEquals(List.of(
                "warn    activity/git-commits git.commits = 4 [warn < 5, fail < 1]",
                "        - <sha> by Alice — authored 2026-06-10",
                "        - <sha> by Dave — authored 2026-05-05",
                "        - <sha> by Alice — authored 2026-04-20",
                "        - <sha> by Alice — authored 2026-04-10",
                "info    activity/git-releases git.releases = 1",
                "fail    risk/git-bus-factor git.bus_factor = 1 (1 of 2 people reach 50% of 4 commits) [warn < 3, fail < 2]",
                "        - Alice — 3 commits (75 % of all)",
                "overall: fail"), r.out().lines().map(l -> l.replaceAll("- [0-9a-f]{12} by ", "- <sha> by ")).toList());
    }

    // ---- 2: usage, configuration or model invalid; nothing collected

    @Test
    void unknownOptionExitsTwo() {
        Path store = freshStore();
        CliRunner.Run r = run("report", store, "--repo", repo.toString(), "--frobnicate");
        assertOneErrorLine(r, 2, "--frobnicate");
        assertTrue(r.err().contains("Try 'gqm report --help'"), r.err());
        assertNothingCollected(store);
    }

    @Test
    void badAsOfExitsTwo() {
        Path store = freshStore();
        CliRunner.Run r = cli.run("report", "--store", store.toString(), "--repo", repo.toString(),
                "--model", "passing.yaml", "--as-of", "July 1st");
        assertOneErrorLine(r, 2, "bad --as-of 'July 1st'");
        assertNothingCollected(store);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z"})
    void anAsOfNoHistoryCanHaveExitsTwo(String asOf) {
        Path store = freshStore();
        CliRunner.Run r = cli.run("report", "--store", store.toString(), "--repo", repo.toString(),
                "--model", "passing.yaml", "--as-of", asOf);
        assertOneErrorLine(r, 2, "bad --as-of '" + asOf + "': expected an instant between 1970 and 9999");
        assertNothingCollected(store);
    }

    @Test
    void invalidModelExitsTwoWithFileLineAndColumn() {
        Path store = freshStore();
        CliRunner.Run r = run("report", store, "--repo", repo.toString(), "--model", "invalid.yaml");
        assertOneErrorLine(r, 2, "git.comits");
        assertTrue(r.err().contains("gqm: " + dir.resolve("invalid.yaml") + ":10:21: "), r.err());
        assertNothingCollected(store);
    }

    @Test
    void checkWithAnInvalidModelCollectsNothingEither() {
        Path store = freshStore();
        CliRunner.Run r = run("check", store, "--repo", repo.toString(), "--model", "invalid.yaml");
        assertOneErrorLine(r, 2, "invalid.yaml:10:21: ");
        assertNothingCollected(store);
    }

    @Test
    void modelNotFoundExitsTwo() {
        Path store = freshStore();
        CliRunner.Run r = run("report", store, "--repo", repo.toString(), "--model", "no-such-model");
        assertOneErrorLine(r, 2, "model not found: no-such-model");
        assertNothingCollected(store);
    }

    @Test
    void validateOfAnInvalidFileExitsTwo() {
        CliRunner.Run r = cli.run("validate", "passing.yaml", "invalid.yaml");
        assertEquals(2, r.exitCode(), r.err());
        assertNoTrace(r);
        assertEquals("passing.yaml: ok (model passing, 1 goals, 2 metrics)", r.out().strip());
        assertTrue(r.err().startsWith(dir.resolve("invalid.yaml") + ":10:21: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void invalidIdentitiesFileExitsTwo() throws Exception {
        Path identities = dir.resolve("identities.yaml");
        Files.writeString(identities, "bots:\n  - \"[unclosed\"\n");
        Path store = freshStore();
        CliRunner.Run r = run("report", store, "--repo", repo.toString(), "--model", "passing.yaml",
                "--identities", identities.toString());
        assertOneErrorLine(r, 2, "invalid bot pattern '[unclosed'");
        assertTrue(r.err().contains("identities.yaml:2:"), r.err());
        assertNothingCollected(store);
    }

    @Test
    void missingIdentitiesFileExitsTwo() {
        Path store = freshStore();
        CliRunner.Run r = run("check", store, "--repo", repo.toString(), "--model", "passing.yaml",
                "--identities", "nobody.yaml");
        assertOneErrorLine(r, 2, "identities file not found");
        assertNothingCollected(store);
    }

    @Test
    void collectOfflineExitsTwo() {
        Path store = freshStore();
        CliRunner.Run r = cli.run("collect", "--store", store.toString(), "--repo", repo.toString(), "--offline");
        assertOneErrorLine(r, 2, "collect --offline would collect nothing");
        assertNothingCollected(store);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--out=reports", "--as-of=2026-07-01", "--model=ospo", "--show-emails", "--identities=p.yaml"})
    void collectRefusesTheReportOptions(String option) {
        Path store = freshStore();
        CliRunner.Run r = cli.run("collect", "--store", store.toString(), "--repo", repo.toString(), option);
        assertOneErrorLine(r, 2, "Unknown option: '" + option + "'");
        assertNothingCollected(store);
    }

    // ---- 3: a source failed

    @Test
    void missingRepositoryPathExitsThree() {
        Path missing = dir.resolve("no-such-repo");
        CliRunner.Run r = run("report", freshStore(), "--repo", missing.toString(), "--model", "passing.yaml");
        assertOneErrorLine(r, 3, "repository not found: " + missing);
    }

    @Test
    void directoryThatIsNotARepositoryExitsThree() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain-dir"));
        CliRunner.Run r = run("report", freshStore(), "--repo", plain.toString(), "--model", "passing.yaml");
        assertOneErrorLine(r, 3, "not a Git repository: " + plain);
    }

    @Test
    void unreachableUrlExitsThreeAndLeavesNoPartialClone() throws Exception {
        Path cache = dir.resolve("clone-cache");
        CliRunner.Run r = run("report", freshStore(), "--repo", "http://127.0.0.1:1/x.git", "--model", "passing.yaml",
                "--cache-dir", cache.toString());
        assertOneErrorLine(r, 3, "cannot reach http://127.0.0.1:1/x.git");
        try (var left = Files.list(cache.resolve("repos"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void offlineWithNothingStoredExitsThree() {
        CliRunner.Run r = run("report", freshStore(), "--repo", repo.toString(), "--model", "passing.yaml", "--offline");
        assertOneErrorLine(r, 3, "no stored history for " + repo + ": run once without --offline");
    }

    @Test
    void verboseShowsTheTrace() {
        Path missing = dir.resolve("no-such-repo");
        CliRunner.Run r = run("report", freshStore(), "--repo", missing.toString(), "--model", "passing.yaml",
                "--verbose");
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains("gqm: repository not found: " + missing), r.err());
        assertTrue(r.err().contains("GqmException"), r.err());
        assertTrue(r.err().contains("\tat dev.gqm."), r.err());
    }

    // ---- 4: the tool could not finish

    @Test
    void outputInsideARegularFileExitsFour() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory\n");
        CliRunner.Run r = run("report", freshStore(), "--repo", repo.toString(), "--model", "passing.yaml",
                "--out", file.resolve("report").toString());
        assertOneErrorLine(r, 4, file.resolve("report").toString());
        assertEquals("not a directory\n", Files.readString(file));
    }

    @Test
    void storeThatIsADirectoryExitsFour() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store-is-a-dir.db"));
        CliRunner.Run r = run("report", store, "--repo", repo.toString(), "--model", "passing.yaml");
        assertOneErrorLine(r, 4, "store unusable");
    }

    // ---- 5: another run holds the lock

    @Test
    void lockedStoreExitsFiveAndTouchesNothing() throws Exception {
        Path store = freshStore();
        Path out = dir.resolve("out-locked");
        try (Store held = Store.open(store)) {
            CliRunner.Run r = run("report", store, "--repo", repo.toString(), "--model", "passing.yaml",
                    "--out", out.toString());
            assertOneErrorLine(r, 5, "another gqm run is using the store " + store);
        }
        assertFalse(Files.exists(out), "a report was written while the store was locked");
    }

    // ---- edge sources

    @Test
    void emptyRepositoryReportsNoDataWithAWarning() throws Exception {
        Path empty = dir.resolve("empty-repo");
        Git.init().setDirectory(empty.toFile()).setInitialBranch("main").call().close();
        Path out = dir.resolve("out-empty");
        Path store = freshStore();
        CliRunner.Run r = run("report", store, "--repo", empty.toString(), "--model", "failing.yaml",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // the empty repository was collected: an offline report from the store works too
        CliRunner.Run offline = run("report", store, "--repo", empty.toString(), "--model", "failing.yaml",
                "--offline", "--out", dir.resolve("out-empty-offline").toString());
        assertEquals(0, offline.exitCode(), offline.err());
        assertNoTrace(r);
        assertTrue(r.err().contains("gqm: warning: the repository has no commits: git metrics are no-data"), r.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("no-data", summary.get("status").asText());
        int metrics = 0;
        for (JsonNode goal : summary.get("goals")) {
            assertEquals("no-data", goal.get("status").asText());
            for (JsonNode q : goal.get("questions")) {
                for (JsonNode m : q.get("metrics")) {
                    assertEquals("no-data", m.get("status").asText(), m.toString());
                    assertTrue(m.get("value").isNull(), m.toString());
                    metrics++;
                }
            }
        }
        assertEquals(3, metrics);
        assertTrue(summary.get("sources").get(0).get("head").isNull(), summary.toString());
        assertTrue(summary.get("warnings").toString().contains("the repository has no commits"), summary.toString());
    }

    @Test
    void shallowCloneWarns() throws Exception {
        Path shallow = dir.resolve("shallow-repo");
        Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(shallow.toFile()).setDepth(1).call().close();
        CliRunner.Run r = run("check", freshStore(), "--repo", shallow.toString(), "--model", "passing.yaml");
        // depth 1 keeps only Frank's commit, which is after as-of: nothing to measure, so no-data (not 0, not fail)
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("overall: no-data", r.out().lines().reduce((a, b) -> b).orElseThrow());
        assertNoTrace(r);
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("gqm: warning: shallow clone")).count(), r.err());
    }
}
