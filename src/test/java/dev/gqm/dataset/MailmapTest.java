package dev.gqm.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gqm.collect.Signature;
import org.junit.jupiter.api.Test;

// Expected values were checked with `git check-mailmap` (git 2.39) on the same .mailmap text.
class MailmapTest {

    private static Signature sig(String name, String email) {
        return new Signature(name, email);
    }

    @Test
    void simpleFormReplacesTheNameAndKeepsTheCommitEmail() {
        Mailmap m = Mailmap.parse("Proper Name <commit@email.xx>\n");
        assertEquals(sig("Proper Name", "commit@email.xx"), m.map(sig("joe", "commit@email.xx")));
        assertEquals(sig("Proper Name", "CoMmIt@EmAiL.xX"), m.map(sig("joe", "CoMmIt@EmAiL.xX")));
        assertEquals(sig("joe", "other@email.xx"), m.map(sig("joe", "other@email.xx")));
    }

    @Test
    void emailFormReplacesOnlyTheEmail() {
        Mailmap m = Mailmap.parse("<proper@email.xx> <commit@email.xx>");
        assertEquals(sig("Joe Commit", "proper@email.xx"), m.map(sig("Joe Commit", "COMMIT@email.xx")));
    }

    @Test
    void nameAndEmailFormReplacesBothForAnyCommitName() {
        Mailmap m = Mailmap.parse("Proper Name <proper@email.xx> <commit@email.xx>");
        assertEquals(sig("Proper Name", "proper@email.xx"), m.map(sig("anything", "commit@email.xx")));
    }

    @Test
    void fullFormNeedsBothCommitNameAndEmailIgnoringCase() {
        Mailmap m = Mailmap.parse("Proper Name <proper@email.xx> Commit Name <commit@email.xx>");
        assertEquals(sig("Proper Name", "proper@email.xx"), m.map(sig("CoMmIt NaMe", "CoMmIt@EmAiL.xX")));
        assertEquals(sig("Other Name", "commit@email.xx"), m.map(sig("Other Name", "commit@email.xx")));
        assertEquals(sig("Commit Name", "else@email.xx"), m.map(sig("Commit Name", "else@email.xx")));
    }

    @Test
    void fullFormWithoutProperNameKeepsTheCommitName() {
        Mailmap m = Mailmap.parse("<proper@x> Old <old@x>");
        assertEquals(sig("old", "proper@x"), m.map(sig("old", "old@x")));
    }

    @Test
    void entryWithCommitNameWinsOverSimpleEntryForTheSameEmail() {
        Mailmap m = Mailmap.parse("""
                Bob <bob@p> Robert <bob@x>
                Bobby <bob@x>
                """);
        assertEquals(sig("Bob", "bob@p"), m.map(sig("robert", "BOB@x")));
        assertEquals(sig("Bobby", "bob@x"), m.map(sig("Rob", "bob@x")));
    }

    @Test
    void simpleEntriesForOneEmailMergeFieldByFieldAndTheLastWins() {
        Mailmap m = Mailmap.parse("""
                Ann <ann@x>
                <annp@x> <ann@x>
                First <f@x>
                Second <f@x>
                AA <aa@x> Old <old@x>
                BB <bb@x> OLD <old@x>
                """);
        assertEquals(sig("Ann", "annp@x"), m.map(sig("q", "ANN@X")));
        assertEquals(sig("Second", "f@x"), m.map(sig("x", "f@x")));
        assertEquals(sig("BB", "bb@x"), m.map(sig("old", "old@x")));
    }

    @Test
    void onlyALeadingHashIsACommentAsInGit() {
        Mailmap m = Mailmap.parse("""
                # Comment <c@x>

                Joe <joe@x> # trailing <jc@x>
                Ann <ann@x>   # plain trailing comment
                """);
        assertEquals(sig("x", "c@x"), m.map(sig("x", "c@x")));
        // git reads "# trailing <jc@x>" as a commit name and e-mail, so only that exact pair maps.
        assertEquals(sig("x", "joe@x"), m.map(sig("x", "joe@x")));
        assertEquals(sig("trailing", "jc@x"), m.map(sig("trailing", "jc@x")));
        assertEquals(sig("Joe", "joe@x"), m.map(sig("# trailing", "jc@x")));
        assertEquals(sig("Ann", "ann@x"), m.map(sig("a", "ann@x")));
        assertEquals(0, m.skippedLines());
    }

    @Test
    void malformedLinesAreSkippedAndCounted() {
        Mailmap m = Mailmap.parse("""
                junk without an address
                Empty <>
                Unclosed <a@b
                   \t
                Good <good@x>
                """);
        assertEquals(3, m.skippedLines());
        assertEquals(sig("Good", "good@x"), m.map(sig("g", "good@x")));
        assertEquals(sig("u", "a@b"), m.map(sig("u", "a@b")));
    }

    @Test
    void whitespaceAroundNamesIsTrimmedButEmailsAreVerbatim() {
        Mailmap m = Mailmap.parse("\tTabbed Name\t<tab@x>\r\nNo<nospace@x>\nOnly < sp@x >\n");
        assertEquals(sig("Tabbed Name", "tab@x"), m.map(sig("x", "tab@x")));
        assertEquals(sig("No", "nospace@x"), m.map(sig("x", "nospace@x")));
        assertEquals(sig("Only", " sp@x "), m.map(sig("x", " sp@x ")));
        assertEquals(sig("x", "sp@x"), m.map(sig("x", "sp@x")));
    }

    @Test
    void emptyCommitEmailCanBeMappedWithTheTwoAddressForm() {
        Mailmap m = Mailmap.parse("Y <y@p> <>");
        assertEquals(sig("Y", "y@p"), m.map(sig("z", "")));
    }

    @Test
    void caseFoldingIsAsciiOnlyLikeGit() {
        Mailmap m = Mailmap.parse("Proper <p@x> Élodie <e@x>");
        assertEquals(sig("Proper", "p@x"), m.map(sig("Élodie", "E@X")));
        assertEquals(sig("élodie", "e@x"), m.map(sig("élodie", "e@x")));
    }

    @Test
    void unmappedSignatureIsReturnedAsIs() {
        Signature s = sig("a", "a@x");
        assertSame(s, Mailmap.parse("B <b@x>").map(s));
        assertSame(s, Mailmap.empty().map(s));
        assertEquals(0, Mailmap.parse("").skippedLines());
    }
}
