package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under the POSIX locale the JVM cannot name a non-ASCII path: a one-line usage error that says how
 * to run instead, not "internal error: InvalidPathException". A separate JVM, started by bash so
 * that the path's bytes reach it whatever this JVM's own locale is.
 */
class PosixLocaleTest {
    @TempDir
    Path dir;

    @Test
    void aNonAsciiPathUnderThePosixLocaleIsAUsageError() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "export LC_ALL=C LANG=C; exec \"$0\" -cp \"$1\" dev.gqm.cli.Main report --repo \"$2/r$(printf '\\303\\251')p\""
                + " --store \"$2/store.db\" --out \"$2/out\"";
        Process p = new ProcessBuilder("bash", "-c", script, java, System.getProperty("java.class.path"), dir.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(ExitCode.USAGE, p.exitValue(), err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("gqm: the path " + dir + "/r??p cannot be named in this system's file-name"
                + " encoding ("), err);
        assertTrue(lines.get(0).endsWith("): run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), err);
    }
}
