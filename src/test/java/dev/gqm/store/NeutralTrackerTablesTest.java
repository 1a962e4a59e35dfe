package dev.gqm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.Review;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.TrackerRecords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's tracker tables hold every source's neutral records, whatever the source's numbering. */
class NeutralTrackerTablesTest {
    private static final Instant T1 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-02T00:00:00Z");
    private static final Instant T3 = Instant.parse("2025-01-03T00:00:00Z");

    @TempDir
    Path tmp;

    private static Issue item(long id, int number, boolean change, Instant closed, Instant merged) {
        return new Issue(id, number, "t" + number, "u", new Actor("ann", "User"), "", T1, T3, closed, change, merged,
                false, List.of(), closed == null ? "opened" : "closed");
    }

    @Test
    void anIssueAndAMergeRequestOfOneNumberAndIdStayApartWithTheirOwnCommentsAndEvents() throws Exception {
        try (Store store = Store.open(tmp.resolve("s.db").toString())) {
            IssueStore issues = store.issues(store.sourceId("gitlab", "https://gitlab.example/g/p"));
            // GitLab numbers issues and merge requests apart; here both #5 have id 77 as well
            Issue issue = item(77, 5, false, T3, null);
            Issue change = item(77, 5, true, T2, T2);
            issues.sink().page(IssueSink.Page.of("issues", List.of(issue, change),
                    List.of(new Comment(900, 5, new Actor("bob", "User"), T2, T2, ItemType.ISSUE),
                            new Comment(901, 5, new Actor("cy", "User"), T3, T3, ItemType.CHANGE_REQUEST)),
                    List.of(new Review(902, 5, new Actor("cy", "User"), T2, "APPROVED")),
                    List.of(new StateEvent(ItemType.ISSUE, 5, new Actor("bob", "User"), T2, StateEvent.Kind.CLOSED),
                            new StateEvent(ItemType.ISSUE, 5, new Actor("ann", "User"), T2.plusSeconds(60),
                                    StateEvent.Kind.REOPENED),
                            new StateEvent(ItemType.ISSUE, 5, new Actor("bob", "User"), T3, StateEvent.Kind.CLOSED),
                            new StateEvent(ItemType.CHANGE_REQUEST, 5, new Actor("cy", "User"), T2,
                                    StateEvent.Kind.MERGED)),
                    T3));
            // a page delivered twice (a resumed run) leaves one row per record
            issues.sink().page(IssueSink.Page.of("issues", List.of(issue), List.of(), List.of(),
                    List.of(new StateEvent(ItemType.ISSUE, 5, new Actor("bob", "User"), T3, StateEvent.Kind.CLOSED)),
                    T3));

            TrackerRecords records = issues.records();
            assertEquals(2, records.items().size());
            assertFalse(records.items().get(0).changeRequest());
            assertTrue(records.items().get(1).changeRequest());
            assertEquals(T2, records.items().get(1).mergedAt(), "a source's own merge time is kept");
            assertEquals(List.of(ItemType.ISSUE, ItemType.CHANGE_REQUEST),
                    records.comments().stream().map(Comment::on).toList());
            assertEquals(4, records.events().size());
            assertEquals(List.of(StateEvent.Kind.CLOSED, StateEvent.Kind.REOPENED, StateEvent.Kind.CLOSED,
                            StateEvent.Kind.MERGED), records.events().stream().map(StateEvent::kind).toList());
            assertEquals("bob", records.events().get(0).actor().login());
        }
    }

    @Test
    void aVersion4StoreKeepsItsIssuesCommentsAndReviewsAsNeutralRecords() throws Exception {
        Path file = tmp.resolve("v4.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (int step = 0; step < 4; step++) {
                for (String sql : Schema.STEPS.get(step).sqlite()) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 4");
            st.execute("""
                    INSERT INTO issues (source_id, id, number, title, url, author_login, author_type, association,
                      created_at, updated_at, closed_at, merged_at, pull_request, draft, labels, state,
                      reviews_fetched_updated_at)
                    VALUES (1, 10, 3, 'fix', 'https://github.com/o/r/pull/3', 'ann', 'User', 'MEMBER',
                      1000, 3000, 2000, 2000, 1, 0, 'bug', 'closed', 3000)""");
            st.execute("""
                    INSERT INTO issue_comments (source_id, id, issue_number, author_login, author_type, created_at, updated_at)
                    VALUES (1, 20, 3, 'bob', 'User', 1500, 1500)""");
            st.execute("""
                    INSERT INTO pull_reviews (source_id, id, pull_number, author_login, author_type, submitted_at, state)
                    VALUES (1, 30, 3, 'cy', 'User', 1600, 'APPROVED')""");
        }
        try (Store store = Store.open(file.toString())) {
            assertEquals(Schema.VERSION, store.schemaVersion());
            TrackerRecords records = store.issues(1).records();
            Issue pull = records.items().get(0);
            assertEquals(List.of(10L, 3), List.of(pull.id(), pull.number()));
            assertTrue(pull.changeRequest());
            assertEquals(Instant.ofEpochMilli(2000), pull.mergedAt());
            assertEquals(List.of("bug"), pull.labels());
            assertEquals(ItemType.EITHER, records.comments().get(0).on(), "GitHub's comments name the number alone");
            assertEquals(3, records.reviews().get(0).changeNumber());
            assertEquals(List.of(), records.events());
            assertTrue(store.issues(1).changesNeedingReviews().isEmpty(), "review bookkeeping survives");
        }
    }
}
