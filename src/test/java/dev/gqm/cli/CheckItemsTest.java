package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code gqm check} names the items behind a metric at warn or fail (SPEC §5) on every output.
 * As of 2026-07-01 (W = the 90 days before): issues #1..#12 were opened 41..52 days before and never
 * answered, so all twelve are stale (fail > 10) and still waiting for a first response, whose
 * survival median is then only known to be at least the longest wait, 52 days (warn > 2d); #13,
 * opened 2026-06-20 and answered a day later, is neither. issue.opened (13) has no thresholds: info.
 * #12's title carries an address, which no output may show.
 */
class CheckItemsTest {
    static final String MODEL = """
            model: gate-items
            title: Gate items
            goals:
              - id: upkeep
                title: Upkeep
                questions:
                  - id: stale
                    text: Are issues left to rot?
                    metrics:
                      - metric: issue.stale
                        thresholds: { fail: "> 10" }
                      - metric: issue.first_response_time
                        thresholds: { warn: "> 2d" }
                      - metric: issue.opened
            """;
    static final String INFO_MODEL = """
            model: info-only
            title: Info only
            goals:
              - id: upkeep
                title: Upkeep
                questions:
                  - id: opened
                    text: How many issues are opened?
                    metrics:
                      - metric: issue.opened
            """;
    static final Instant AS_OF = Instant.parse("2026-07-01T00:00:00Z");

    @TempDir
    static Path dir;
    static FakeGitHub github;

