package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.model.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The share in the organization-guessed note: rounded, but never 0% of something nor 100% of less than all. */
class OrganizationGuessedNoteTest {
    @ParameterizedTest(name = "{0} of {1} -> {2}%")
    @CsvSource({"3, 7, 43", "5, 9, 56", "1, 2, 50", "1, 300, 1", "299, 300, 99", "7, 7, 100"})
    void shareIsRoundedWithinItsBounds(int guessed, int total, int percent) {
        Note note = GitElephantFactor.organizationGuessed(guessed, total);
        assertEquals(Note.ORGANIZATION_GUESSED, note.code());
        assertEquals("the organization of " + guessed + " of " + total + " commits (" + percent + "%) is guessed from"
                + " the author's e-mail domain, not given by the identities file", note.text());
    }

    @Test
    void oneCommitIsOneCommit() {
        assertEquals("the organization of 1 of 1 commit (100%) is guessed from the author's e-mail domain, not given by"
                + " the identities file", GitElephantFactor.organizationGuessed(1, 1).text());
    }
}
