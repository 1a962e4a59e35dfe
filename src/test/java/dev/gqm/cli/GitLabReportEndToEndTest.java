package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.gitlab.FakeGitLab;
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
 * {@code gqm report --gitlab a/b/c} (a project in a subgroup) against a local GitLab, two items a
 * page, every value worked out by hand. As of 2026-07-01 with a 30-day window, W = (2026-06-01,
 * 2026-07-01]; stale means no activity since 2026-06-01.
 *
 * <p>Issues (numbered apart from merge requests: issue #1 is not merge request !1):
 * <ul>
 * <li>#1 alice, created 06-02, open. Notes: mallory's system note "assigned to @bob" (01:00) and
 *     bob's "changed the description" (02:00) are GitLab's records, not answers; alice's own
 *     comment (05:00) is the author's; project_123_bot_4f2e (an access-token user) comments at
 *     06:00, a bot. The first answer is bob's comment on 06-03: 24 h. Counting a system note
 *     would give 1 h, the bot 6 h, the author 5 h.
 * <li>#2 carol, created 06-10, closed 06-12 (state event): dave answers at 12:00, 12 h; resolved
 *     in 48 h.
 * <li>#3 erin, created 06-20, closed 06-25 and reopened 06-28 (state events): open at as-of, not
 *     closed in W, unanswered (censored).
 * <li>#4 frank, created 04-01, closed 05-15, reopened 07-10 after as-of: closed at as-of (its
 *     present state, open, would say otherwise), and not closed in W.
 * <li>#5 gina, created 04-15, open: only system notes (an assignment 06-20, a description edit
 *     06-21) and a comment by triage-helper, marked {@code bot: true} (06-25) since: stale.
 * <li>#6 hank, created 05-01, open; ivan comments 06-15: not stale.
 * </ul>
 * issue.opened = 3 (#1, #2, #3); issue.closed = 1 (#2); issue.open = 4 (#1, #3, #5, #6);
 * issue.stale = 1 (#5); issue.resolution_time = 48; issue.closure_ratio = 1/3;
 * issue.first_response_time: #1 24 h, #2 12 h, #3 censored at 120 h or more: S(12) = 2/3,
 * S(24) = 1/3, median 24; issue.age of #1 696 h, #3 264 h, #5 1848 h, #6 1464 h: median
 * (696 + 1464) / 2 = 1080.
 *
 * <p>Merge requests:
 * <ul>
 * <li>!1 alice, created 06-05, merged 06-06: "added 3 commits" (a system note at 01:00, no review),
 *     bob's approval note at 10:00, a review after 10 h.
 * <li>!2 project_123_bot_7f3a, created 06-07, merged 06-08: a bot's, left out.
 * <li>!3 carol, created 06-08, closed unmerged 06-09, no review (censored at 24 h).
 * <li>!4 dave, created 06-10, merged 06-20: dave's own DiffNote 06-11 (a comment, no review),
 *     review-bot's (bot: true) DiffNote 06-11 06:00, erin's DiffNote 06-12 (the first review:
 *     48 h), alice's "requested changes" 06-13. Counting the author's would give 24 h, the bot's 30 h.
 * <li>!5 erin, created 06-25, open, "added 1 commit" 06-26 only: unreviewed (censored at 144 h), not stale.
 * <li>!6 gina, created 05-01, open; bob comments 05-10; gina's description edit 06-20 is a
 *     system note: stale.
 * </ul>
 * change.opened = 4 (!1, !3, !4, !5); change.merged = 2; change.open = 2 (!5, !6); change.stale = 1
 * (!6); change.merge_latency: 24 h and 240 h, median 132; change.acceptance_ratio = 2 / 3;
 * change.review_coverage = 2 / 2; change.first_review_time: 10 (event), 24 (censored), 48
 * (event), 144 (censored): S(10) = 3/4, S(48) = 3/8, median 48.
 */
class GitLabReportEndToEndTest {
    static final String CANARY = "glpat-CANARY0123456789abcdefCANARY";
    static final String MODEL = GitHubReportEndToEndTest.MODEL;

    @TempDir
    static Path dir;
    static FakeGitLab gitlab;
    static CliRunner.Run run;
    static JsonNode summary;
    static int coldRequests;

    static String t(String day) {
        return day.length() == 10 ? "2026-" + day.substring(5) + "T00:00:00Z" : day;
    }

    static String at(String monthDay, String time) {
        return "2026-" + monthDay + "T" + time + ":00Z";
    }

    static void issue(int iid, String author, String created, String updated, String closed) {
        gitlab.addItem(false, iid, author, false, t(created), t(updated), closed == null ? null : t(closed), null);
    }

    static void note(String item, String author, String at, boolean system, String type, String body) {
        gitlab.addNote(item, author, author.equals("triage-helper") || author.equals("review-bot"), at, system, type,
                body);
    }

    @BeforeAll
    static void report() throws Exception {
        gitlab = new FakeGitLab("a/b/c");
        gitlab.pageSize = 2;
        issue(1, "alice", "2026-06-02", "2026-06-03", null);
        note("issues/1", "mallory", at("06-02", "01:00"), true, null, "assigned to @bob");
        note("issues/1", "bob", at("06-02", "02:00"), true, null, "changed the description");
        note("issues/1", "alice", at("06-02", "05:00"), false, null, "more detail");
        note("issues/1", "project_123_bot_4f2e", at("06-02", "06:00"), false, null, "triaged");
        note("issues/1", "bob", at("06-03", "00:00"), false, null, "thanks, looking");
        issue(2, "carol", "2026-06-10", "2026-06-12", "2026-06-12");
        note("issues/2", "dave", at("06-10", "12:00"), false, null, "fixed on main");
        gitlab.addStateEvent("issues/2", "carol", t("2026-06-12"), "closed");
        issue(3, "erin", "2026-06-20", "2026-06-28", null);
        gitlab.addStateEvent("issues/3", "erin", t("2026-06-25"), "closed");
        gitlab.addStateEvent("issues/3", "erin", t("2026-06-28"), "reopened");
        issue(4, "frank", "2026-04-01", "2026-07-10", null);
        gitlab.addStateEvent("issues/4", "frank", t("2026-05-15"), "closed");
        gitlab.addStateEvent("issues/4", "frank", t("2026-07-10"), "reopened");
        issue(5, "gina", "2026-04-15", "2026-06-25", null);
        note("issues/5", "bob", at("06-20", "00:00"), true, null, "assigned to @gina");
        note("issues/5", "gina", at("06-21", "00:00"), true, null, "changed the description");
        note("issues/5", "triage-helper", at("06-25", "00:00"), false, null, "this issue has had no activity");
        issue(6, "hank", "2026-05-01", "2026-06-15", null);
        note("issues/6", "ivan", at("06-15", "00:00"), false, null, "same here");

        gitlab.addItem(true, 1, "alice", false, t("2026-06-05"), t("2026-06-06"), null, t("2026-06-06"));
        note("merge_requests/1", "alice", at("06-05", "01:00"), true, null, "added 3 commits\n\n* abc - x");
        note("merge_requests/1", "bob", at("06-05", "10:00"), true, null, "approved this merge request");
        gitlab.addStateEvent("merge_requests/1", "alice", t("2026-06-06"), "merged");
        gitlab.addItem(true, 2, "project_123_bot_7f3a", false, t("2026-06-07"), t("2026-06-08"), null, t("2026-06-08"));
        gitlab.addStateEvent("merge_requests/2", "project_123_bot_7f3a", t("2026-06-08"), "merged");
        gitlab.addItem(true, 3, "carol", false, t("2026-06-08"), t("2026-06-09"), t("2026-06-09"), null);
        gitlab.addStateEvent("merge_requests/3", "carol", t("2026-06-09"), "closed");
        gitlab.addItem(true, 4, "dave", false, t("2026-06-10"), t("2026-06-20"), null, t("2026-06-20"));
        note("merge_requests/4", "dave", at("06-11", "00:00"), false, "DiffNote", "why this line");
        note("merge_requests/4", "review-bot", at("06-11", "06:00"), false, "DiffNote", "lint: long line");
        note("merge_requests/4", "erin", at("06-12", "00:00"), false, "DiffNote", "rename this");
        note("merge_requests/4", "alice", at("06-13", "00:00"), true, null, "requested changes");
        gitlab.addStateEvent("merge_requests/4", "dave", t("2026-06-20"), "merged");
        gitlab.addItem(true, 5, "erin", false, t("2026-06-25"), t("2026-06-26"), null, null);
        note("merge_requests/5", "erin", at("06-26", "00:00"), true, null, "added 1 commit");
        gitlab.addItem(true, 6, "gina", false, t("2026-05-01"), t("2026-06-20"), null, null);
        note("merge_requests/6", "bob", at("05-10", "00:00"), false, null, "please rebase");
        note("merge_requests/6", "gina", at("06-20", "00:00"), true, null, "changed the description");

        Files.writeString(dir.resolve("model.yaml"), MODEL);
        run = cli().run("report", "--model", "model.yaml", "--gitlab", "a/b/c", "--gitlab-url", gitlab.url(),
                "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01",
                "--out", dir.resolve("out").toString());
        coldRequests = gitlab.requests.size();
        summary = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
    }

    static CliRunner cli() {
        return new CliRunner(dir, dir.resolve("home"), Map.of("GITLAB_TOKEN", CANARY));
    }

    @AfterAll
    static void stop() {
        gitlab.close();
    }

    static Map<String, JsonNode> metrics(JsonNode of) {
        Map<String, JsonNode> byId = new HashMap<>();
        of.get("goals").forEach(g -> g.get("questions").get(0).get("metrics")
                .forEach(m -> byId.put(m.get("metric").asText(), m)));
        return byId;
    }

    @Test
    void everyTrackerMetricHasItsHandWorkedValue() {
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Double> expected = Map.ofEntries(
                Map.entry("issue.opened", 3.0), Map.entry("issue.closed", 1.0), Map.entry("issue.open", 4.0),
                Map.entry("issue.stale", 1.0), Map.entry("issue.age", 1080.0),
                Map.entry("issue.first_response_time", 24.0), Map.entry("issue.resolution_time", 48.0),
                Map.entry("issue.closure_ratio", 0.3333),
                Map.entry("change.opened", 4.0), Map.entry("change.merged", 2.0), Map.entry("change.open", 2.0),
                Map.entry("change.stale", 1.0), Map.entry("change.merge_latency", 132.0),
                Map.entry("change.acceptance_ratio", 0.6667), Map.entry("change.review_coverage", 1.0),
                Map.entry("change.first_review_time", 48.0));
        Map<String, JsonNode> m = metrics(summary);
        expected.forEach((id, value) -> assertEquals(value, m.get(id).get("value").asDouble(), 1e-4, id));
        assertFalse(m.get("change.first_review_time").path("censored").asBoolean(false));
        JsonNode source = summary.get("sources").get(0);
        assertEquals("gitlab", source.get("kind").asText());
        assertEquals("a/b/c", source.get("repository").asText());
    }

    @Test
    void theProjectPathTravelsUrlEncodedAndEveryListingWasPaged() {
        assertTrue(gitlab.requests.stream().allMatch(r -> r.startsWith("/api/v4/projects/a%2Fb%2Fc/")), gitlab.requests.toString());
        assertTrue(gitlab.requests.contains("/api/v4/projects/a%2Fb%2Fc/issues?scope=all&state=all&order_by=updated_at"
                + "&sort=asc&per_page=100"), gitlab.requests.toString());
        assertTrue(gitlab.requests.stream().anyMatch(r -> r.contains("/issues?") && r.contains("page=3")));
        assertTrue(gitlab.requests.stream().anyMatch(r -> r.contains("/issues/1/discussions?") && r.contains("page=3")));
    }

    @Test
    void staleItemsAreListedWithTheirWebAddresses() throws Exception {
        String items = Files.readString(dir.resolve("out/issues/issue-stale-items.csv"));
        assertTrue(items.contains("5,Issue 5,https://gitlab.example/a/b/c/-/issues/5,gina"), items);
        assertEquals(2, items.strip().split("\\R").length, items);
    }

    @Test
    void theTokenGoesToTheInstanceOnlyAndIsNeverWritten() throws Exception {
        assertTrue(gitlab.tokens.stream().allMatch(CANARY::equals), "every request carries PRIVATE-TOKEN");
        Canary.assertNowhere(CANARY, dir, run);
    }

    // Cold: 3 pages of issues, their discussions (#1's five notes fill 3 pages, #5's three 2, the
    // other four 1 each: 9) and state events (6); 3 pages of merge requests, discussions (!4's four
    // notes 2 pages, the five others 1: 7) and state events (6): 18 + 16 = 34.
    @Test
    void aRerunAsksOnlyForWhatChanged() {
        assertEquals(34, coldRequests, gitlab.requests.toString());
        int before = gitlab.requests.size();
        CliRunner.Run again = cli().run("check", "--model", "model.yaml", "--gitlab", "a/b/c", "--gitlab-url",
                gitlab.url(), "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01");
        assertEquals(1, again.exitCode(), again.err());
        List<String> rerun = List.copyOf(gitlab.requests.subList(before, gitlab.requests.size()));
        // one listing each, from the cursor; the item updated at the cursor itself is skipped
        assertEquals(List.of(
                "/api/v4/projects/a%2Fb%2Fc/issues?scope=all&state=all&order_by=updated_at&sort=asc&per_page=100"
                        + "&updated_after=2026-07-10T00%3A00%3A00Z",
                "/api/v4/projects/a%2Fb%2Fc/merge_requests?scope=all&state=all&order_by=updated_at&sort=asc&per_page=100"
                        + "&updated_after=2026-06-26T00%3A00%3A00Z"), rerun);
        assertTrue(again.out().contains("fail    issues/issue-stale issue.stale = 1 [fail >= 1]"), again.out());

        // ivan answers #5 on 06-30: it is no longer stale; only #5's notes and events are asked for
        gitlab.addNote("issues/5", "ivan", false, at("06-30", "00:00"), false, null, "I can reproduce this");
        gitlab.issues.stream().filter(i -> i.get("iid").asInt() == 5).findFirst().orElseThrow()
                .put("updated_at", "2026-07-20T00:00:00Z");
        before = gitlab.requests.size();
        CliRunner.Run changed = cli().run("report", "--model", "model.yaml", "--gitlab", "a/b/c", "--gitlab-url",
                gitlab.url(), "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01",
                "--out", dir.resolve("changed").toString());
        assertEquals(0, changed.exitCode(), changed.err());
        List<String> paths = gitlab.requests.subList(before, gitlab.requests.size()).stream()
                .map(r -> r.split("\\?")[0].substring("/api/v4/projects/a%2Fb%2Fc/".length())).toList();
        assertEquals(List.of("issues", "issues/5/discussions", "issues/5/discussions", "issues/5/resource_state_events",
                "merge_requests"), paths);
        assertEquals(0.0, metrics(readSummary("changed")).get("issue.stale").get("value").asDouble());
    }

    static JsonNode readSummary(String out) {
        try {
            return new ObjectMapper().readTree(dir.resolve(out).resolve("summary.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
