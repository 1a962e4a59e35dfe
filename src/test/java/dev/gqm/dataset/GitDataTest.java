package dev.gqm.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.collect.Tag;
import dev.gqm.model.Note;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.api.Row;
import tech.tablesaw.table.TableSlice;

/** Window boundaries, row order, co-authors and first contributions over hand-made history. */
class GitDataTest {
    static final Signature ANN = new Signature("Ann", "ann@example.com");
    static final Signature BEN = new Signature("Ben", "ben@example.com");
    static final Signature BOT = new Signature("dependabot[bot]", "bot@example.com");
    static final Instant AS_OF = Instant.parse("2026-07-01T00:00:00Z");

    static Commit commit(String id, Signature who, String day, int parents, Signature... coAuthors) {
        Instant at = Instant.parse(day + "T00:00:00Z");
        return new Commit(id, who, at, at, parents, List.of(coAuthors));
    }

    // History order as the store gives it: newest committed first.
    static final List<Commit> HISTORY = List.of(
            commit("h", ANN, "2026-07-05", 1),                 // more than a day after the collection (at as-of): implausible
            commit("g", BOT, "2026-06-30", 1),
            commit("f", BEN, "2026-06-20", 2),                 // a merge
            commit("e", BEN, "2026-06-10", 1, ANN, BEN, ANN),  // co-authors repeat the author and each other
            commit("d", ANN, "2026-06-01", 1),                 // exactly at a window start below
            commit("c", BEN, "2026-05-01", 1),
            commit("b", ANN, "2026-05-01", 1),                 // same time as c, older in history
            commit("b0", ANN, "2026-05-01", 1),                // same time and person as b, older still
            commit("a", ANN, "1985-01-01", 1));                // before 1990: implausible

    static GitData data() {
        List<Tag> tags = List.of(new Tag("v1", "c", Instant.parse("2026-05-02T00:00:00Z")),
                new Tag("v2", "g", Instant.parse("2026-07-02T00:00:00Z")));
        return GitData.build(HISTORY, tags, new IdentityResolver(null, null), AS_OF, AS_OF, false);
    }

    static Window window(String from, String to) {
        return new Window(Instant.parse(from + "T00:00:00Z"), Instant.parse(to + "T00:00:00Z"));
    }

    /** The commit ids of commits (column id) or first contributions (column commit), row by row as metrics read them. */
    static List<String> commits(GitData git, TableSlice rows) {
        List<String> ids = new ArrayList<>();
        for (Row row : rows) {
            ids.add(rows.containsColumn(GitData.ID) ? git.commitId(row.getInt(GitData.ID)) : row.getString(GitData.COMMIT));
        }
        return ids;
    }

    static List<String> people(TableSlice rows) {
        List<String> keys = new ArrayList<>();
        for (Row row : rows) {
            keys.add(row.getString(GitData.PERSON));
        }
        return keys;
    }

    @Test
    void windowsExcludeTheirStartIncludeTheirEndAndKeepHistoryOrder() {
        GitData git = data();
        assertEquals(List.of("e", "d", "c", "b", "b0"), commits(git, git.commitsIn(window("2026-04-30", "2026-06-10"), true)));
        assertEquals(List.of("e"), commits(git, git.commitsIn(window("2026-06-01", "2026-06-10"), true)));
        assertEquals(List.of("e", "d"), commits(git, git.commitsIn(window("2026-05-01", "2026-06-10"), true)));
        assertEquals(List.of("g", "e", "d", "c", "b", "b0"), commits(git, git.commitsIn(window("2026-01-01", "2026-07-01"), true)));
        assertEquals(List.of("e", "d", "c", "b", "b0"), commits(git, git.commitsIn(window("2026-01-01", "2026-07-01"), false)));
        assertEquals(List.of(), commits(git, git.commitsIn(window("2026-06-11", "2026-06-19"), true)));
    }

    @Test
    void contributionsNameEachPersonOncePerCommitAuthorFirst() {
        TableSlice rows = data().contributionsIn(window("2026-06-01", "2026-06-10"), false);
        assertEquals(List.of("ben@example.com", "ann@example.com"), people(rows));
        // both rows are commit e's (the table has no commit column): its author time
        long e = Instant.parse("2026-06-10T00:00:00Z").toEpochMilli();
        assertEquals(List.of(e, e), rows.longColumn(GitData.AT).asList());
        assertFalse(rows.containsColumn(GitData.COMMIT));
    }

