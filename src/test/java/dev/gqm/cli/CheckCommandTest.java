package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.testing.CommunityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code gqm check} on the community fixture, whose hand-worked values as of 2026-07-01 are
 * commits 4, contributors 3 and bus factor 1: against the thresholds below that is warn, pass
 * and fail; issue.stale without a GitHub source is no-data.
 */
class CheckCommandTest {
    static final String WARN_MODEL = """
            model: warn-only
            title: Warn only
            goals:
              - id: activity
                title: Active
                questions:
                  - id: commits
                    text: Enough commits?
                    metrics:
                      - metric: git.commits
                        thresholds: { warn: "< 5", fail: "< 2" }
                      - metric: git.contributors
                        thresholds: { warn: "< 2" }
            """;
    static final String FAIL_MODEL = """
            model: with-fail
            title: With a fail
            goals:
              - id: activity
                title: Active
                questions:
                  - id: commits
                    text: Enough commits?
                    metrics:
                      - metric: git.commits
                        thresholds: { warn: "< 5", fail: "< 2" }
                      - metric: git.contributors
                        thresholds: { warn: "< 2" }
              - id: sustainability
                title: "Sustainable, <safe> & sound"
                questions:
                  - id: bus
                    text: Does it rest on one person?
                    metrics:
                      - metric: git.bus_factor
                        thresholds: { fail: "< 2" }
                  - id: stale
                    text: Are issues left to rot?
                    metrics:
                      - metric: issue.stale
                        thresholds: { fail: "> 20" }
            """;

    @TempDir
    static Path dir;
    static Path repo;

    @BeforeAll
    static void fixture() throws Exception {
        repo = CommunityFixture.build(dir.resolve("repo"));
        Files.writeString(dir.resolve("warn.yaml"), WARN_MODEL);
        Files.writeString(dir.resolve("fail.yaml"), FAIL_MODEL);
    }

