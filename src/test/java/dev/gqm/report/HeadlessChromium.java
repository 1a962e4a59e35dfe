package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, headless, offline, with a throw-away profile: loads a page and
 * returns the DOM after its scripts ran, and the console messages it logged.
 */
record HeadlessChromium(Path executable) {
    static final Path DEBIAN = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 120;

    /** Outside CI a machine without chromium skips the browser tests; in CI a missing browser fails them. */
    static HeadlessChromium require() {
        if (Files.isExecutable(DEBIAN)) {
            return new HeadlessChromium(DEBIAN);
        }
        String ci = System.getenv("CI");
        if (ci == null || ci.isBlank()) {
            Assumptions.abort(DEBIAN + " is missing (apt-get install chromium); the browser test runs in CI");
        }
        fail(DEBIAN + " is missing in CI: .ci/run installs it with apt-get");
        return null;
    }

    /** What the browser showed: the serialised DOM and the page's console lines from stderr. */
    record Page(String dom, List<String> console) {
        /** The page's own {@code <html ...>} start tag, where the dashboard script records its state. */
        String htmlTag() {
            int start = dom.indexOf("<html");
            return dom.substring(start, dom.indexOf('>', start) + 1);
        }
    }

    Page dumpDom(Path html, Path scratch) throws IOException, InterruptedException {
        return dumpDom(html, scratch, List.of());
    }

    /** The same with more command-line {@code flags}, such as {@code --allow-file-access-from-files}. */
    Page dumpDom(Path html, Path scratch, List<String> flags) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Path stdout = scratch.resolve("dom-" + System.nanoTime() + ".html");
        Path stderr = scratch.resolve("stderr-" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(flags);
        command.addAll(List.of("--dump-dom", html.toUri().toString()));
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish loading " + html + " within " + TIMEOUT_SECONDS + " s");
        }
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "chromium exit code; stderr:\n" + errors);
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        assertTrue(dom.contains("</html>"), "chromium printed no DOM; stderr:\n" + errors);
        // with --enable-logging every console message of the page (errors, CSP refusals, failed loads) is a CONSOLE line
        List<String> console = errors.lines().filter(line -> line.contains(":CONSOLE")).toList();
        return new Page(dom, console);
    }
}