    @BeforeAll
    static void fixture() throws Exception {
        github = new FakeGitHub("o/r");
        for (int n = 1; n <= 12; n++) {
            String created = AS_OF.minus(Duration.ofDays(40 + n)).toString();
            var issue = github.addIssue(n, n, "user" + n, "User", "NONE", created, created, null, false);
            if (n == 12) {
                issue.put("title", "Crash reported by jo.doe@example.com");
            }
        }
        github.addIssue(13, 13, "user13", "User", "NONE", "2026-06-20T00:00:00Z", "2026-06-21T00:00:00Z", null, false);
        github.addComment(113, 13, "bob", "User", "2026-06-21T00:00:00Z", "2026-06-21T00:00:00Z");
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        Files.writeString(dir.resolve("info.yaml"), INFO_MODEL);
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    static CliRunner.Run check(Map<String, String> env, String model, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--model", model, "--github", "o/r",
                "--github-api-url", github.url(), "--store", dir.resolve("store.db").toString(),
                "--as-of", "2026-07-01"));
        args.addAll(List.of(extra));
        return new CliRunner(dir, dir.resolve("home"), env).run(args.toArray(String[]::new));
    }

    static final String ISSUE = "https://github.com/o/r/issues/";
    static final String TWELVE = "#12 \"Crash reported by (e-mail hidden)\" " + ISSUE + "12";

    /** #12 .. #3: the ten longest inactive (or waiting), each 40 + n days. */
    static List<String> tenItems(String detail) {
        List<String> items = new ArrayList<>();
        items.add(TWELVE + " — " + detail.formatted(52));
        for (int n = 11; n >= 3; n--) {
            items.add("#" + n + " \"item " + n + "\" " + ISSUE + n + " — " + detail.formatted(40 + n));
        }
        return items;
    }

    @Test
    void stdoutNamesTheFirstTenItemsUnderEachMetricAtWarnOrFail() {
        CliRunner.Run run = check(Map.of(), "model.yaml");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("""
                fail    upkeep/issue-stale issue.stale = 12 [fail > 10]
                        - #12 "Crash reported by (e-mail hidden)" https://github.com/o/r/issues/12 — 52 days inactive
                        - #11 "item 11" https://github.com/o/r/issues/11 — 51 days inactive
                        - #10 "item 10" https://github.com/o/r/issues/10 — 50 days inactive
                        - #9 "item 9" https://github.com/o/r/issues/9 — 49 days inactive
                        - #8 "item 8" https://github.com/o/r/issues/8 — 48 days inactive
                        - #7 "item 7" https://github.com/o/r/issues/7 — 47 days inactive
                        - #6 "item 6" https://github.com/o/r/issues/6 — 46 days inactive
                        - #5 "item 5" https://github.com/o/r/issues/5 — 45 days inactive
                        - #4 "item 4" https://github.com/o/r/issues/4 — 44 days inactive
                        - #3 "item 3" https://github.com/o/r/issues/3 — 43 days inactive
                        - and 2 more
                warn    upkeep/issue-first-response-time issue.first_response_time = ≥ 52.0 days (answered 1 of 13 issues) [warn > 2d]
                        - #12 "Crash reported by (e-mail hidden)" https://github.com/o/r/issues/12 — waiting 52 days
                        - #11 "item 11" https://github.com/o/r/issues/11 — waiting 51 days
                        - #10 "item 10" https://github.com/o/r/issues/10 — waiting 50 days
                        - #9 "item 9" https://github.com/o/r/issues/9 — waiting 49 days
                        - #8 "item 8" https://github.com/o/r/issues/8 — waiting 48 days
                        - #7 "item 7" https://github.com/o/r/issues/7 — waiting 47 days
                        - #6 "item 6" https://github.com/o/r/issues/6 — waiting 46 days
                        - #5 "item 5" https://github.com/o/r/issues/5 — waiting 45 days
                        - #4 "item 4" https://github.com/o/r/issues/4 — waiting 44 days
                        - #3 "item 3" https://github.com/o/r/issues/3 — waiting 43 days
                        - and 3 more
                info    upkeep/issue-opened issue.opened = 13
                overall: fail
                """, run.out().replace("\r\n", "\n"));
    }

    @Test
    void theJUnitFailureMessagesNameTheItems() throws Exception {
        CliRunner.Run run = check(Map.of(), "model.yaml", "--fail-on", "warn", "--junit", "junit.xml");
        assertEquals(1, run.exitCode(), run.err());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        Element stale = (Element) failures.item(0);
        assertEquals("value 12 count fails threshold fail > 10 (thresholds: fail > 10); items: "
                + String.join("; ", tenItems("%d days inactive")) + "; and 2 more", stale.getAttribute("message"));
        assertTrue(stale.getTextContent().endsWith("items:\n- " + String.join("\n- ", tenItems("%d days inactive"))
                + "\n- and 2 more\n"), stale.getTextContent());
        Element waiting = (Element) failures.item(1);
        assertEquals("warn", waiting.getAttribute("type"));
        assertEquals("value ≥ 1248 hours (52.0 days) fails threshold warn > 2d (thresholds: warn > 2d); items: "
                + String.join("; ", tenItems("waiting %d days")) + "; and 3 more", waiting.getAttribute("message"));
        Element info = (Element) doc.getElementsByTagName("testcase").item(2);
        assertEquals("issue-opened", info.getAttribute("name"));
        assertEquals(0, info.getElementsByTagName("failure").getLength(), "info never fails a gate");
    }

    @Test
    void onGitHubActionsTheAnnotationsAndTheStepSummaryNameTheItems() throws Exception {
        Path summary = dir.resolve("step-summary.md");
        CliRunner.Run run = check(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()), "model.yaml");
        assertEquals(1, run.exitCode(), run.err());
        List<String> commands = run.out().lines().filter(l -> l.startsWith("::")).toList();
        assertEquals(List.of(
                "::error title=gqm fail%3A upkeep/issue-stale::issue.stale value 12 count fails threshold fail > 10"
                        + " (thresholds: fail > 10)%0Agoal: Upkeep%0Aquestion: Are issues left to rot?%0Aitems:%0A- "
                        + String.join("%0A- ", tenItems("%d days inactive")) + "%0A- and 2 more",
                "::warning title=gqm warn%3A upkeep/issue-first-response-time::issue.first_response_time value ≥ 1248 hours"
                        + " (52.0 days) fails threshold warn > 2d (thresholds: warn > 2d)%0Agoal: Upkeep"
                        + "%0Aquestion: Are issues left to rot?%0Anote: a lower bound: the estimate is not reached yet%0Asample: answered 1 of 13 issues%0Aitems:%0A- "
                        + String.join("%0A- ", tenItems("waiting %d days")) + "%0A- and 3 more"),
                commands);
        String text = Files.readString(summary);
        assertTrue(text.contains("| Upkeep (`upkeep`) | issue-first-response-time (issue.first_response_time, survival_median)"
                + " | ≥ 52.0 days — answered 1 of 13 issues | warn > 2d | ⚠️ warn |\n"), text);
        assertTrue(text.contains("\n<details open><summary>❌ fail upkeep/issue-stale (issue.stale): 12 items</summary>\n\n- "
                + String.join("\n- ", tenItems("%d days inactive")) + "\n- and 2 more\n\n</details>\n"), text);
        assertTrue(text.contains("\n<details><summary>⚠️ warn upkeep/issue-first-response-time (issue.first_response_time):"
                + " 13 items</summary>\n\n- " + String.join("\n- ", tenItems("waiting %d days")) + "\n- and 3 more\n\n</details>\n"),
                text);
        assertTrue(!text.contains("issue-opened (issue.opened): "), "info names no items: " + text);
    }

    @Test
    void infoNeverCountsTowardTheGate() {
        CliRunner.Run run = check(Map.of(), "info.yaml", "--fail-on", "warn");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("info    upkeep/issue-opened issue.opened = 13\noverall: info\n", run.out().replace("\r\n", "\n"));
    }
}