    static CliRunner.Run check(Map<String, String> env, String model, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--repo", repo.toString(), "--model", model,
                "--store", dir.resolve("store.db").toString(), "--as-of", CommunityFixture.AS_OF));
        args.addAll(List.of(extra));
        return new CliRunner(dir, dir.resolve("home"), env).run(args.toArray(String[]::new));
    }

    @Test
    void aWarnPassesTheDefaultGateAndFailsTheWarnGate() {
        CliRunner.Run byDefault = check(Map.of(), "warn.yaml");
        assertEquals(0, byDefault.exitCode(), byDefault.err());
        // the commits in W, newest first, under the metric at warn; their ids are JGit's for the fixture
        assertEquals("""
                warn    activity/git-commits git.commits = 4 [warn < 5, fail < 2]
                        - <sha> by Alice — authored 2026-06-10
                        - <sha> by Dave — authored 2026-05-05
                        - <sha> by Alice — authored 2026-04-20
                        - <sha> by Alice — authored 2026-04-10
                pass    activity/git-contributors git.contributors = 3 [warn < 2]
                overall: warn
                """, byDefault.out().replace("\r\n", "\n").replaceAll("- [0-9a-f]{12} by ", "- <sha> by "));
        assertEquals(0, check(Map.of(), "warn.yaml", "--fail-on", "fail").exitCode());
        CliRunner.Run strict = check(Map.of(), "warn.yaml", "--fail-on", "warn");
        assertEquals(1, strict.exitCode(), strict.err());
        assertFalse(strict.out().contains("::"), "no workflow commands outside GitHub Actions");
    }

    @Test
    void aFailFailsEitherGate() {
        CliRunner.Run run = check(Map.of(), "fail.yaml", "--allow-missing-sources");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("fail    sustainability/git-bus-factor git.bus_factor = 1 (1 of 2 people reach 50% of 4 commits) [fail < 2]\n"), run.out());
        assertTrue(run.out().contains("no-data sustainability/issue-stale issue.stale = no data"), run.out());
        assertEquals(1, check(Map.of(), "fail.yaml", "--fail-on", "warn", "--allow-missing-sources").exitCode());
        assertEquals(1, check(Map.of(), "fail.yaml", "--fail-on", "fail", "--allow-missing-sources").exitCode());
    }

    @Test
    void aGateWhoseTrackerWasNotGivenStopsBeforeCollecting() throws Exception {
        Path store = dir.resolve("never-created.db");
        CliRunner.Run run = new CliRunner(dir, dir.resolve("home"), Map.of()).run("check", "--repo", repo.toString(),
                "--model", "fail.yaml", "--store", store.toString(), "--as-of", CommunityFixture.AS_OF);
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertEquals("gqm: metric issue.stale needs an issue tracker: give --github, --gitlab or --bugzilla"
                + " (or --allow-missing-sources to report such metrics as no-data)", run.err().strip());
        assertEquals("", run.out());
        assertFalse(Files.exists(store), "nothing collected, no store created");
    }

    @Test
    void anUnknownGateIsAUsageError() {
        CliRunner.Run run = check(Map.of(), "warn.yaml", "--fail-on", "pass");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("expected warn or fail, not 'pass'"), run.err());
    }

    @Test
    void junitFileHasASuitePerGoalAndTheRightCounts() throws Exception {
        Path junit = dir.resolve("reports/junit/check.xml");
        CliRunner.Run run = check(Map.of(), "fail.yaml", "--fail-on", "warn", "--junit", "reports/junit/check.xml",
                "--allow-missing-sources");
        assertEquals(1, run.exitCode(), run.err());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(junit.toFile());
        Element root = doc.getDocumentElement();
        assertEquals(List.of("4", "2", "1"), List.of(root.getAttribute("tests"), root.getAttribute("failures"),
                root.getAttribute("skipped")));
        Element activity = (Element) doc.getElementsByTagName("testsuite").item(0);
        Element sustainability = (Element) doc.getElementsByTagName("testsuite").item(1);
        assertEquals(List.of("activity", "2", "1", "0"), List.of(activity.getAttribute("name"),
                activity.getAttribute("tests"), activity.getAttribute("failures"), activity.getAttribute("skipped")));
        assertEquals(List.of("sustainability", "2", "1", "1"), List.of(sustainability.getAttribute("name"),
                sustainability.getAttribute("tests"), sustainability.getAttribute("failures"),
                sustainability.getAttribute("skipped")));
        Element bus = (Element) sustainability.getElementsByTagName("testcase").item(0);
        assertEquals("with-fail.sustainability.bus", bus.getAttribute("classname"));
        assertEquals("git-bus-factor", bus.getAttribute("name"));
        // Alice made 3 of the 4 commits in W
        assertEquals("value 1 count fails threshold fail < 2 (thresholds: fail < 2); items: Alice — 3 commits (75 % of all)",
                ((Element) bus.getElementsByTagName("failure").item(0)).getAttribute("message"));
    }

    @Test
    void onGitHubActionsItAnnotatesAndAppendsTheJobSummary() throws Exception {
        Path summary = dir.resolve("step-summary.md");
        Files.writeString(summary, "## Build\n\nearlier output\n");
        CliRunner.Run run = check(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()), "fail.yaml",
                "--allow-missing-sources");
        assertEquals(1, run.exitCode(), run.err());
        List<String> commands = run.out().lines().filter(l -> l.startsWith("::"))
                .map(l -> l.replaceAll("- [0-9a-f]{12} by ", "- <sha> by ")).toList();
        assertEquals(List.of(
                "::warning title=gqm warn%3A activity/git-commits::git.commits value 4 count fails threshold warn < 5 "
                        + "(thresholds: warn < 5, fail < 2)%0Agoal: Active%0Aquestion: Enough commits?%0Aitems:"
                        + "%0A- <sha> by Alice — authored 2026-06-10%0A- <sha> by Dave — authored 2026-05-05"
                        + "%0A- <sha> by Alice — authored 2026-04-20%0A- <sha> by Alice — authored 2026-04-10",
                "::error title=gqm fail%3A sustainability/git-bus-factor::git.bus_factor value 1 count fails threshold "
                        + "fail < 2 (thresholds: fail < 2)%0Agoal: Sustainable, <safe> & sound%0Aquestion: Does it rest on one person?"
                        + "%0Asample: 1 of 2 people reach 50%25 of 4 commits%0Aitems:%0A- Alice — 3 commits (75 %25 of all)"),
                commands);
        String text = Files.readString(summary);
        assertTrue(text.startsWith("## Build\n\nearlier output\n### gqm check: With a fail — ❌ fail\n"), text);
        assertTrue(text.contains("| Sustainable, &lt;safe> & sound (`sustainability`) | git-bus-factor (git.bus_factor, count) | 1 — 1 of 2 people reach 50% of 4 commits | fail < 2 | ❌ fail |\n"), text);
        assertTrue(text.contains("gate `--fail-on fail`: 1 metric fails it."), text);
        assertTrue(text.contains("<details open><summary>❌ fail sustainability/git-bus-factor (git.bus_factor): 1 item</summary>"
                + "\n\n- Alice — 3 commits (75 % of all)\n\n</details>\n"), text);
    }

    @Test
    void withoutAStepSummaryFileOnlyTheAnnotationsAreWritten() {
        CliRunner.Run run = check(Map.of("GITHUB_ACTIONS", "true"), "warn.yaml", "--fail-on", "warn");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("::error title=gqm warn%3A activity/git-commits::"), run.out());
    }

    @Test
    void anUnwritableJunitFileIsExit4() throws Exception {
        Files.createDirectories(dir.resolve("taken.xml"));
        CliRunner.Run run = check(Map.of(), "warn.yaml", "--junit", "taken.xml");
        assertEquals(4, run.exitCode());
        assertTrue(run.err().contains("cannot write JUnit report"), run.err());
    }
}
