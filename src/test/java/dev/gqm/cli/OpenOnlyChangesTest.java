package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.github.FakeGitHub;
import dev.gqm.collect.github.FakeGitHubGraphQl;
import static dev.gqm.collect.github.FakeGitHubGraphQl.actor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open-only store over changes that its first pass could not see: an item closed then and
 * reopened since (REST reads its earlier comments; GraphQL reads a changed item whole), an item
 * closed between as-of and the listing or while the open items are read (open at as-of), a
 * rerun stopped before a reopened item's comments were read, a comment GitHub stamps before
 * as-of (its clock is not this machine's), and a gate whose stages before collection take long.
 * The clock is CliRunner's, 2026-11-22T10:00Z.
 */
class OpenOnlyChangesTest {
    private static final String TOKEN = "ghp_openonly0123456789";

    @TempDir
    Path dir;

    /**
     * #1 open since 08-01, bob 09-01: stale. #7 opened 08-01, frank's comment 11-10, closed 11-12.
     * 300 comments on closed #4 make the repository-wide listing longer than the open items'
     * own lists, so the cold REST pass reads each open item's comments.
     */
    private static FakeGitHub tracker() throws Exception {
        FakeGitHub g = new FakeGitHub("o/r");
        g.addIssue(1, 1, "alice", "User", "NONE", "2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z", null, false);
        g.addComment(101, 1, "bob", "User", "2026-09-01T00:00:00Z", "2026-09-01T00:00:00Z");
        g.addIssue(4, 4, "alice", "User", "NONE", "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z",
                "2026-10-01T00:00:00Z", false);
        for (int i = 0; i < 300; i++) {
            g.addComment(2000 + i, 4, "erin", "User", "2026-09-03T00:00:00Z", "2026-09-03T00:00:00Z");
        }
        g.addIssue(7, 7, "alice", "User", "NONE", "2026-08-01T00:00:00Z", "2026-11-12T00:00:00Z",
                "2026-11-12T00:00:00Z", false);
        g.addComment(107, 7, "frank", "User", "2026-11-10T00:00:00Z", "2026-11-10T00:00:00Z");
        // pull #20 opened 09-01, gina's comment 11-15, closed 11-16
        g.addIssue(20, 20, "dave", "User", "NONE", "2026-09-01T00:00:00Z", "2026-11-16T00:00:00Z",
                "2026-11-16T00:00:00Z", true);
        g.addPull(920, 20, "dave", "2026-09-01T00:00:00Z", "2026-11-16T00:00:00Z", null, false);
        g.addComment(120, 20, "gina", "User", "2026-11-15T00:00:00Z", "2026-11-15T00:00:00Z");
        // #9 open since 11-20, no comment: the open listing's newest update, 11-20
        g.addIssue(9, 9, "alice", "User", "NONE", "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z", null, false);
        return g;
    }

    private static void reopen(FakeGitHub g, int number, String at) {
        g.issues.stream().filter(i -> i.get("number").asInt() == number).findFirst().orElseThrow()
                .put("state", "open").putNull("closed_at").put("updated_at", at);
        g.pulls.stream().filter(p -> p.get("number").asInt() == number).forEach(p -> p.put("updated_at", at));
    }

    private CliRunner.Run check(String apiUrl, String store, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--model", "stale-issues", "--github", "o/r",
                "--github-api-url", apiUrl, "--github-api", "rest", "--store", dir.resolve(store).toString()));
        args.addAll(List.of(more));
        return new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", TOKEN)).run(args.toArray(String[]::new));
    }

    /**
     * #7 and pull #20 were closed at the cold gate, so their comments were not read; both are
     * reopened (no new comment: a PR closed and reopened to rerun CI). The rerun learns of them
     * (state=all since) but reads only comments made since, so frank's and gina's comments are
     * missing and both look inactive since creation. A store with the history says neither is stale.
     */
    @Test
    void anItemReopenedAfterAnOpenOnlyGateKeepsItsEarlierComments() throws Exception {
        try (FakeGitHub github = tracker()) {
            CliRunner.Run first = check(github.url(), "open.db");
            assertTrue(github.requests.contains("/repos/o/r/issues/1/comments?per_page=100"), github.requests.toString());
            assertTrue(first.out().contains("issue.stale = 1"), first.out());
            reopen(github, 7, "2026-11-21T00:00:00Z");
            reopen(github, 20, "2026-11-21T00:00:00Z");

            CliRunner.Run onWhole = check(github.url(), "whole.db", "--write-report", "--out",
                    dir.resolve("whole").toString());
            assertTrue(onWhole.out().contains("issue.stale = 1"), onWhole.out());
            assertTrue(onWhole.out().contains("change.stale = 0"), onWhole.out());

            CliRunner.Run rerun = check(github.url(), "open.db");
            assertEquals(0, rerun.exitCode(), rerun.err());
            assertTrue(rerun.out().contains("issue.stale = 1"), rerun.out());
            assertTrue(rerun.out().contains("change.stale = 0"), rerun.out());
        }
    }

    /**
     * "Within a minute of now is now": as of 09:59:30, #8 (stale) was still open; it closed at
     * 09:59:45, before the gate's state=open listing at 10:00. A full collection says it was open
     * at as-of (SPEC §4: an issue closed after as_of is open as of as_of).
     */
    @Test
    void anItemClosedBetweenAsOfAndTheOpenListingIsStillOpenAtAsOf() throws Exception {
        try (FakeGitHub github = tracker()) {
            github.addIssue(8, 8, "alice", "User", "NONE", "2026-08-01T00:00:00Z", "2026-11-22T09:59:45Z",
                    "2026-11-22T09:59:45Z", false);
            String asOf = "2026-11-22T09:59:30Z";
            CliRunner.Run whole = check(github.url(), "whole.db", "--as-of", asOf, "--write-report", "--out",
                    dir.resolve("whole").toString());
            assertTrue(whole.out().contains("issue.stale = 2"), whole.out());
            CliRunner.Run open = check(github.url(), "open.db", "--as-of", asOf);
            assertTrue(github.requests.stream().anyMatch(r -> r.contains("state=open")), github.requests.toString());
            assertTrue(open.out().contains("issue.stale = 2"), open.out());
        }
    }

    /** #1, alice's, quiet since bob's comment of 09-01: stale; gives alice. */
    private static Map<String, Object> staleIssue(FakeGitHubGraphQl g) {
        Map<String, Object> alice = actor("User", "alice");
        Map<String, Object> one = g.addItem(false, 1, 1, alice, "2026-08-01T00:00:00Z", "2026-09-01T00:00:00Z", null);
        FakeGitHubGraphQl.addComment(one, 101, actor("User", "bob"), "2026-09-01T00:00:00Z", "2026-09-01T00:00:00Z");
        return alice;
    }

    private CliRunner.Run graphQlGate(FakeGitHubGraphQl g, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--model", "stale-issues", "--github", "o/r",
                "--github-api-url", g.apiUrl(), "--github-api", "graphql", "--store", dir.resolve("g.db").toString()));
        args.addAll(List.of(more));
        return new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", TOKEN)).run(args.toArray(String[]::new));
    }

    /** The same over GraphQL: an item changed since is read whole, its earlier comments too. */
    @Test
    void overGraphQlAnItemReopenedAfterAnOpenOnlyGateKeepsItsEarlierComments() throws Exception {
        try (FakeGitHubGraphQl g = new FakeGitHubGraphQl("o/r")) {
            Map<String, Object> alice = staleIssue(g);
            Map<String, Object> seven = g.addItem(false, 7, 7, alice, "2026-08-01T00:00:00Z", "2026-11-12T00:00:00Z",
                    "2026-11-12T00:00:00Z");
            FakeGitHubGraphQl.addComment(seven, 107, actor("User", "frank"), "2026-11-10T00:00:00Z",
                    "2026-11-10T00:00:00Z");
            FakeGitHubGraphQl.addEvent(seven, "ClosedEvent", alice, "2026-11-12T00:00:00Z");
            g.addItem(false, 9, 9, alice, "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z", null);
            assertTrue(graphQlGate(g).out().contains("issue.stale = 1"));
            seven.put("state", "OPEN");
            seven.put("closedAt", null);
            seven.put("updatedAt", "2026-11-21T00:00:00Z");
            FakeGitHubGraphQl.addEvent(seven, "ReopenedEvent", alice, "2026-11-21T00:00:00Z");
            CliRunner.Run rerun = graphQlGate(g);
            assertTrue(rerun.out().contains("issue.stale = 1"), rerun.out() + rerun.err());
        }
    }

    @Test
    void overGraphQlAnItemClosedBetweenAsOfAndTheOpenListingIsStillOpenAtAsOf() throws Exception {
        try (FakeGitHubGraphQl g = new FakeGitHubGraphQl("o/r")) {
            Map<String, Object> alice = staleIssue(g);
            // quiet since August, closed 15 s after as-of: open and stale at as-of
            Map<String, Object> eight = g.addItem(false, 8, 8, alice, "2026-08-01T00:00:00Z", "2026-11-22T09:59:45Z",
                    "2026-11-22T09:59:45Z");
            FakeGitHubGraphQl.addEvent(eight, "ClosedEvent", alice, "2026-11-22T09:59:45Z");
            // a pull request merged after as-of: open at as-of, quiet for weeks
            Map<String, Object> pull = g.addItem(true, 920, 20, alice, "2026-10-01T00:00:00Z", "2026-11-22T09:59:50Z",
                    "2026-11-22T09:59:50Z");
            pull.put("state", "MERGED");
            pull.put("mergedAt", "2026-11-22T09:59:50Z");
            FakeGitHubGraphQl.addEvent(pull, "MergedEvent", alice, "2026-11-22T09:59:50Z");
            CliRunner.Run gate = graphQlGate(g, "--as-of", "2026-11-22T09:59:30Z");
            assertEquals(List.of(), g.invalid);
            assertEquals(List.of("OPEN"), g.variables.get(0).get("states"), "an open-only pass");
            assertTrue(gate.out().contains("issue.stale = 2"), gate.out());
            assertTrue(gate.out().contains("change.stale = 1"), gate.out());
        }
    }

    /**
     * Without --as-of, as-of is the run's start: an open-only pass however long the stages before
     * collection take (opening the store, cloning). A clock running 20,000 times faster than real
     * time stands in for slow stages.
     */
    @Test
    void aGateWithoutAsOfIsAsOfNowHoweverLongTheStagesBeforeCollectionTake() throws Exception {
        try (FakeGitHub github = tracker()) {
            Instant start = Instant.parse("2026-11-22T10:00:00Z");
            long t0 = System.nanoTime();
            java.time.Clock fast = new java.time.Clock() {
                @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
                @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
                @Override public Instant instant() { return start.plusNanos((System.nanoTime() - t0) * 20000); }
            };
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            Context ctx = new Context(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                    Map.of("GITHUB_TOKEN", TOKEN), fast, dir, dir.resolve("home"));
            int code = Main.run(ctx, "check", "--model", "stale-issues", "--github", "o/r", "--github-api-url",
                    github.url(), "--github-api", "rest", "--store", dir.resolve("slow.db").toString());
            assertEquals(0, code, err.toString());
            assertTrue(github.requests.stream().anyMatch(r -> r.contains("state=open")), github.requests.toString());
        }
    }

    /**
     * A rerun stopped after the changed items' listing but before a reopened item's comments
     * (#7, closed when the store was filled) were read: the item was not stored without them,
     * so the next rerun reads them (frank's of 11-10) and #7 is not stale.
     */
    @Test
    void aRerunStoppedBeforeAReopenedItemsCommentsAreReadReadsThemNextTime() throws Exception {
        try (FakeGitHub github = tracker()) {
            CliRunner.Run first = check(github.url(), "open.db");
            assertTrue(first.out().contains("issue.stale = 1"), first.out());
            reopen(github, 7, "2026-11-21T00:00:00Z");

            github.fail("/repos/o/r/issues/7/comments", 404, Map.of(), "{\"message\":\"Not Found\"}");
            CliRunner.Run stopped = check(github.url(), "open.db");
            assertNotEquals(0, stopped.exitCode(), stopped.out() + stopped.err());

            CliRunner.Run rerun = check(github.url(), "open.db");
            assertEquals(0, rerun.exitCode(), rerun.err());
            // a whole-history store says 1 (#1); #7 has frank's comment of 11-10
            assertTrue(rerun.out().contains("issue.stale = 1"), rerun.out());
        }
    }

    /**
     * The comments cursor of the first gate is the newest update GitHub gave, not as-of (this
     * machine's clock): a comment GitHub stamps a second before as-of, made after the listing on
     * an open item listed without comments (#10), is read by the next run.
     */
    @Test
    void aCommentGitHubStampsJustBeforeAsOfAfterTheListingIsReadByTheNextRun() throws Exception {
        try (FakeGitHub github = tracker()) {
            github.addIssue(10, 10, "alice", "User", "NONE", "2026-09-01T00:00:00Z", "2026-09-01T00:00:00Z", null,
                    false);
            CliRunner.Run first = check(github.url(), "open.db");
            assertTrue(first.out().contains("issue.stale = 2"), first.out());
            // made after the gate listed #10; GitHub's clock stamps it 09:59:59 (client's as-of: 10:00:00)
            github.addComment(110, 10, "bob", "User", "2026-11-22T09:59:59Z", "2026-11-22T09:59:59Z");
            github.issues.stream().filter(i -> i.get("number").asInt() == 10).findFirst().orElseThrow()
                    .put("updated_at", "2026-11-22T09:59:59Z");
            CliRunner.Run whole = check(github.url(), "whole.db", "--write-report", "--out", dir.resolve("w").toString());
            assertTrue(whole.out().contains("issue.stale = 1"), whole.out());
            String rerun = checkAt("2026-11-22T10:05:00Z", github.url(), "open.db");
            assertTrue(rerun.contains("issue.stale = 1"), rerun);
        }
    }

    /** The same comment stamped a second after as-of. */
    @Test
    void aCommentStampedAfterAsOfIsReadByTheNextRun() throws Exception {
        try (FakeGitHub github = tracker()) {
            github.addIssue(10, 10, "alice", "User", "NONE", "2026-09-01T00:00:00Z", "2026-09-01T00:00:00Z", null,
                    false);
            assertTrue(check(github.url(), "open.db").out().contains("issue.stale = 2"));
            github.addComment(110, 10, "bob", "User", "2026-11-22T10:00:01Z", "2026-11-22T10:00:01Z");
            github.issues.stream().filter(i -> i.get("number").asInt() == 10).findFirst().orElseThrow()
                    .put("updated_at", "2026-11-22T10:00:01Z");
            String out = checkAt("2026-11-22T10:05:00Z", github.url(), "open.db");
            assertTrue(out.contains("issue.stale = 1"), out);
        }
    }

    /**
     * #8 (stale, open at as-of) closes at 10:00:05 while the gate reads the open items, before
     * their page: the listing of the items closed since as-of, read after them, has it.
     */
    @Test
    void anItemClosedWhileTheOpenItemsAreReadIsOpenAtAsOf() throws Exception {
        try (FakeGitHub github = tracker()) {
            github.addIssue(8, 8, "alice", "User", "NONE", "2026-08-01T00:00:00Z", "2026-08-01T00:00:00Z", null, false);
            github.delayMillis = 300;
            Thread closer = new Thread(() -> {
                while (true) {
                    List<String> seen;
                    synchronized (github.requests) {
                        seen = new ArrayList<>(github.requests);
                    }
                    if (seen.stream().anyMatch(r -> r.startsWith("/repos/o/r/issues?state=open"))) {
                        break;
                    }
                    Thread.onSpinWait();
                }
                github.issues.stream().filter(i -> i.get("number").asInt() == 8).findFirst().orElseThrow()
                        .put("state", "closed").put("closed_at", "2026-11-22T10:00:05Z")
                        .put("updated_at", "2026-11-22T10:00:05Z");
            });
            closer.setDaemon(true);
            closer.start();
            CliRunner.Run gate = check(github.url(), "open.db");
            closer.join(5000);
            assertTrue(!closer.isAlive() && github.issues.stream().anyMatch(i -> i.get("number").asInt() == 8
                    && i.get("state").asText().equals("closed")), "closed during the gate");
            github.delayMillis = 0;
            CliRunner.Run whole = check(github.url(), "whole.db", "--write-report", "--out", dir.resolve("w").toString());
            assertTrue(whole.out().contains("issue.stale = 2"), whole.out());
            assertTrue(gate.out().contains("issue.stale = 2"), gate.out());
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode issue(FakeGitHub g, int number) {
        return g.issues.stream().filter(i -> i.get("number").asInt() == number).findFirst().orElseThrow();
    }

    /** A gate as of {@code now} (the clock), over {@code api}: its exit code, output and errors. */
    private String gateAt(String now, List<String> api, String store, String... more) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        Context ctx = new Context(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                Map.of("GITHUB_TOKEN", TOKEN), java.time.Clock.fixed(java.time.Instant.parse(now),
                java.time.ZoneOffset.UTC), dir, dir.resolve("home"));
        List<String> args = new ArrayList<>(List.of("check", "--model", "stale-issues", "--github", "o/r"));
        args.addAll(api);
        args.addAll(List.of("--store", dir.resolve(store).toString()));
        args.addAll(List.of(more));
        int code = Main.run(ctx, args.toArray(String[]::new));
        return "exit " + code + "\n" + out + err;
    }

    private String restAt(String now, FakeGitHub g, String store, String... more) {
        return gateAt(now, List.of("--github-api-url", g.url(), "--github-api", "rest"), store, more);
    }

    /** The same gate on a store of its own that reads the whole history (--write-report). */
    private String wholeAt(String now, FakeGitHub g) {
        String name = "whole-" + now.replace(':', '-');
        return restAt(now, g, name + ".db", "--write-report", "--out", dir.resolve(name).toString());
    }

    /** #7, closed before the first gate, changed while closed (labelled), then reopened: read with frank's comment. */
    @Test
    void aClosedItemARerunStoresAndThatIsReopenedLaterKeepsItsEarlierComments() throws Exception {
        try (FakeGitHub g = tracker()) {
            assertTrue(restAt("2026-11-22T10:00:00Z", g, "open.db").contains("issue.stale = 1"));
            issue(g, 7).put("updated_at", "2026-11-22T10:02:00Z");
            assertTrue(restAt("2026-11-22T10:05:00Z", g, "open.db").contains("issue.stale = 1"));
            issue(g, 7).put("state", "open").putNull("closed_at").put("updated_at", "2026-11-22T10:07:00Z");
            String whole = wholeAt("2026-11-22T10:10:00Z", g);
            assertTrue(whole.contains("issue.stale = 1"), whole);
            String third = restAt("2026-11-22T10:10:00Z", g, "open.db");
            assertTrue(third.contains("issue.stale = 1"), third);
        }
    }

    /** #7, reopened after the first gate and closed again just after the rerun's as-of: open then, with its comment. */
    @Test
    void anItemTheStoreDidNotHoldClosedJustAfterTheRerunsAsOfKeepsItsComments() throws Exception {
        try (FakeGitHub g = tracker()) {
            assertTrue(restAt("2026-11-22T09:00:00Z", g, "open.db").contains("issue.stale = 1"));
            issue(g, 7).put("state", "closed").put("closed_at", "2026-11-22T10:00:30Z")
                    .put("updated_at", "2026-11-22T10:00:30Z");
            String whole = wholeAt("2026-11-22T10:00:00Z", g);
            assertTrue(whole.contains("issue.stale = 1"), whole);
            String rerun = restAt("2026-11-22T10:00:00Z", g, "open.db");
            assertTrue(rerun.contains("issue.stale = 1"), rerun);
        }
    }

    /** A first pass stopped halfway stored #1 open; #1 closes before the pass is taken up again. */
    @Test
    void anItemClosedAfterAStoppedFirstPassIsNotCountedOpen() throws Exception {
        try (FakeGitHub g = tracker()) {
            g.fail("/repos/o/r/issues/1/comments", 404, Map.of(), "{\"message\":\"Not Found\"}");
            String stopped = restAt("2026-11-22T10:00:00Z", g, "open.db");
            assertTrue(!stopped.startsWith("exit 0"), stopped);
            issue(g, 1).put("state", "closed").put("closed_at", "2026-11-22T10:02:00Z")
                    .put("updated_at", "2026-11-22T10:02:00Z");
            String whole = wholeAt("2026-11-22T10:05:00Z", g);
            assertTrue(whole.contains("issue.stale = 0"), whole);
            String gate = restAt("2026-11-22T10:05:00Z", g, "open.db");
            assertTrue(gate.contains("issue.stale = 0"), gate);
        }
    }

    /** Over GraphQL: a first pull listing stopped on its second page; stale #10 of its first closes meanwhile. */
    @Test
    void overGraphQlAPullClosedAfterAStoppedFirstPassIsNotCountedOpen() throws Exception {
        try (FakeGitHubGraphQl g = new FakeGitHubGraphQl("o/r")) {
            Map<String, Object> dave = actor("User", "dave");
            Map<String, Object> ten = g.addItem(true, 910, 10, dave, "2026-09-01T00:00:00Z", "2026-11-21T00:00:00Z",
                    null);
            for (int n = 100; n < 199; n++) {
                g.addItem(true, 1000 + n, n, dave, "2026-11-20T00:00:00Z", "2026-11-20T00:00:00Z", null);
            }
            // the oldest, on the second page: unreadable during the first pass
            Map<String, Object> odd = g.addItem(true, 999, 99, dave, "2026-11-19T00:00:00Z", "2026-11-19T00:00:00Z",
                    null);
            odd.put("createdAt", null);
            List<String> api = List.of("--github-api-url", g.apiUrl(), "--github-api", "graphql");
            String stopped = gateAt("2026-11-22T10:00:00Z", api, "g.db");
            assertTrue(!stopped.startsWith("exit 0"), stopped);
            odd.put("createdAt", "2026-11-19T00:00:00Z");
            ten.put("state", "CLOSED");
            ten.put("closedAt", "2026-11-22T10:02:00Z");
            ten.put("updatedAt", "2026-11-22T10:02:00Z");
            FakeGitHubGraphQl.addEvent(ten, "ClosedEvent", dave, "2026-11-22T10:02:00Z");
            String whole = gateAt("2026-11-22T10:05:00Z", api, "whole.db", "--write-report", "--out",
                    dir.resolve("w").toString());
            assertTrue(whole.contains("change.stale = 0"), whole);
            String gate = gateAt("2026-11-22T10:05:00Z", api, "g.db");
            assertTrue(gate.contains("change.stale = 0"), gate);
        }
    }

    private String checkAt(String now, String apiUrl, String store) {
        return gateAt(now, List.of("--github-api-url", apiUrl, "--github-api", "rest"), store);
    }
}
