package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A token that no HTTP header can carry is a usage error that names no part of it, before anything is collected. */
class BadTokenTest {
    static final String SECRET = "ghp_SECRETabcdef0123456789";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u007f", "\nX-Injected: 1", "€", " tail"})
    void aTokenWithCharactersAHeaderCannotCarry(String bad) throws Exception {
        Files.writeString(dir.resolve("model.yaml"), PartialCollectionTest.MODEL);
        Path store = dir.resolve("store.db");
        CliRunner.Run run = new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", SECRET + bad + "Z"))
                .run("report", "--model", "model.yaml", "--github", "o/r", "--github-api-url", "http://127.0.0.1:9",
                        "--store", store.toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("gqm: GITHUB_TOKEN holds a character that an HTTP header cannot carry"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.err().contains("ghp_") || run.err().contains("SECRET") || run.out().contains("SECRET"), run.err());
        assertFalse(Files.exists(store), "nothing collected");
    }
}
