package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintStream;
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

    /** The browser, or null outside CI when it is missing (see {@link #find(Path, String, PrintStream)}). */
    static HeadlessChromium find() {
        return find(DEBIAN, System.getenv("CI"), System.err);
    }

    /**
     * The browser at {@code executable}. When it is missing, a CI run ({@code ci} set and not
     * "false" or "0") fails, so that CI never passes without the browser tests; elsewhere a
     * WARNING line goes to {@code warnings} and the answer is null: each test then skips itself
     * with {@link #assumeFound}, so that the skip is counted and says why.
     */
    static HeadlessChromium find(Path executable, String ci, PrintStream warnings) {
        if (Files.isExecutable(executable)) {
            return new HeadlessChromium(executable);
        }
        if (inCi(ci)) {
            fail(executable + " is missing and CI=" + ci + ": the dashboard's browser tests must run in CI"
                    + " (.ci/run installs chromium with apt-get)");
        }
        warnings.println("WARNING: " + skipReason(executable));
        return null;
    }

    /** Skips the calling test, with the reason, when {@link #find} found no browser. */
    static void assumeFound(HeadlessChromium chromium) {
        Assumptions.assumeTrue(chromium != null, () -> skipReason(DEBIAN));
    }

    static String skipReason(Path executable) {
        return "dashboard browser tests SKIPPED: " + executable + " is missing (apt-get install chromium);"
                + " with CI=true they fail instead";
    }

    static boolean inCi(String ci) {
        return ci != null && !ci.isBlank() && !ci.strip().equalsIgnoreCase("false") && !ci.strip().equals("0");
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
