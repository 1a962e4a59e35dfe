package dev.gqm.collect.git;

import dev.gqm.collect.Signature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
}
