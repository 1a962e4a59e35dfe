package dev.gqm.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.collect.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
            commit("h", ANN, "2026-07-05", 1),                 // after as-of + 1 day: implausible
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
        return GitData.build(HISTORY, tags, new IdentityResolver(null, null), AS_OF);
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
        GitData git = GitData.build(history, List.of(), new IdentityResolver(null, null), AS_OF);
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

    @Test
    void noCommitsAtAllIsEmpty() {
        GitData git = GitData.build(List.of(), List.of(), new IdentityResolver(null, null), AS_OF);
        assertTrue(git.empty());
        assertNull(git.firstCommit());
        assertEquals(List.of(), commits(git, git.commitsIn(window("2026-01-01", "2026-07-01"), true)));
    }
}
