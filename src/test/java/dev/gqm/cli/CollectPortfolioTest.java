package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.testing.HistoryBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collect --portfolio} on the SQLite store: shards by position, parallel jobs under one file lock, usage errors. */
class CollectPortfolioTest {
    @TempDir
    Path dir;

    private void portfolio(int repositories) throws Exception {
        StringBuilder file = new StringBuilder("repositories:\n");
        for (int r = 1; r <= repositories; r++) {
            try (HistoryBuilder h = HistoryBuilder.init(dir.resolve("repos/r" + r))) {
                for (int c = 0; c < r; c++) {
                    h.file("f.txt", "r" + r + " c" + c + "\n");
                    h.commit("Person " + (c % 2), "p" + (c % 2) + "@example.org",
                            String.format("2026-05-%02dT12:00:00Z", c + 1), "commit " + c);
                }
            }
            file.append("  - repo: repos/r").append(r).append("\n    name: r").append(r).append('\n');
        }
        Files.writeString(dir.resolve("portfolio.yaml"), file.toString());
        Files.writeString(dir.resolve("commits.yaml"), PostgresStoreEndToEndTest.COMMITS_MODEL);
    }

    @Test
    void aShardCollectsItsEntriesByPositionAndParallelJobsShareTheFileStore() throws Exception {
        portfolio(5);
        String store = dir.resolve("store.db").toString();
        CliRunner cli = new CliRunner(dir);
        CliRunner.Run second = cli.run("collect", "--portfolio", "portfolio.yaml", "--shard", "2/2", "--jobs", "3",
                "--store", store);
        assertEquals(0, second.exitCode(), second.err());
        // positions 1 and 3 (from 0): r2 and r4
        assertTrue(second.err().contains("gqm: collecting 2 of 5 entries (shard 2/2), 2 at a time"), second.err());
        assertTrue(second.err().lines().anyMatch(l -> l.matches("gqm: \\[\\d/2] r2: collected in \\d+\\.\\d s \\(2 new commits\\)")),
                second.err());
        assertTrue(second.err().lines().anyMatch(l -> l.matches("gqm: \\[\\d/2] r4: collected in \\d+\\.\\d s \\(4 new commits\\)")),
                second.err());
        assertTrue(second.out().startsWith("Collected 2 of 5 entries (shard 2/2) in "), second.out());

        CliRunner.Run offline = cli.run("report", "--portfolio", "portfolio.yaml", "--offline", "--store", store,
                "--model", "commits.yaml", "--as-of", "2026-07-01", "--out", "out");
        // r1, r3, r5 were not collected: failed rows, exit 3
        assertEquals(ExitCode.SOURCE, offline.exitCode(), offline.err());
        assertEquals(4, value("out/r4"));
        assertFalse(Files.exists(dir.resolve("out/r1/summary.json")));

        CliRunner.Run first = cli.run("collect", "--portfolio", "portfolio.yaml", "--shard", "1/2", "--jobs", "3",
                "--store", store);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("gqm: collecting 3 of 5 entries (shard 1/2), 3 at a time"), first.err());
        CliRunner.Run all = cli.run("report", "--portfolio", "portfolio.yaml", "--offline", "--store", store,
                "--model", "commits.yaml", "--as-of", "2026-07-01", "--out", "out");
        assertEquals(0, all.exitCode(), all.err());
        for (int r = 1; r <= 5; r++) {
            assertEquals(r, value("out/r" + r));
        }
    }

    private int value(String out) throws Exception {
        return new ObjectMapper().readTree(dir.resolve(out).resolve("summary.json").toFile())
                .at("/goals/0/questions/0/metrics/0/value").asInt();
    }

    @Test
    void badShardsAndJobsAreUsageErrorsBeforeAnythingIsCollected() throws Exception {
        portfolio(1);
        String store = dir.resolve("store.db").toString();
        CliRunner cli = new CliRunner(dir);
        for (List<String> args : List.of(
                List.of("--shard", "0/3"), List.of("--shard", "4/3"), List.of("--shard", "2"), List.of("--shard", "a/b"),
                List.of("--jobs", "0"), List.of("--jobs", "65"))) {
            List<String> command = new java.util.ArrayList<>(List.of("collect", "--portfolio", "portfolio.yaml", "--store", store));
            command.addAll(args);
            CliRunner.Run run = cli.run(command.toArray(String[]::new));
            assertEquals(ExitCode.USAGE, run.exitCode(), args + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
        CliRunner.Run alone = cli.run("collect", "--shard", "1/2", "--store", store);
        assertEquals(ExitCode.USAGE, alone.exitCode());
        assertEquals("gqm: --shard needs --portfolio FILE", alone.err().strip());
        CliRunner.Run jobs = cli.run("collect", "--jobs", "2", "--store", store);
        assertEquals("gqm: --jobs needs --portfolio FILE", jobs.err().strip());
        CliRunner.Run repo = cli.run("collect", "--portfolio", "portfolio.yaml", "--repo", "x", "--store", store);
        assertEquals(ExitCode.USAGE, repo.exitCode());
        assertTrue(repo.err().startsWith("gqm: --repo cannot be combined with --portfolio"), repo.err());
        assertFalse(Files.exists(dir.resolve("store.db")), "a usage error created the store");
    }
}
