package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password written into a clone URL appears in no message. */
class MaskedUrlTest {
    @TempDir
    Path dir;

    @Test
    void aCloneUrlsPasswordIsMaskedInProgressAndErrors() {
        CliRunner.Run run = new CliRunner(dir).run("report", "--repo", "http://alice:SECRET42@127.0.0.1:9/x.git",
                "--store", dir.resolve("store.db").toString(), "--cache-dir", dir.resolve("cache").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.SOURCE, run.exitCode(), run.err());
        assertFalse(run.err().contains("SECRET42") || run.out().contains("SECRET42"), run.err());
        assertTrue(run.err().contains("http://alice:***@127.0.0.1:9/x.git") || run.err().contains("http://127.0.0.1:9/x.git"),
                run.err());
    }
}
