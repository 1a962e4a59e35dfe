package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.testing.HistoryBuilder;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository with a missing or corrupt object is the source's fault: exit 3 and one line naming
 * what is wrong, with the libraries' own logging quiet. Run as a separate JVM, as a user runs gqm,
 * because logging is set up once per process.
 */
class DamagedRepositoryTest {
    @TempDir
    Path dir;

    private ObjectId history(Path repo, int commits) throws Exception {
        ObjectId middle = null;
        try (HistoryBuilder h = HistoryBuilder.init(repo)) {
            for (int i = 1; i <= commits; i++) {
                h.file("f", "version " + i + "\n");
                ObjectId c = h.commit("Alice", "alice@example.com", "2026-0" + (1 + i % 6) + "-10T12:00:00Z", "c" + i);
                if (i == commits / 2) {
                    middle = c;
                }
            }
        }
        return middle;
    }

    private record Run(int exitCode, String err) {
    }

    private Run gqm(Path repo, String... extra) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "dev.gqm.cli.Main", "report", "--repo", repo.toString(),
                "--store", dir.resolve("store-" + repo.getFileName() + ".db").toString(),
                "--cache-dir", dir.resolve("cache").toString(), "--out", dir.resolve("out").toString()));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "gqm did not end");
        return new Run(p.exitValue(), err);
    }

    @Test
    void aMissingLooseObjectIsExitThreeNamingTheCommit() throws Exception {
        Path repo = dir.resolve("loose");
        ObjectId middle = history(repo, 6);
        String name = middle.name();
        Files.delete(repo.resolve(".git/objects").resolve(name.substring(0, 2)).resolve(name.substring(2)));
        Run run = gqm(repo);
        assertEquals(ExitCode.SOURCE, run.exitCode(), run.err());
        assertEquals(List.of("gqm: reading Git history of " + repo,
                "gqm: the repository " + repo + " is damaged: missing commit " + name + " (git fsck tells more)"),
                run.err().lines().toList());
    }

    @Test
    void aCorruptPackSaysSoInOneLineWithoutTheLibrarysLogging() throws Exception {
        Path repo = dir.resolve("packed");
        history(repo, 30);
        try (Git git = Git.open(repo.toFile())) {
            git.gc().call();
        }
        Path pack;
        try (Stream<Path> files = Files.list(repo.resolve(".git/objects/pack"))) {
            pack = files.filter(f -> f.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        for (int i = 200; i < bytes.length - 40; i += 7) {
            bytes[i] ^= 0x55;
        }
        Files.write(pack, bytes);
        Run run = gqm(repo);
        assertEquals(ExitCode.SOURCE, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("gqm: ")), run.err());
        // with --verbose the library's warnings are shown
        Run verbose = gqm(repo, "--verbose");
        assertTrue(verbose.err().lines().count() > 2, verbose.err());
        assertTrue(new File(repo.toString()).isDirectory());
    }
}
