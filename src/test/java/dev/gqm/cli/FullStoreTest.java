package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.testing.HistoryBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that cannot grow says so in one line. SQLite's page limit answers exactly as a full disk
 * does (SQLITE_FULL), so it stands in for one here.
 */
class FullStoreTest {
    @TempDir
    Path dir;

    @Test
    void aFullStoreSaysTheDiskIsFull() throws Exception {
        Path repo = dir.resolve("repo");
        try (HistoryBuilder h = HistoryBuilder.init(repo)) {
            for (int i = 0; i < 400; i++) {
                h.file("f", "v" + i + "\n");
                h.commit("Person " + i, "p" + i + "@example.org", "2026-01-01T00:00:00Z", "commit " + i
                        + " with a message long enough to fill pages ".repeat(5));
            }
        }
        Path db = dir.resolve("full.db");
        CliRunner.Run run = new CliRunner(dir).run("collect", "--repo", repo.toString(),
                "--store", "jdbc:sqlite:" + db + "?max_page_count=30");
        assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
        assertEquals(java.util.List.of("gqm: reading Git history of " + repo,
                "gqm: store unusable: the disk (or the database's size limit) holding " + db
                        + " is full: free some space and run again; what was stored before is kept",
                "gqm: run again with --verbose for details"),
                run.err().lines().toList());
    }
}