    @Test
    void firstContributionIsTheEarliestAndOnEqualTimesTheNewestInHistory() {
        GitData git = data();
        TableSlice first = git.firstContributions(true);
        // newest first: g (bot), c (Ben's first: 2026-05-01), b (Ann's first: b0 has the same time but is older in history)
        assertEquals(List.of("bot@example.com", "ben@example.com", "ann@example.com"), people(first));
        assertEquals(List.of("g", "c", "b"), commits(git, first));
        assertEquals(List.of("c", "b"), commits(git, git.firstContributions(false)));
    }

    @Test
    void rowsAreNewestFirstByAuthorTimeEvenWhenHistoryDisagrees() {
        // a rebased commit: newest in history, authored before its parent
        List<Commit> history = List.of(commit("y", BEN, "2026-03-01", 1), commit("x", ANN, "2026-04-01", 1),
                commit("w", BEN, "2026-02-01", 1));
        GitData git = GitData.build(history, List.of(), new IdentityResolver(null, null), AS_OF, AS_OF, false);
        assertEquals(List.of("x", "y", "w"), commits(git, git.commitsIn(window("2026-01-01", "2026-07-01"), true)));
        assertEquals(List.of("y"), commits(git, git.commitsIn(window("2026-02-01", "2026-03-01"), true)));
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), git.firstCommit());
        assertEquals(List.of("x", "w"), commits(git, git.firstContributions(true)));
    }

    @Test
    void firstContributionsInAWindow() {
        GitData git = data();
        assertEquals(List.of("g", "c", "b"), commits(git, git.firstContributionsIn(window("2026-04-30", "2026-06-30"), true)));
        assertEquals(List.of("c", "b"), commits(git, git.firstContributionsIn(window("2026-04-30", "2026-06-30"), false)));
        assertEquals(List.of("g"), commits(git, git.firstContributionsIn(window("2026-05-01", "2026-06-30"), true)));
    }

    @Test
    void aWindowOfOnlyABotIsEmptyWithoutBots() {
        GitData git = data();
        assertEquals(List.of("g"), commits(git, git.commitsIn(window("2026-06-20", "2026-07-01"), true)));
        assertEquals(List.of(), commits(git, git.commitsIn(window("2026-06-20", "2026-07-01"), false)));
        assertEquals(List.of("g", "e"), commits(git, git.commitsIn(window("2026-06-01", "2026-07-01"), true)));
        assertEquals(List.of("ben@example.com", "ann@example.com"),
                people(git.contributionsIn(window("2026-06-01", "2026-07-01"), false)));
    }

    @Test
    void implausibleDatesAndMergesAreLeftOut() {
        GitData git = data();
        assertEquals(2, git.implausible());
        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), git.firstCommit());
        assertFalse(git.empty());
        TableSlice tags = git.tagsIn(window("2026-01-01", "2026-07-01"));
        assertEquals(List.of("v1"), tags.stringColumn(GitData.NAME).asList());
        assertEquals(List.of("c"), tags.stringColumn(GitData.TARGET).asList());
        assertEquals(List.of(Instant.parse("2026-05-02T00:00:00Z").toEpochMilli()), tags.longColumn(GitData.AT).asList());
        assertTrue(git.person("bot@example.com").bot());
    }

    static Commit at(String id, Signature who, String instant, int parents, Signature... coAuthors) {
        Instant t = Instant.parse(instant);
        return new Commit(id, who, t, t, parents, List.of(coAuthors));
    }

    @Test
    void aBackDatedRunLeavesLaterCommitsOutWithoutCallingThemImplausible() {
        Instant collected = Instant.parse("2026-11-22T10:00:00Z");
        List<Commit> history = List.of(
                at("future", ANN, "2100-01-01T00:00:00Z", 1),      // implausible
                at("late", BEN, "2026-11-23T10:00:01Z", 1),        // a second more than a day after collection: implausible
                at("edge", BEN, "2026-11-23T10:00:00Z", 1),        // exactly a day after: plausible, after as-of
                at("sep", ANN, "2026-09-01T00:00:00Z", 1),         // after as-of: not yet history, no warning
                at("jun", ANN, "2026-06-15T00:00:00Z", 1),
                at("old", BEN, "1980-06-01T00:00:00Z", 1));        // implausible
        GitData git = GitData.build(history, List.of(), new IdentityResolver(null, null), AS_OF, collected, false);
        assertEquals(3, git.implausible());
        assertEquals(List.of("jun"), commits(git, git.commitsIn(window("1990-01-01", "2026-07-01"), true)));
        assertEquals(List.of(), git.notes());

        // as-of at the collection: the commits of September and of the day after are history now
        GitData now = GitData.build(history, List.of(), new IdentityResolver(null, null), collected, collected, false);
        assertEquals(3, now.implausible());
        assertEquals(List.of("sep", "jun"), commits(now, now.commitsIn(window("1990-01-01", "2026-11-22"), true)));
    }

    @Test
    void historyEndsEarlyOnlyMoreThanThirtyDaysBeforeAsOf() {
        List<Commit> history = List.of(
                at("after", ANN, "2026-08-01T00:00:00Z", 1),       // after every as-of below: does not count
                at("newest", BEN, "2026-06-01T00:00:00Z", 1),
                at("older", ANN, "2026-05-01T00:00:00Z", 1));
        Instant collected = Instant.parse("2026-11-22T10:00:00Z");
        IdentityResolver who = new IdentityResolver(null, null);
        assertEquals(List.of(), GitData.build(history, List.of(), who, Instant.parse("2026-07-01T00:00:00Z"), collected,
                false).notes(), "exactly 30 days");
        List<Note> notes = GitData.build(history, List.of(), who, Instant.parse("2026-07-01T00:00:01Z"), collected,
                false).notes();
        assertEquals(List.of(new Note(Note.HISTORY_ENDS_EARLY, "the newest commit (2026-06-01) is 30.1 days before as-of:"
                + " recent activity may be missing (an old clone or the wrong branch?)")), notes);
        // 30 days of June and 31 of July, less a millisecond: 60.99... days, rounded up to the tenth
        assertEquals("the newest commit (2026-06-01) is 61.0 days before as-of: recent activity may be missing (an old"
                + " clone or the wrong branch?)", GitData.build(history, List.of(), who,
                Instant.parse("2026-08-01T00:00:00Z").minusMillis(1), collected, false).notes().get(0).text());
        // a merge is a commit of the history too
        List<Commit> merged = List.of(at("merge", BEN, "2026-06-20T00:00:00Z", 2), at("newest", BEN, "2026-06-01T00:00:00Z", 1));
        assertEquals(List.of(), GitData.build(merged, List.of(), who, Instant.parse("2026-07-05T00:00:00Z"), collected,
                false).notes());
        assertEquals(List.of(), GitData.build(List.of(), List.of(), who, AS_OF, collected, false).notes(), "no commits, no note");
    }

    @Test
    void aShallowCloneIsNotedOnTheHistory() {
        GitData git = GitData.build(HISTORY, List.of(), new IdentityResolver(null, null), AS_OF, AS_OF, true);
        assertEquals(List.of(new Note(Note.SHALLOW_HISTORY, "the clone is shallow: history stops at its boundary, so"
                + " older activity and first contributions before it are missing")), git.notes());
    }

    @Test
    void aliasCandidatesShareAFullNameOrANoReplyId() {
        Signature jane = new Signature("Jane Q. Doe", "jane@home.org");
        Signature janeAtWork = new Signature("jane q doe", "JDoe@work.com");
        Signature janeAtUni = new Signature("JANE  Q DOE", "jane.doe@uni.edu");
        Signature jose = new Signature("José Müller", "jose@a.org");
        Signature joseAscii = new Signature("Jose  Muller", "jm@b.org");
        Signature samOld = new Signature("sam", "12345+sam@users.noreply.github.com");
        Signature samNew = new Signature("Samuel", "12345+samuel-x@users.noreply.github.com");
        Signature samOldStyle = new Signature("sam", "sam@users.noreply.github.com");
        Signature bobA = new Signature("Bob", "bob@a.org");
        Signature bobB = new Signature("bob", "bob@b.org");
        Signature renovateA = new Signature("Renovate Bot", "bot@renovateapp.com");
        Signature renovateB = new Signature("Renovate Bot", "renovate@example.com");
        Signature cursorA = new Signature("Cursor Agent", "cursoragent@cursor.com");
        Signature cursorB = new Signature("Cursor Agent", "agent@example.dev");
        List<Commit> history = List.of(
                commit("c1", jane, "2026-06-01", 1),
                commit("c2", jane, "2026-06-02", 1, janeAtUni),
                commit("c3", jane, "2026-06-03", 1),
                commit("c4", janeAtWork, "2026-06-04", 1),
                commit("c5", jose, "2026-06-05", 1),
                commit("c6", joseAscii, "2026-06-06", 1),
                commit("c7", samOld, "2026-06-07", 1),
                commit("c8", samNew, "2026-06-08", 1),
                commit("c9", samNew, "2026-06-09", 1),
                commit("c10", samOldStyle, "2026-06-10", 1),
                commit("c11", bobA, "2026-06-11", 1),
                commit("c12", bobB, "2026-06-12", 1),
                commit("c13", renovateA, "2026-06-13", 1),
                commit("c14", renovateB, "2026-06-14", 1),
                commit("c15", cursorA, "2026-06-15", 1),
                commit("c16", cursorB, "2026-06-16", 1),
                commit("c17", new Signature("Jane Q. Doe", "jane@later.org"), "2026-07-15", 1)); // after as-of
        GitData git = GitData.build(history, List.of(), new IdentityResolver(null, null), AS_OF,
                Instant.parse("2026-11-22T10:00:00Z"), false);
        List<AliasCandidates.Group> groups = git.aliasCandidates();
        // Jane: 3 + 1 + 1 commits (the co-authored one counts), Sam 1 + 2, José 1 + 1; most commits first
        assertEquals(3, groups.size(), groups.toString());

        AliasCandidates.Group janes = groups.get(0);
        assertEquals(List.of("jane@home.org", "jane.doe@uni.edu", "jdoe@work.com"),
                janes.identities().stream().map(s -> s.person().key()).toList());
        assertEquals(List.of(3, 1, 1), janes.identities().stream().map(AliasCandidates.Seen::commits).toList());
        assertEquals(5, janes.commits());
        assertEquals(List.of(new AliasCandidates.Spelling("Jane Q. Doe", 3), new AliasCandidates.Spelling("JANE  Q DOE", 1),
                new AliasCandidates.Spelling("jane q doe", 1)), janes.names());
        assertEquals(List.of(new AliasCandidates.Spelling("jane@home.org", 3), new AliasCandidates.Spelling("JDoe@work.com", 1),
                new AliasCandidates.Spelling("jane.doe@uni.edu", 1)), janes.emails());
        assertEquals(List.of("Jane Q. Doe"), janes.sameNames());
        assertEquals(List.of(), janes.sameNoReplyIds());

        AliasCandidates.Group sams = groups.get(1);
        assertEquals(List.of("12345+samuel-x@users.noreply.github.com", "12345+sam@users.noreply.github.com"),
                sams.identities().stream().map(s -> s.person().key()).toList());
        assertEquals(List.of(), sams.sameNames());
        assertEquals(List.of("12345"), sams.sameNoReplyIds());

        AliasCandidates.Group joses = groups.get(2);
        assertEquals(List.of("jm@b.org", "jose@a.org"), joses.identities().stream().map(s -> s.person().key()).toList());
        assertEquals(List.of("Jose  Muller"), joses.sameNames());

        assertEquals(List.of(new Note(Note.ALIASES_SUSPECTED, "3 groups of identities look like one person each (same full"
                + " name or GitHub no-reply id) but were not merged: run gqm identities suggest")),
                git.peopleNotes(window("2026-05-01", "2026-07-01")));
        // from 06-04 noon: José's and Sam's identities are in it, Jane's last commit (06-04 midnight) is not
        assertEquals(List.of(new Note(Note.ALIASES_SUSPECTED, "2 groups of identities look like one person each (same full"
                + " name or GitHub no-reply id) but were not merged: run gqm identities suggest")),
                git.peopleNotes(new Window(Instant.parse("2026-06-04T12:00:00Z"), AS_OF)));
        // after 06-10 only the one-word bobs, bots and agents: no candidate can change that count
        assertEquals(List.of(), git.peopleNotes(window("2026-06-10", "2026-07-01")));
    }

    @Test
    void noAliasCandidatesNoPeopleNote() {
        assertEquals(List.of(), data().aliasCandidates());
        assertEquals(List.of(), data().peopleNotes(window("2026-01-01", "2026-07-01")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Jane Q. Doe        | jane q doe
            '  JANE   Q.  DOE ' | jane q doe
            José Müller-Lüdenscheidt | jose muller ludenscheidt
            bob                | NULL
            '  Bob. '          | NULL
            ''                 | NULL
            """)
    void fullNamesCompareWithoutCaseAccentsPunctuationAndSpaces(String name, String normalized) {
        assertEquals(normalized, AliasCandidates.normalizedName(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            12345+old@users.noreply.github.com | 12345
            12345+New@Users.NoReply.GitHub.com | 12345
            old@users.noreply.github.com       | NULL
            12345+old@example.com              | NULL
            12345@users.noreply.github.com     | NULL
            """)
    void noReplyIdsAreTheAccountNumber(String email, String id) {
        assertEquals(id, AliasCandidates.noReplyId(email));
    }

    @Test
    void noCommitsAtAllIsEmpty() {
        GitData git = GitData.build(List.of(), List.of(), new IdentityResolver(null, null), AS_OF, AS_OF, false);
        assertTrue(git.empty());
        assertNull(git.firstCommit());
        assertEquals(List.of(), commits(git, git.commitsIn(window("2026-01-01", "2026-07-01"), true)));
    }
}
