package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.bugzilla.FakeBugzilla;
import dev.gqm.collect.github.FakeGitHub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gqm report --bugzilla} against a local Bugzilla, alone and beside a forge (bugs in
 * Bugzilla, pull requests on the forge, as KDE keeps them). As of 2026-07-01, W = (2026-06-01,
 * 2026-07-01]; product Krita:
 * <ul>
 * <li>bug 1: filed 06-02 by alice, answered 06-03 by bob (24 h), closed 06-05, reopened 06-08,
 *     closed again 07-10 (after as-of, so RESOLVED now): open at as-of, not closed in W, last
 *     activity 06-03 (a reopen is not a comment)</li>
 * <li>bug 2: filed 06-10 by carol, only the KDE janitor bot commented (06-11), closed 07-05 after
 *     as-of: open and unanswered, waiting 504 h (censored)</li>
 * <li>bug 3: filed 04-01 by dave, closed 06-20 by erin: closed in W after 80 days (1920 h)</li>
 * <li>bug 5: filed 05-01 by frank, no comment: open, stale (quiet since before 06-01)</li>
 * <li>bug 4 is product Calligra: left out</li>
 * </ul>
 * issue.opened 2 (1, 2), issue.closed 1 (3), issue.open 3 (1, 2, 5), issue.stale 1 (5),
 * issue.age median of 696, 504, 1464 h = 696 h, first response: 24 h answered, 504 h censored,
 * S(24 h) = 1/2, median 24 h; resolution time 1920 h.
 */
class BugzillaReportEndToEndTest {
    static final String KEY = "bzCANARYkey0123456789";
    static final String TOKEN = "ghp_CANARYforge0123456789";
    static final String MODEL = """
            model: kde
            title: Bugs and merge requests
            defaults: { window: 30d }
            goals:
              - id: bugs
                title: Bugs
                questions:
                  - id: q
                    text: Are bug reports handled?
                    metrics:
                      - metric: issue.opened
                      - metric: issue.closed
                      - metric: issue.open
                      - metric: issue.stale
                      - metric: issue.age
                      - metric: issue.first_response_time
                      - metric: issue.resolution_time
              - id: changes
                title: Changes
                questions:
                  - id: q
                    text: Are changes reviewed?
                    metrics:
                      - metric: change.opened
                      - metric: change.merged
                      - metric: change.first_review_time
            """;

    @TempDir
    static Path dir;
    static FakeBugzilla bz;
    static FakeGitHub github;
    static dev.gqm.collect.gitlab.FakeGitLab gitlab;
    static final String GITLAB_TOKEN = "glpat-CANARYgitlab0123456789";

    static String t(String day) {
        return day.length() == 10 ? day + "T00:00:00Z" : day;
    }

    @BeforeAll
    static void serve() throws Exception {
        bz = new FakeBugzilla();
        bz.products.addAll(java.util.List.of("Krita", "Calligra"));
        bz.bug(1, "Krita", "General", "RESOLVED", t("2026-06-02"), t("2026-07-10"), "alice@example.org");
        bz.comment(1, 1, "bob@kde.org", t("2026-06-03"));
        bz.statusChange(1, "bob@kde.org", t("2026-06-05"), "CONFIRMED", "RESOLVED");
        bz.statusChange(1, "alice@example.org", t("2026-06-08"), "RESOLVED", "REOPENED");
        bz.statusChange(1, "bob@kde.org", t("2026-07-10"), "REOPENED", "RESOLVED");
        bz.bug(2, "Krita", "General", "RESOLVED", t("2026-06-10"), t("2026-07-05"), "carol@example.org");
        bz.comment(2, 1, "bug-janitor@kde.org", t("2026-06-11"));
        bz.statusChange(2, "dave@kde.org", t("2026-07-05"), "CONFIRMED", "RESOLVED");
        bz.bug(3, "Krita", "General", "RESOLVED", t("2026-04-01"), t("2026-06-20"), "dave@example.org");
        bz.statusChange(3, "erin@kde.org", t("2026-06-20"), "CONFIRMED", "RESOLVED");
        bz.bug(4, "Calligra", "General", "CONFIRMED", t("2026-06-15"), t("2026-06-15"), "gina@example.org");
        bz.bug(5, "Krita", "General", "CONFIRMED", t("2026-05-01"), t("2026-05-01"), "frank@example.org");
        Files.writeString(dir.resolve("model.yaml"), MODEL);

        github = new FakeGitHub("kde/krita");
        // a forge issue: the bug tracker gives the issues, so it is not counted
        github.addIssue(20, 20, "hank", "User", "NONE", t("2026-06-15"), t("2026-06-15"), null, false);
        github.addIssue(10, 10, "alice", "User", "CONTRIBUTOR", t("2026-06-05"), t("2026-06-06"), t("2026-06-06"), true);
        github.addPull(50_010, 10, "alice", t("2026-06-05"), t("2026-06-06"), t("2026-06-06"), false);
        github.addReview(201, 10, "bob", "User", t("2026-06-05T10:00:00Z"), "APPROVED");

        // KDE as it is: merge requests on invent.kde.org (GitLab), bugs on bugs.kde.org. GitLab's
        // issue #1 must not count, nor be taken for bug 1; !1 was approved by bob 8 h after it
        // was opened and merged the next day
        gitlab = new dev.gqm.collect.gitlab.FakeGitLab("graphics/krita");
        gitlab.addItem(false, 1, "hank", false, t("2026-06-15"), t("2026-06-15"), null, null);
        gitlab.addItem(true, 1, "alice", false, t("2026-06-05"), t("2026-06-06"), null, t("2026-06-06"));
        gitlab.addNote("merge_requests/1", "bob", false, t("2026-06-05T08:00:00Z"), true, null,
                "approved this merge request");
        gitlab.addStateEvent("merge_requests/1", "alice", t("2026-06-06"), "merged");
    }

