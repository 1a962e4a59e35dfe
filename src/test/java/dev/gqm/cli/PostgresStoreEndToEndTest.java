package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.git.GitRepositorySource;
import dev.gqm.collect.github.FakeGitHub;
import dev.gqm.store.Store;
import dev.gqm.testing.CommunityFixture;
import dev.gqm.testing.HistoryBuilder;
import dev.gqm.testing.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a PostgreSQL store (a private test cluster, see {@link PostgresServer}):
 * the same summary as SQLite, shards collecting at once, a second run on one source, a killed
 * run resumed, and a password that no output shows.
 */
class PostgresStoreEndToEndTest {
    static final String COMMITS_MODEL = """
            model: commits
            title: Commits
            goals:
              - id: activity
                title: Activity
                questions:
                  - id: q
                    text: How many commits were made?
                    metrics:
                      - metric: git.commits
                        params: { window: 365d }
            """;

    @TempDir
    Path dir;

    private PostgresServer server;
    private String url;
    private Map<String, String> env;

    @BeforeEach
    void database() throws Exception {
        server = PostgresServer.require();
        url = server.newDatabase();
        env = Map.of("PGPASSWORD", PostgresServer.PASSWORD, "GITHUB_TOKEN", "ghp_pgstore0123456789abcdef");
    }

    private CliRunner cli(Map<String, String> environment) {
        return new CliRunner(dir, dir.resolve("home"), environment);
    }

    private static void noSecret(CliRunner.Run run) {
        for (String text : List.of(run.out(), run.err())) {
            assertFalse(text.contains(PostgresServer.PASSWORD), text);
            assertFalse(text.contains("ghp_pgstore"), text);
        }
    }

    private FakeGitHub tracker() throws Exception {
        FakeGitHub github = new FakeGitHub("o/r");
        github.addIssue(1, 1, "alice", "User", "NONE", "2026-06-02T00:00:00Z", "2026-06-03T00:00:00Z", null, false);
        github.addComment(101, 1, "bob", "User", "2026-06-03T00:00:00Z", "2026-06-03T00:00:00Z");
        github.addIssue(2, 2, "carol", "User", "NONE", "2026-06-10T00:00:00Z", "2026-06-12T00:00:00Z",
                "2026-06-12T00:00:00Z", false);
        github.addIssue(3, 3, "dependabot[bot]", "Bot", "NONE", "2026-06-15T00:00:00Z", "2026-06-15T00:00:00Z", null, false);
        github.addIssue(10, 10, "alice", "User", "CONTRIBUTOR", "2026-06-05T00:00:00Z", "2026-06-06T00:00:00Z",
                "2026-06-06T00:00:00Z", true);
        github.addPull(50_010, 10, "alice", "2026-06-05T00:00:00Z", "2026-06-06T00:00:00Z", "2026-06-06T00:00:00Z", false);
        github.addReview(201, 10, "bob", "User", "2026-06-05T10:00:00Z", "APPROVED");
        return github;
    }

    private static JsonNode summary(Path out) throws Exception {
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        return s;
    }

