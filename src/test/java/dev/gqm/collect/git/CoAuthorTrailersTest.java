package dev.gqm.collect.git;

import dev.gqm.collect.Signature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoAuthorTrailersTest {
    @Test
    void readsTrailersInOrderAnywhereAndInAnyCase() {
        String message = """
                Fix the parser

                Co-authored-by: Ada Lovelace <ada@example.org>
                Some text in between.
                  co-AUTHORED-by:   Grace B. Hopper   <grace@navy.mil>\s\s
                Signed-off-by: Someone <some@one.dev>
                CO-AUTHORED-BY: Zoë Ü <zoe@example.de>
                """;
        assertEquals(List.of(
                new Signature("Ada Lovelace", "ada@example.org"),
                new Signature("Grace B. Hopper", "grace@navy.mil"),
                new Signature("Zoë Ü", "zoe@example.de")), CoAuthorTrailers.parse(message));
    }

    @Test
    void ignoresLinesWithoutEmailOrNotAtLineStart() {
        String message = "Subject\n\nCo-authored-by: Nobody\nSee Co-authored-by: X <x@y.z>\nCo-authored-by:\nJane <j@x.org>\n";
        assertEquals(List.of(), CoAuthorTrailers.parse(message));
    }

    @Test
    void aLineWhoseAddressIsNoAddressNamesNobody() {
        assertEquals(List.of(new Signature("Ok", "ok@example.org")), CoAuthorTrailers.parse("x\n\n"
                + "Co-authored-by: <>\nCo-authored-by: Bad <not-an-email>\nCo-authored-by: Two <a@b@c>\n"
                + "Co-authored-by: Space <a b@c.d>\nCo-authored-by: Ok <ok@example.org>\n"));
    }

    @Test
    void toleratesWindowsLineEndingsAndEmptyName() {
        assertEquals(List.of(new Signature("", "bot@example.org"), new Signature("A B", "a@b.c")),
                CoAuthorTrailers.parse("x\r\n\r\nCo-authored-by: <bot@example.org>\r\nCo-authored-by: A B <a@b.c>\r\n"));
        assertEquals(List.of(), CoAuthorTrailers.parse(""));
        assertEquals(List.of(), CoAuthorTrailers.parse(null));
    }

    @Test
    void bytePrecheckMatchesOnlyTheKeyCaseInsensitively() {
        byte[] raw = "tree x\n\nmsg\nCO-Authored-BY: a <b>\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(CoAuthorTrailers.mayContain(raw, 0));
        assertFalse(CoAuthorTrailers.mayContain(raw, 20), "starting after the key");
        assertFalse(CoAuthorTrailers.mayContain("co_authored-by:".getBytes(StandardCharsets.UTF_8), 0));
        assertFalse(CoAuthorTrailers.mayContain("co-authored-by".getBytes(StandardCharsets.UTF_8), 0));
    }

    @Test
    void bytePrecheckAgreesWithAPlainSearchOnRandomText() {
        // an alphabet dense in the key's letters, both cases, so near-misses are frequent
        byte[] alphabet = "coauthredbyCOAUTHREDBY-: \nx".getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(42);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] raw = new byte[random.nextInt(80)];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (random.nextInt(4) == 0 && raw.length >= 15) {
                String key = random.nextBoolean() ? "Co-authored-by:" : "cO-AUTHORED-BY:";
                System.arraycopy(key.getBytes(StandardCharsets.US_ASCII), 0, raw, random.nextInt(raw.length - 14), 15);
            }
            int from = raw.length == 0 ? 0 : random.nextInt(raw.length);
            String text = new String(raw, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            boolean expected = text.indexOf("co-authored-by:", from) >= 0;
            found += expected ? 1 : 0;
            assertEquals(expected, CoAuthorTrailers.mayContain(raw, from), text + " from " + from);
        }
        assertTrue(found > 1000, "the random texts contain the key often enough to test a match");
    }
}
