package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which characters {@link ControlCharacters} replaces: the edges of each range, worked by hand. */
class ControlCharactersTest {
    @ParameterizedTest(name = "U+{0} -> {1}")
    @CsvSource({
            "0000, FFFD", "0001, FFFD", "0008, FFFD", "0009, 0009", "000A, 000A", "000B, FFFD", "000C, FFFD",
            "000D, 000D", "001B, FFFD", "001F, FFFD", "0020, 0020", "007E, 007E", "007F, FFFD", "0080, FFFD",
            "0085, FFFD", "009B, FFFD", "009F, FFFD", "00A0, 00A0", "00E9, 00E9", "2028, 2028", "D800, FFFD",
            "DFFF, FFFD", "FFFD, FFFD"})
    void replacesC0ButTabAndLineBreaksDelC1AndLoneSurrogates(String in, String out) {
        String text = "x" + (char) Integer.parseInt(in, 16) + "y";
        assertEquals("x" + (char) Integer.parseInt(out, 16) + "y", ControlCharacters.replaced(text));
    }

    @Test
    void keepsEverythingElse() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe", ControlCharacters.replaced("a\u0000b\u0007c\u001bd\u009be"));
        // a pair of surrogates is one character (here U+1F600), kept; a high one alone is not
        assertEquals("\uD83D\uDE00 \uFFFD", ControlCharacters.replaced("\uD83D\uDE00 \uD83D"));
        assertEquals("line one\r\nline\ttwo", ControlCharacters.replaced("line one\r\nline\ttwo"));
    }

    @Test
    void nullStaysNull() {
        assertNull(ControlCharacters.replaced((String) null));
    }
}