    @Test
    void oneHistoryGivesTheSameSummaryFromSqliteAndPostgresAndOfflineFromPostgres() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        try (FakeGitHub github = tracker()) {
            List<String> common = List.of("report", "--repo", repo.toString(), "--github", "o/r", "--github-api-url",
                    github.url(), "--github-api", "rest", "--as-of", CommunityFixture.AS_OF);
            CliRunner.Run sqlite = cli(env).run(with(common, "--store", dir.resolve("s.db").toString(), "--out", "out-sqlite"));
            assertEquals(0, sqlite.exitCode(), sqlite.err());
            CliRunner.Run postgres = cli(env).run(with(common, "--store", url, "--out", "out-pg"));
            assertEquals(0, postgres.exitCode(), postgres.err());
            noSecret(postgres);
            github.close();
            CliRunner.Run offline = cli(env).run(with(common, "--store", url, "--out", "out-offline", "--offline"));
            assertEquals(0, offline.exitCode(), offline.err());
            noSecret(offline);
        }
        JsonNode expected = summary(dir.resolve("out-sqlite"));
        assertEquals(expected, summary(dir.resolve("out-pg")));
        assertEquals(expected, summary(dir.resolve("out-offline")));
        // the scenario reaches both sources: the fixture's history, the issues and the reviewed pull request
        assertEquals(4, expected.at("/goals/0/questions/0/metrics/0/value").asInt(), expected.toString());
        assertEquals(1, expected.at("/goals/3/questions/1/metrics/1/sample/numerator").asInt(), expected.toString());
        assertEquals(1.0, expected.at("/goals/4/questions/1/metrics/0/value").asDouble(), expected.toString());
    }

    @Test
    void threeShardsCollectAtOnceThenOneOfflinePortfolioReportReadsThemAll() throws Exception {
        StringBuilder portfolio = new StringBuilder("repositories:\n");
        for (int r = 1; r <= 7; r++) {
            Path repo = dir.resolve("repos/r" + r);
            try (HistoryBuilder h = HistoryBuilder.init(repo)) {
                for (int c = 0; c < r; c++) {
                    h.file("f.txt", "r" + r + " c" + c + "\n");
                    // the same people in every repository: the shards add them at the same time
                    h.commit("Person " + (c % 3), "p" + (c % 3) + "@example.org",
                            String.format("2026-05-%02dT12:00:00Z", c + 1), "commit " + c);
                }
            }
            portfolio.append("  - repo: repos/r").append(r).append("\n    name: r").append(r).append('\n');
        }
        Files.writeString(dir.resolve("portfolio.yaml"), portfolio.toString());
        Files.writeString(dir.resolve("commits.yaml"), COMMITS_MODEL);

        ExecutorService machines = Executors.newFixedThreadPool(3);
        List<Future<CliRunner.Run>> shards = new ArrayList<>();
        try {
            for (int k = 1; k <= 3; k++) {
                String shard = k + "/3";
                shards.add(machines.submit(() -> cli(env).run("collect", "--portfolio", "portfolio.yaml", "--shard", shard,
                        "--jobs", "2", "--store", url)));
            }
            List<String> collected = new ArrayList<>();
            for (Future<CliRunner.Run> f : shards) {
                CliRunner.Run run = f.get(120, TimeUnit.SECONDS);
                assertEquals(0, run.exitCode(), run.err());
                noSecret(run);
                run.err().lines().filter(l -> l.matches("gqm: \\[\\d/\\d] r\\d: collected in \\d+\\.\\d s \\(\\d new commits\\)"))
                        .forEach(collected::add);
            }
            // entries 1, 4, 7 | 2, 5 | 3, 6
            assertEquals(7, collected.size(), collected.toString());
        } finally {
            machines.shutdownNow();
        }

        CliRunner.Run report = cli(env).run("report", "--portfolio", "portfolio.yaml", "--offline", "--store", url,
                "--model", "commits.yaml", "--as-of", "2026-07-01", "--out", "portfolio-out");
        assertEquals(0, report.exitCode(), report.err());
        for (int r = 1; r <= 7; r++) {
            JsonNode metric = summary(dir.resolve("portfolio-out/r" + r)).at("/goals/0/questions/0/metrics/0");
            assertEquals(r, metric.get("value").asInt(), "r" + r + ": " + metric);
        }
        assertEquals(3, server.number(url, "SELECT count(*) FROM people"));
    }

    @Test
    void aSecondRunOnTheSameSourceWaitsThenExitsFiveAndTouchesNothing() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        String location = GitRepositorySource.canonicalLocation(repo.toString());
        Map<String, String> shortWait = Map.of("PGPASSWORD", PostgresServer.PASSWORD, Store.LOCK_WAIT_VARIABLE, "1");
        try (Store other = Store.open(url, env, dir)) {
            other.sourceId("git", location);
            CliRunner.Run locked = cli(shortWait).run("collect", "--repo", repo.toString(), "--store",
                    url + "&password=" + PostgresServer.PASSWORD);
            assertEquals(ExitCode.LOCKED, locked.exitCode(), locked.err());
            noSecret(locked);
            assertTrue(locked.err().contains("gqm: another gqm run is collecting git " + location + " into the store "
                    + url + "&password=*** (waited 1 s; GQM_STORE_LOCK_WAIT sets the wait)"), locked.err());
            assertFalse(other.gitCollected(other.sourceId("git", location)), "the locked run stored commits");
        }
        CliRunner.Run free = cli(shortWait).run("collect", "--repo", repo.toString(), "--store", url);
        assertEquals(0, free.exitCode(), free.err());
    }

    @Test
    void aRunKilledMidCollectionResumesWithoutLosingOrRepeatingPages() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        try (FakeGitHub github = new FakeGitHub("o/r")) {
            for (int n = 1; n <= 60; n++) {
                String day = String.format("2026-05-%02dT%02d:00:00Z", 1 + n / 24, n % 24);
                github.addIssue(n, n, "user" + n, "User", "NONE", day, day, null, false);
            }
            github.pageSize = 5;
            github.delayMillis = 150;
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.gqm.cli.Main",
                    "collect", "--repo", repo.toString(), "--github", "o/r", "--github-api-url", github.url(),
                    "--github-api", "rest", "--store", url)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile());
            pb.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
            pb.environment().put("GITHUB_TOKEN", "ghp_pgstore0123456789abcdef");
            pb.environment().put("HOME", dir.resolve("home").toString());
            Process run = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int stored = 0;
            while (stored < 10 && System.nanoTime() < deadline && run.isAlive()) {
                Thread.sleep(50);
                stored = count("SELECT count(*) FROM items WHERE change_request = 0");
            }
            assertTrue(run.isAlive(), "the run ended before it was killed: "
                    + Files.readString(dir.resolve("killed.log"), StandardCharsets.UTF_8));
            run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int atKill = count("SELECT count(*) FROM items WHERE change_request = 0");
            assertTrue(atKill >= 10 && atKill < 60, "stored at the kill: " + atKill);
            assertEquals(0, atKill % 5, "a page was stored in part: " + atKill);

            github.delayMillis = 0;
            int before = github.requests.size();
            // the killed session's locks went with it: no wait
            CliRunner.Run resumed = cli(Map.of("PGPASSWORD", PostgresServer.PASSWORD, "GITHUB_TOKEN", "ghp_pgstore0123456789abcdef",
                    Store.LOCK_WAIT_VARIABLE, "5")).run("collect", "--repo", repo.toString(), "--github", "o/r",
                    "--github-api-url", github.url(), "--github-api", "rest", "--store", url);
            assertEquals(0, resumed.exitCode(), resumed.err());
            assertEquals(60, count("SELECT count(*) FROM items WHERE change_request = 0"));
            long issuePages = github.requests.subList(before, github.requests.size()).stream()
                    .filter(r -> r.startsWith("/repos/o/r/issues?")).count();
            // the resumed listing starts at the stored cursor, not at the first page
            assertTrue(issuePages <= (60 - atKill) / 5 + 2, "issue pages after the kill: " + issuePages);
        }
    }

    @Test
    void aRefusedPasswordOrAnUnreachableServerIsExitFourAndNoOutputShowsThePassword() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        String wrong = url + "&password=Wrong-" + PostgresServer.PASSWORD;
        // a password may hold a space: masked whole all the same
        for (String store : List.of(wrong, url + "&password=correct horse battery",
                "jdbc:postgresql://127.0.0.1:1/gqm?user=gqm&password=" + PostgresServer.PASSWORD)) {
            for (boolean verbose : List.of(false, true)) {
                List<String> args = new ArrayList<>(List.of("report", "--repo", repo.toString(), "--store", store,
                        "--out", "out"));
                if (verbose) {
                    args.add("--verbose");
                }
                CliRunner.Run run = cli(Map.of()).run(args.toArray(String[]::new));
                assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
                noSecret(run);
                assertFalse(run.err().contains("horse"), run.err());
                assertTrue(run.err().startsWith("gqm: store unusable: cannot connect to jdbc:postgresql://127.0.0.1:"),
                        run.err());
                assertTrue(run.err().contains("password=***"), run.err());
            }
        }
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anEntryCollectedOnOneJobReleasesItsSourceBeforeTheNextEntryEnds() throws Exception {
        Path first = CommunityFixture.build(dir.resolve("first"));
        CommunityFixture.build(dir.resolve("second"));
        String firstLocation = GitRepositorySource.canonicalLocation(first.toString());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (FakeGitHub slow = new FakeGitHub("o/r")) {
            // the second entry's tracker takes 20 pages of 300 ms
            for (int n = 1; n <= 40; n++) {
                String day = String.format("2026-05-%02dT00:00:00Z", 1 + n / 2);
                slow.addIssue(n, n, "user" + n, "User", "NONE", day, day, null, false);
            }
            slow.pageSize = 2;
            slow.delayMillis = 300;
            Files.writeString(dir.resolve("portfolio.yaml"), "repositories:\n  - repo: first\n    name: first\n"
                    + "  - repo: second\n    name: second\n    github: o/r\n    github_api_url: " + slow.url()
                    + "\n    github_api: rest\n");
            Future<CliRunner.Run> run = pool.submit(() -> cli(env)
                    .run("collect", "--portfolio", "portfolio.yaml", "--jobs", "1", "--store", url));
            Map<String, String> noWait = Map.of("PGPASSWORD", PostgresServer.PASSWORD, Store.LOCK_WAIT_VARIABLE, "0");
            try (Store other = Store.open(url, noWait, dir)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                java.util.Optional<Long> id = java.util.Optional.empty();
                while (System.nanoTime() < deadline && (id.isEmpty() || !other.gitCollected(id.get()))) {
                    Thread.sleep(50);
                    id = other.findSource("git", firstLocation);
                }
                assertTrue(id.isPresent() && other.gitCollected(id.get()), "the first entry was not collected");
                assertFalse(run.isDone(), "the run ended before the check");
                // the first entry is done: its source is free while the run goes on (no StoreLockedException)
                assertEquals(id.get(), other.sourceId("git", firstLocation));
            }
            CliRunner.Run done = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, done.exitCode(), done.err());
        } finally {
            pool.shutdownNow();
        }
    }

    private int count(String sql) throws Exception {
        try (Connection c = server.connect(PostgresServer.database(url)); Statement st = c.createStatement()) {
            try (ResultSet exists = st.executeQuery("SELECT to_regclass('items') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return 0;
                }
            }
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String[] with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
