package dev.gqm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueStoreTest {
    private static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-02T00:00:00Z");

    private static Issue pull(long id, int number, Instant updated, Instant merged, boolean draft) {
        return new Issue(id, number, "p", "u", new Actor("a", "User"), "NONE", T1, updated, merged, true, merged,
                draft, List.of(), merged == null ? "open" : "closed");
    }

    @Test
    void pullFieldsArrivingBeforeTheIssueRowAreApplied() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            TrackerTables.create(c);
            TrackerTables.create(c); // idempotent
            IssueStore store = new IssueStore(c, 1);
            store.sink().page(new IssueSink.Page("pulls", List.of(), List.of(pull(9005, 5, T2, T2, false)), List.of(),
                    List.of(), List.of(), null, T2, null));
            assertEquals(List.of(), store.issues());

            Issue fromIssues = new Issue(105, 5, "p", "u", new Actor("a", "User"), "NONE", T1, T2, T2, true, null,
                    true, List.of("x"), "closed");
            store.sink().page(IssueSink.Page.of("issues", List.of(fromIssues), List.of(), List.of(), List.of(), T2));

            Issue stored = store.issues().get(0);
            assertEquals(105, stored.id());
            assertEquals(T2, stored.mergedAt());
            assertEquals(false, stored.draft());
            assertEquals(Map.of("pulls", T2, "issues", T2), store.cursors());
            assertEquals(Set.of(5), store.changesNeedingReviews());
            store.sink().page(new IssueSink.Page("reviews:5", List.of(), List.of(), List.of(), List.of(), List.of(), 5,
                    null, null));
            assertEquals(Set.of(), store.changesNeedingReviews());
            // another source's rows stay apart
            assertTrue(new IssueStore(c, 2).issues().isEmpty());
        }
    }

    @Test
    void aFailedPageLeavesNeitherRowsNorCursor() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            TrackerTables.create(c);
            c.createStatement().executeUpdate("DROP TABLE issue_cursors");
            IssueStore store = new IssueStore(c, 1);
            assertThrows(SQLException.class,
                    () -> store.sink().page(IssueSink.Page.of("issues", List.of(pull(1, 1, T1, null, false)), List.of(),
                            List.of(), List.of(), T1)));
            assertEquals(List.of(), store.issues());
            assertTrue(c.getAutoCommit());
        }
    }
}
