package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.testing.CommunityFixture;
import dev.gqm.testing.HistoryBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports over one store, run after run: nothing new, one new commit, a rewritten branch, and
 * from the store alone. Each test has its own copy of the community fixture and its own store.
 */
class IncrementalReportTest {
    static final String MODEL = """
            model: incremental
            title: Incremental
            goals:
              - id: g
                title: Git
                questions:
                  - id: q
                    text: What does the history say?
                    metrics:
                      - metric: git.commits
                      - metric: git.contributors
                      - metric: git.new_contributors
                      - metric: git.inactive_contributors
                      - metric: git.bus_factor
            """;
    static final String MAILMAP = "# aliases\nAlice <alice@example.com> alice <alice@old-laptop.local>\n";

    @TempDir
    static Path dir;
    static CliRunner cli;

    @BeforeAll
    static void model() throws Exception {
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        cli = new CliRunner(dir);
    }

    /** A fixture repository and a store of its own. */
    record Case(Path repo, Path store) {
        static Case named(String name) throws Exception {
            return new Case(CommunityFixture.build(dir.resolve(name).resolve("repo")), dir.resolve(name).resolve("store.db"));
        }

        CliRunner.Run report(String out, String... more) {
            String[] args = {"report", "--repo", repo.toString(), "--store", store.toString(), "--model", "model.yaml",
                    "--as-of", CommunityFixture.AS_OF, "--out", repo.resolveSibling(out).toString()};
            String[] all = Arrays.copyOf(args, args.length + more.length);
            System.arraycopy(more, 0, all, args.length, more.length);
            CliRunner.Run r = cli.run(all);
            assertEquals(0, r.exitCode(), r.err());
            return r;
        }

        /** Only fills the store: cheaper than a report, and the next report must then be incremental. */
        CliRunner.Run collect() throws Exception {
            CliRunner.Run r = cli.run("collect", "--repo", repo.toString(), "--store", store.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertEquals("Collected " + repo + " at " + resolve("refs/heads/main").name() + ": 10 new commits",
                    r.out().strip());
            return r;
        }

        Path summary(String out) {
            return repo.resolveSibling(out).resolve("summary.json");
        }

        /** commits, contributors, new, inactive, bus factor: the values of the model's metrics in order. */
        Map<String, Integer> values(String out) throws Exception {
            JsonNode summary = new ObjectMapper().readTree(summary(out).toFile());
            Map<String, Integer> values = new LinkedHashMap<>();
            summary.get("goals").get(0).get("questions").get(0).get("metrics")
                    .forEach(m -> values.put(m.get("metric").asText(), m.get("value").asInt()));
            return values;
        }

        String head(String out) throws Exception {
            return new ObjectMapper().readTree(summary(out).toFile()).get("sources").get(0).get("head").asText();
        }

        ObjectId resolve(String revision) throws Exception {
            try (Git git = Git.open(repo.toFile())) {
                return git.getRepository().resolve(revision);
            }
        }
    }

    static Map<String, Integer> values(int commits, int contributors, int newOnes, int inactive, int busFactor) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("git.commits", commits);
        m.put("git.contributors", contributors);
        m.put("git.new_contributors", newOnes);
        m.put("git.inactive_contributors", inactive);
        m.put("git.bus_factor", busFactor);
        return m;
    }

    /** The fixture's hand-worked values (see {@link CommunityFixture}). */
    static final Map<String, Integer> FIXTURE = values(4, 3, 2, 2, 1);

    @Test
    void aRerunWithNothingNewStoresNothingAndWritesTheSameSummary() throws Exception {
        Case c = Case.named("unchanged");
        CliRunner.Run first = c.report("out1");
        assertTrue(first.err().contains("gqm: 10 new commits stored\n"), first.err());
        CliRunner.Run second = c.report("out2");
        assertTrue(second.err().contains("gqm: 0 new commits stored\n"), second.err());
        assertEquals(FIXTURE, c.values("out2"));
        // the clock is fixed, so even generated_at is equal
        assertArrayEquals(Files.readAllBytes(c.summary("out1")), Files.readAllBytes(c.summary("out2")));
    }

    @Test
    void aNewCommitIsStoredAloneAndCounted() throws Exception {
        Case c = Case.named("one-more");
        c.collect();
        ObjectId bobsReturn;
        try (HistoryBuilder h = HistoryBuilder.init(c.repo())) {
            h.resetTo(c.resolve("refs/heads/main"));
            h.file(".mailmap", MAILMAP);
            bobsReturn = h.commit("Bob", "bob@corp.com", "2026-06-15T12:00:00Z", "bob is back");
        }
        CliRunner.Run r = c.report("after");
        assertTrue(r.err().contains("gqm: 1 new commits stored\n"), r.err());
        assertEquals(bobsReturn.name(), c.head("after"));
        // Bob commits in W again: 5 commits by Alice (3), Dave and Bob; Bob is no longer inactive,
        // and not new (his first commit is from 2025-09-15); Alice's 3 of 5 still reach half alone.
        assertEquals(values(5, 4, 2, 1, 1), c.values("after"));
    }

    @Test
    void aRewrittenBranchIsReadAgain() throws Exception {
        Case c = Case.named("rewritten");
        c.collect();
        ObjectId gina;
        try (HistoryBuilder h = HistoryBuilder.init(c.repo())) {
            // commit 5, the parent of the commit tagged v1.0: drops 6..10 from the branch
            h.resetTo(c.resolve("v1.0^{commit}~1"));
            h.file(".mailmap", MAILMAP);
            h.file("README.md", "community fixture\n");
            gina = h.commit("Gina", "gina@new.org", "2026-06-05T12:00:00Z", "a different future");
        }
        CliRunner.Run r = c.report("after");
        assertTrue(r.err().contains("gqm: 6 new commits stored (branch was rewritten: history re-read)"), r.err());
        assertFalse(r.err().contains("left out"), "Frank's commit is gone with the old branch: " + r.err());
        assertEquals(gina.name(), c.head("after"));
        // W holds Alice (4, and 5 through .mailmap) and Gina: 3 commits, 2 people, Gina new;
        // Bob and Carol contributed only in the lookback; Alice's 2 of 3 reach half alone.
        assertEquals(values(3, 2, 1, 2, 1), c.values("after"));
    }

    @Test
    void offlineReportGivesTheSameSummaryAsOnline() throws Exception {
        Case c = Case.named("offline");
        c.report("online");
        // from the store alone: the repository need not even be there any more
        Files.move(c.repo(), c.repo().resolveSibling("moved-away"));
        CliRunner.Run offline = c.report("offline", "--offline");
        assertFalse(offline.err().contains("new commits stored"), "offline must not collect: " + offline.err());
        assertEquals(FIXTURE, c.values("offline"));
        assertEquals(Files.readString(c.summary("online")), Files.readString(c.summary("offline")));
    }
}
