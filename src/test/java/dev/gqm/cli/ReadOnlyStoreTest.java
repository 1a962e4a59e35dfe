package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.testing.CommunityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report from the store alone needs no write lock: when the lock file cannot be created (a
 * read-only directory; here its name is taken by a directory, since tests may run as root, whom
 * permissions do not stop), {@code --offline} still reports and a collecting run says why it cannot.
 */
class ReadOnlyStoreTest {
    @TempDir
    Path dir;

    @Test
    void anOfflineReportNeedsNoLockFile() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        Path store = dir.resolve("store.db");
        CliRunner cli = new CliRunner(dir);
        String[] report = {"report", "--repo", repo.toString(), "--store", store.toString(), "--as-of",
            CommunityFixture.AS_OF, "--out", dir.resolve("out").toString()};
        assertEquals(0, cli.run(report).exitCode());
        Files.delete(dir.resolve("store.db.lock"));
        Files.createDirectory(dir.resolve("store.db.lock"));

        String[] offline = java.util.Arrays.copyOf(report, report.length + 1);
        offline[report.length] = "--offline";
        CliRunner.Run read = cli.run(offline);
        assertEquals(0, read.exitCode(), read.err());
        assertTrue(Files.readString(dir.resolve("out/summary.json")).contains("\"git.commits\""));

        CliRunner.Run collect = cli.run(report);
        assertEquals(ExitCode.INTERNAL, collect.exitCode(), collect.err());
        assertTrue(collect.err().startsWith("gqm: store unusable: cannot create the lock file " + store + ".lock: "),
                collect.err());
    }
}