    @AfterAll
    static void stop() {
        bz.close();
        github.close();
        gitlab.close();
    }

    static Map<String, JsonNode> metrics(Path out) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        Map<String, JsonNode> byId = new HashMap<>();
        summary.get("goals").forEach(g -> g.get("questions").get(0).get("metrics")
                .forEach(m -> byId.put(m.get("metric").asText(), m)));
        return byId;
    }

    static CliRunner.Run report(String out, String... trackerArgs) {
        CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of("BUGZILLA_API_KEY", KEY, "GITHUB_TOKEN", TOKEN));
        String[] base = {"report", "--model", "model.yaml", "--store", dir.resolve(out + ".db").toString(),
            "--as-of", "2026-07-01", "--out", dir.resolve(out).toString()};
        return cli.run(Stream.concat(Stream.of(base), Stream.of(trackerArgs)).toArray(String[]::new));
    }

    static void assertIssueValues(Map<String, JsonNode> m) {
        Map<String, Double> expected = Map.of("issue.opened", 2.0, "issue.closed", 1.0, "issue.open", 3.0,
                "issue.stale", 1.0, "issue.age", 696.0, "issue.first_response_time", 24.0,
                "issue.resolution_time", 1920.0);
        expected.forEach((id, value) -> assertEquals(value, m.get(id).get("value").asDouble(), 1e-4, id));
        JsonNode sample = m.get("issue.first_response_time").get("sample");
        assertEquals(java.util.List.of(2, 1, 1), java.util.List.of(sample.get("n").asInt(), sample.get("observed").asInt(),
                sample.get("censored").asInt()));
    }

    @Test
    void aBugTrackerAloneGivesTheIssueMetricsAndNoChanges() throws Exception {
        CliRunner.Run run = report("alone", "--bugzilla", bz.url(), "--bugzilla-product", "Krita");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> m = metrics(dir.resolve("alone"));
        assertIssueValues(m);
        assertEquals("no-data", m.get("change.merged").get("status").asText());
        assertEquals("no forge given", m.get("change.merged").get("note").asText());
        String items = Files.readString(dir.resolve("alone/bugs/issue-stale-items.csv"));
        // a Bugzilla login is an address: reports hide it unless --show-emails
        assertTrue(items.contains("5,bug 5," + bz.url() + "/show_bug.cgi?id=5,(e-mail hidden),"), items);
        assertFalse(items.contains("frank@example.org"), items);
    }

    @Test
    void aForgeAndABugTrackerTogetherEachGiveTheirOwnPart() throws Exception {
        CliRunner.Run run = report("mixed", "--github", "kde/krita", "--github-api-url", github.url(), "--github-api", "rest",
                "--bugzilla", bz.url(), "--bugzilla-product", "Krita");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> m = metrics(dir.resolve("mixed"));
        assertIssueValues(m);
        assertEquals(1.0, m.get("change.opened").get("value").asDouble());
        assertEquals(1.0, m.get("change.merged").get("value").asDouble());
        assertEquals(10.0, m.get("change.first_review_time").get("value").asDouble());
        JsonNode sources = new ObjectMapper().readTree(dir.resolve("mixed/summary.json").toFile()).get("sources");
        assertEquals("[\"github\",\"bugzilla\"]", new ObjectMapper().writeValueAsString(
                Stream.of(sources.get(0), sources.get(1)).map(s -> s.get("kind").asText()).toList()));
        assertEquals("Krita", sources.get(1).get("repository").asText());
        // each credential only to its own host, and neither written anywhere
        assertTrue(bz.keys.stream().allMatch(KEY::equals));
        assertTrue(github.authorizations.stream().allMatch(a -> a.contains(TOKEN) && !a.contains(KEY)));
        assertFalse(run.out().contains(KEY) || run.err().contains(KEY) || run.err().contains(TOKEN));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(KEY) || content.contains(TOKEN), "a credential in " + f);
            }
        }
    }

    @Test
    void gitLabMergeRequestsAndBugzillaBugsInOneRunEachCredentialToItsOwnHost() throws Exception {
        CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of("BUGZILLA_API_KEY", KEY,
                "GITLAB_TOKEN", GITLAB_TOKEN));
        CliRunner.Run run = cli.run("report", "--model", "model.yaml", "--store", dir.resolve("kde.db").toString(),
                "--as-of", "2026-07-01", "--out", dir.resolve("kde").toString(),
                "--gitlab", "graphics/krita", "--gitlab-url", gitlab.url(),
                "--bugzilla", bz.url(), "--bugzilla-product", "Krita");
        assertEquals(0, run.exitCode(), run.err());
        Map<String, JsonNode> m = metrics(dir.resolve("kde"));
        assertIssueValues(m);
        assertEquals(1.0, m.get("change.opened").get("value").asDouble());
        assertEquals(1.0, m.get("change.merged").get("value").asDouble());
        assertEquals(8.0, m.get("change.first_review_time").get("value").asDouble());
        JsonNode sources = new ObjectMapper().readTree(dir.resolve("kde/summary.json").toFile()).get("sources");
        assertEquals("gitlab", sources.get(0).get("kind").asText());
        assertEquals("bugzilla", sources.get(1).get("kind").asText());
        // reports name each source and say which one answered which goal
        String md = Files.readString(dir.resolve("kde/summary.md"));
        String gitlabAt = " on " + gitlab.url().replace("http://", "");
        String bugzillaAt = " on " + bz.url().replace("http://", "");
        assertTrue(md.contains("- Source: GitLab project graphics/krita" + gitlabAt + "\n"), md);
        assertTrue(md.contains("- Source: Bugzilla product Krita" + bugzillaAt + "\n"), md);
        String html = Files.readString(dir.resolve("kde/index.html"));
        assertTrue(html.contains("<dt>Answered from</dt><dd>Bugzilla product Krita" + bugzillaAt + "</dd>"), html);
        assertTrue(html.contains("<dt>Answered from</dt><dd>GitLab project graphics/krita" + gitlabAt + "</dd>"), html);
        assertTrue(gitlab.tokens.stream().allMatch(GITLAB_TOKEN::equals), gitlab.tokens.toString());
        assertTrue(bz.keys.stream().allMatch(KEY::equals));
        try (Stream<Path> files = Files.walk(dir.resolve("kde"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(KEY) || content.contains(GITLAB_TOKEN), "a credential in " + f);
            }
        }
        assertFalse(new String(Files.readAllBytes(dir.resolve("kde.db")), StandardCharsets.ISO_8859_1)
                .contains(GITLAB_TOKEN));
    }

    @Test
    void twoForgesExcludeEachOtherAndABugTrackerNeedsItsProduct() {
        CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of());
        CliRunner.Run two = cli.run("report", "--model", "model.yaml", "--github", "o/r", "--gitlab", "g/p");
        assertEquals(2, two.exitCode());
        assertEquals("gqm: --github and --gitlab exclude each other: give one forge per repository", two.err().strip());
        CliRunner.Run noProduct = cli.run("report", "--model", "model.yaml", "--bugzilla", "https://bugs.kde.org");
        assertEquals(2, noProduct.exitCode());
        assertEquals("gqm: --bugzilla needs --bugzilla-product NAME (one or more)", noProduct.err().strip());
        // a password in an address would be shown and sent along: refused without repeating it
        CliRunner.Run userInfo = cli.run("report", "--model", "model.yaml", "--gitlab", "g/p",
                "--gitlab-url", "https://me:s3cret@gitlab.example", "--bugzilla", "https://me:s3cret@bugs.example",
                "--bugzilla-product", "x");
        assertEquals(2, userInfo.exitCode());
        assertFalse(userInfo.err().contains("s3cret"), userInfo.err());
        assertTrue(userInfo.err().contains("no user name or password in --"), userInfo.err());
    }

    @Test
    void aGateOnChangesWithOnlyABugTrackerStopsBeforeCollecting() throws Exception {
        int before = bz.requests.size();
        CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of());
        CliRunner.Run run = cli.run("check", "--model", "model.yaml", "--store", dir.resolve("gate.db").toString(),
                "--bugzilla", bz.url(), "--bugzilla-product", "Krita");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("metric change.opened needs a forge: give --github or --gitlab"), run.err());
        assertEquals(before, bz.requests.size());
    }
}
