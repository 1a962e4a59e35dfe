package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Whether the browser tests run, skip loudly or fail, without needing a browser. */
class HeadlessChromiumTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(warnings, true, StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "yes"})
    void aMissingBrowserFailsInCi(String ci) {
        Path missing = dir.resolve("chromium");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> HeadlessChromium.find(missing, ci, stream));
        assertTrue(e.getMessage().contains(missing + " is missing and CI=" + ci), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "false", "0"})
    void aMissingBrowserOutsideCiWarnsOnStderr(String ci) {
        Path missing = dir.resolve("chromium");
        assertNull(HeadlessChromium.find(missing, ci, stream));
        assertEquals("WARNING: dashboard browser tests SKIPPED: " + missing
                + " is missing (apt-get install chromium); with CI=true they fail instead" + System.lineSeparator(),
                warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noCiVariableIsNotCi() {
        assertNull(HeadlessChromium.find(dir.resolve("chromium"), null, stream));
    }

    @Test
    void eachTestSkipsWithTheReason() {
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> HeadlessChromium.assumeFound(null));
        assertTrue(e.getMessage().contains("SKIPPED: " + HeadlessChromium.DEBIAN + " is missing"), e.getMessage());
    }

    @Test
    void aPresentBrowserIsUsedInAndOutsideCi() throws IOException {
        Path browser = Files.createFile(dir.resolve("chromium"));
        assertTrue(browser.toFile().setExecutable(true));
        assertEquals(browser, HeadlessChromium.find(browser, "true", stream).executable());
        assertEquals(browser, HeadlessChromium.find(browser, null, stream).executable());
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }
}
