package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A secret planted in a run's environment, looked for where it must never appear. */
final class Canary {
    private Canary() {
    }

    /** Neither the runs' output nor any file below {@code dir} (reports, store, logs) holds {@code secret}. */
    static void assertNowhere(String secret, Path dir, CliRunner.Run... runs) throws IOException {
        for (CliRunner.Run run : runs) {
            assertFalse(run.out().contains(secret) || run.err().contains(secret), "token in the run's output");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(secret), "token found in " + f);
            }
        }
    }
}
