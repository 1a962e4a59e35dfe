package dev.gqm.store;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.Review;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.TrackerRecords;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Issue-tracker records of one source in the store: saved a page at a time together with the
 * stream's cursor, so that an interrupted collection resumes where it stopped.
 */
public final class IssueStore {
    private static final String UPSERT_ISSUE = """
            INSERT INTO items (source_id, change_request, id, number, title, url, author_login, author_type,
              association, created_at, updated_at, closed_at, merged_at, draft, labels, state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id, change_request, id) DO UPDATE SET number = excluded.number,
              title = excluded.title, url = excluded.url, author_login = excluded.author_login,
              author_type = excluded.author_type, association = excluded.association,
              created_at = excluded.created_at, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
              merged_at = excluded.merged_at, draft = excluded.draft, labels = excluded.labels,
              state = excluded.state""";
    // an item's number names it within its kind: one stored under another id (GitHub REST gives a
    // pull request its issue's id, GraphQL its own) is the same item, replaced
    private static final String DROP_RENUMBERED = """
            DELETE FROM items WHERE source_id = ? AND change_request = ? AND number = ? AND id <> ?""";
    // change fields listed apart from the items (GitHub's pull listing) are authoritative for
    // merged_at and draft, whichever came first
    private static final String APPLY_CHANGE_FIELDS = """
            UPDATE items SET
              merged_at = (SELECT p.merged_at FROM change_fields p WHERE p.source_id = items.source_id AND p.number = items.number),
              draft = (SELECT p.draft FROM change_fields p WHERE p.source_id = items.source_id AND p.number = items.number)
            WHERE source_id = ? AND number = ? AND change_request = 1
              AND EXISTS (SELECT 1 FROM change_fields p WHERE p.source_id = items.source_id AND p.number = items.number)""";
    private static final String UPSERT_CHANGE_FIELDS = """
            INSERT INTO change_fields (source_id, number, merged_at, draft) VALUES (?, ?, ?, ?)
            ON CONFLICT (source_id, number) DO UPDATE SET merged_at = excluded.merged_at, draft = excluded.draft""";
    private static final String UPSERT_COMMENT = """
            INSERT INTO comments (source_id, id, issue_number, author_login, author_type, created_at, updated_at, on_item)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id, id) DO UPDATE SET issue_number = excluded.issue_number,
              author_login = excluded.author_login, author_type = excluded.author_type,
              created_at = excluded.created_at, updated_at = excluded.updated_at, on_item = excluded.on_item""";
    private static final String UPSERT_REVIEW = """
            INSERT INTO reviews (source_id, id, change_number, author_login, author_type, submitted_at, state)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id, id) DO UPDATE SET change_number = excluded.change_number,
              author_login = excluded.author_login, author_type = excluded.author_type,
              submitted_at = excluded.submitted_at, state = excluded.state""";
    private static final String UPSERT_EVENT = """
            INSERT INTO state_events (source_id, on_item, item_number, at_ms, kind, actor_login, actor_type)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id, on_item, item_number, at_ms, kind) DO UPDATE SET
              actor_login = excluded.actor_login, actor_type = excluded.actor_type""";
    private static final String REVIEWS_FETCHED = """
            UPDATE items SET reviews_fetched_updated_at = updated_at
            WHERE source_id = ? AND number = ? AND change_request = 1""";
    private static final String UPSERT_CURSOR = """
            INSERT INTO issue_cursors (source_id, stream, cursor_ms) VALUES (?, ?, ?)
            ON CONFLICT (source_id, stream) DO UPDATE SET cursor_ms = excluded.cursor_ms""";
    private static final String UPSERT_ETAG = """
            INSERT INTO issue_etags (source_id, stream, url, etag) VALUES (?, ?, ?, ?)
            ON CONFLICT (source_id, stream) DO UPDATE SET url = excluded.url, etag = excluded.etag""";

    private final Connection connection;
    private final long sourceId;

    public IssueStore(Connection connection, long sourceId) {
        this.connection = connection;
        this.sourceId = sourceId;
    }

    /** A sink that writes each page, its cursor and its ETag in one transaction. */
    public IssueSink sink() {
        return this::savePage;
    }

    /** The ETag kept for each stream, with the request it answered. */
    public Map<String, IssueSink.Etag> etags() throws StoreException {
        return Store.guard(this::etagsRows);
    }

    private Map<String, IssueSink.Etag> etagsRows() throws SQLException {
        Map<String, IssueSink.Etag> etags = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT stream, url, etag FROM issue_etags WHERE source_id = ?")) {
            select.setLong(1, sourceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    etags.put(rows.getString(1), new IssueSink.Etag(rows.getString(2), rows.getString(3)));
                }
            }
        }
        return etags;
    }

    /** The numbers of the items (issues and change requests) it holds. */
    public Set<Integer> itemNumbers() throws StoreException {
        return Store.guard(() -> {
            Set<Integer> numbers = new java.util.HashSet<>();
            try (PreparedStatement st = connection.prepareStatement("SELECT number FROM items WHERE source_id = ?")) {
                st.setLong(1, sourceId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        numbers.add(rs.getInt(1));
                    }
                }
            }
            return numbers;
        });
    }

    /** The cursor of each stream collected so far. */
    public Map<String, Instant> cursors() throws StoreException {
        return Store.guard(this::cursorsRows);
    }

    private Map<String, Instant> cursorsRows() throws SQLException {
        Map<String, Instant> cursors = new HashMap<>();
        markers().forEach((stream, value) -> {
            if (!stream.startsWith(MARKER_PREFIX)) {
                cursors.put(stream, Instant.ofEpochMilli(value));
            }
        });
        return cursors;
    }

    /**
     * Rows of {@code issue_cursors} whose stream starts with this are the store's own bookkeeping,
     * not a source's cursors: which collection was started last and which one finished.
     */
    private static final String MARKER_PREFIX = "gqm:";
    private static final String STARTED = MARKER_PREFIX + "collection-started";
    private static final String FINISHED = MARKER_PREFIX + "collection-finished";
    /** Present while the store holds only the items that were open when it was collected. */
    private static final String OPEN_ONLY = MARKER_PREFIX + "open-items-only";

    private Map<String, Long> markers() throws SQLException {
        Map<String, Long> all = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT stream, cursor_ms FROM issue_cursors WHERE source_id = ?")) {
            select.setLong(1, sourceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return all;
    }

    /** Records that a collection starts: until {@link #collectionFinished()}, the store holds only part of the items. */
    public void collectionStarted() throws StoreException {
        Store.guard(() -> {
            collectionStartedRows();
            return null;
        });
    }

    private void collectionStartedRows() throws SQLException {
        Long started = markers().get(STARTED);
        writeMarker(STARTED, started == null ? 1 : started + 1);
    }

    /** Records that the collection begun last has read everything. */
    public void collectionFinished() throws StoreException {
        Store.guard(() -> {
            collectionFinishedRows();
            return null;
        });
    }

    private void collectionFinishedRows() throws SQLException {
        Long started = markers().get(STARTED);
        writeMarker(FINISHED, started == null ? 0 : started);
    }

    /**
     * Whether the store holds only part of the tracker's items: the last collection was started
     * and did not finish (stopped, killed, or failed halfway). A store from before these records
     * were kept is taken as whole: there is no evidence against it.
     */
    public boolean partial() throws StoreException {
        return Store.guard(this::partialRows);
    }

    private boolean partialRows() throws SQLException {
        Map<String, Long> all = markers();
        Long started = all.get(STARTED);
        return started != null && !started.equals(all.get(FINISHED));
    }

    /**
     * Whether the store holds only the items open when they were collected, not the tracker's
     * history (see {@link IssueSync#sync(dev.gqm.collect.IssueSource, boolean)}).
     */
    public boolean holdsOnlyOpenItems() throws StoreException {
        return Store.guard(() -> markers().containsKey(OPEN_ONLY));
    }

    /**
     * Since when the store holds only the items open then: the as-of of the first open-only
     * collection into it; empty when it holds the whole history (or nothing).
     */
    public Optional<Instant> onlyOpenItemsSince() throws StoreException {
        return Store.guard(() -> Optional.ofNullable(markers().get(OPEN_ONLY)).map(Instant::ofEpochMilli));
    }

    /**
     * Records that the store holds only the items open at {@code since} and what changed from
     * then on, or (null) the whole history again.
     */
    public void markOnlyOpenItems(Instant since) throws StoreException {
        Store.guard(() -> {
            if (since != null) {
                writeMarker(OPEN_ONLY, since.toEpochMilli());
            } else {
                Transaction.run(connection, () -> {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM issue_cursors WHERE source_id = ? AND stream = ?")) {
                        delete.setLong(1, sourceId);
                        delete.setString(2, OPEN_ONLY);
                        delete.executeUpdate();
                    }
                });
            }
            return null;
        });
    }

    private void writeMarker(String stream, long value) throws SQLException {
        Transaction.run(connection, () -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CURSOR)) {
                upsert.setLong(1, sourceId);
                upsert.setString(2, stream);
                upsert.setLong(3, value);
                upsert.executeUpdate();
            }
        });
    }

    /** Change requests updated since their reviews were last read (or never read). */
    public Set<Integer> changesNeedingReviews() throws StoreException {
        return Store.guard(this::changesNeedingReviewsRows);
    }

    private Set<Integer> changesNeedingReviewsRows() throws SQLException {
        Set<Integer> numbers = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT number FROM items WHERE source_id = ? AND change_request = 1
                  AND (reviews_fetched_updated_at IS NULL OR updated_at > reviews_fetched_updated_at)""")) {
            select.setLong(1, sourceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getInt(1));
                }
            }
        }
        return numbers;
    }

    public List<Issue> issues() throws StoreException {
        return Store.guard(this::issuesRows);
    }

    private List<Issue> issuesRows() throws SQLException {
        List<Issue> issues = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, number, title, url, author_login, author_type, association, created_at, updated_at,
                  closed_at, change_request, merged_at, draft, labels, state
                FROM items WHERE source_id = ? ORDER BY number, change_request, id""")) {
            select.setLong(1, sourceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String labels = rows.getString(14);
                    issues.add(new Issue(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                            new Actor(rows.getString(5), rows.getString(6)), rows.getString(7),
                            instant(rows, 8), instant(rows, 9), instant(rows, 10), rows.getInt(11) == 1,
                            instant(rows, 12), rows.getInt(13) == 1,
                            labels.isEmpty() ? List.of() : Arrays.asList(labels.split("\n", -1)),
                            rows.getString(15)));
                }
            }
        }
        return issues;
    }

    public List<Comment> comments() throws StoreException {
        return Store.guard(this::commentsRows);
    }

    private List<Comment> commentsRows() throws SQLException {
        List<Comment> comments = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, issue_number, author_login, author_type, created_at, updated_at, on_item
                FROM comments WHERE source_id = ? ORDER BY created_at, id""")) {
            select.setLong(1, sourceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    comments.add(new Comment(rows.getLong(1), rows.getInt(2),
                            new Actor(rows.getString(3), rows.getString(4)), instant(rows, 5), instant(rows, 6),
                            ItemType.ofCode(rows.getInt(7))));
                }
            }
        }
        return comments;
    }

    public List<Review> reviews() throws StoreException {
        return Store.guard(this::reviewsRows);
    }

    private List<Review> reviewsRows() throws SQLException {
        List<Review> reviews = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, change_number, author_login, author_type, submitted_at, state
                FROM reviews WHERE source_id = ? ORDER BY change_number, id""")) {
            select.setLong(1, sourceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reviews.add(new Review(rows.getLong(1), rows.getInt(2),
                            new Actor(rows.getString(3), rows.getString(4)), instant(rows, 5), rows.getString(6)));
                }
            }
        }
        return reviews;
    }

    public List<StateEvent> events() throws StoreException {
        return Store.guard(this::eventsRows);
    }

    private List<StateEvent> eventsRows() throws SQLException {
        List<StateEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT on_item, item_number, actor_login, actor_type, at_ms, kind
                FROM state_events WHERE source_id = ? ORDER BY on_item, item_number, at_ms, kind""")) {
            select.setLong(1, sourceId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StateEvent(ItemType.ofCode(rows.getInt(1)), rows.getInt(2),
                            new Actor(rows.getString(3), rows.getString(4)), instant(rows, 5),
                            StateEvent.Kind.valueOf(rows.getString(6))));
                }
            }
        }
        return events;
    }

    /** Everything stored of this source, for the dataset. */
    public TrackerRecords records() throws StoreException {
        return new TrackerRecords(issues(), comments(), reviews(), events());
    }

    private void savePage(IssueSink.Page page) throws SQLException {
        Transaction.run(connection, () -> {
            // a row met twice in one page is saved once, as its last sight: PostgreSQL refuses a
            // batched upsert (one multi-row INSERT) that touches a row twice
            saveIssues(lastOfEach(page.items(), i -> List.of(i.changeRequest(), i.id())));
            saveChangeFields(lastOfEach(page.changeFields(), Issue::number));
            saveComments(lastOfEach(page.comments(), Comment::id));
            saveReviews(lastOfEach(page.reviews(), Review::id));
            saveEvents(lastOfEach(page.events(), e -> List.of(e.on(), e.number(), e.at().toEpochMilli(), e.kind())));
            if (page.reviewsComplete() != null) {
                markReviewsFetched(page.reviewsComplete());
            }
            if (page.cursor() != null) {
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CURSOR)) {
                    upsert.setLong(1, sourceId);
                    upsert.setString(2, page.stream());
                    upsert.setLong(3, page.cursor().toEpochMilli());
                    upsert.executeUpdate();
                }
            }
            IssueSink.Etag etag = page.etag();
            if (etag != null) {
                try (PreparedStatement upsert = connection.prepareStatement(UPSERT_ETAG)) {
                    upsert.setLong(1, sourceId);
                    upsert.setString(2, page.stream());
                    upsert.setString(3, etag.url());
                    upsert.setString(4, etag.value());
                    upsert.executeUpdate();
                }
            }
        });
    }

    /** {@code rows} with only the last of those of one key, in the order of those last ones. */
    static <T> List<T> lastOfEach(List<T> rows, java.util.function.Function<T, Object> key) {
        if (rows.size() < 2) {
            return rows;
        }
        Map<Object, T> last = new java.util.LinkedHashMap<>();
        for (T row : rows) {
            Object k = key.apply(row);
            last.remove(k);
            last.put(k, row);
        }
        return last.size() == rows.size() ? rows : new ArrayList<>(last.values());
    }

    private void saveEvents(List<StateEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_EVENT)) {
            for (StateEvent event : events) {
                upsert.setLong(1, sourceId);
                upsert.setInt(2, event.on().code());
                upsert.setInt(3, event.number());
                upsert.setLong(4, event.at().toEpochMilli());
                upsert.setString(5, event.kind().name());
                upsert.setString(6, event.actor().login());
                upsert.setString(7, event.actor().type());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void saveIssues(List<Issue> issues) throws SQLException {
        if (issues.isEmpty()) {
            return;
        }
        try (PreparedStatement drop = connection.prepareStatement(DROP_RENUMBERED);
             PreparedStatement upsert = connection.prepareStatement(UPSERT_ISSUE);
             PreparedStatement apply = connection.prepareStatement(APPLY_CHANGE_FIELDS)) {
            for (Issue issue : issues) {
                drop.setLong(1, sourceId);
                drop.setInt(2, issue.changeRequest() ? 1 : 0);
                drop.setInt(3, issue.number());
                drop.setLong(4, issue.id());
                drop.addBatch();
                int i = 1;
                upsert.setLong(i++, sourceId);
                upsert.setInt(i++, issue.changeRequest() ? 1 : 0);
                upsert.setLong(i++, issue.id());
                upsert.setInt(i++, issue.number());
                upsert.setString(i++, issue.title());
                upsert.setString(i++, issue.url());
                upsert.setString(i++, issue.author().login());
                upsert.setString(i++, issue.author().type());
                upsert.setString(i++, issue.authorAssociation());
                upsert.setLong(i++, issue.createdAt().toEpochMilli());
                upsert.setLong(i++, issue.updatedAt().toEpochMilli());
                setInstant(upsert, i++, issue.closedAt());
                setInstant(upsert, i++, issue.mergedAt());
                upsert.setInt(i++, issue.draft() ? 1 : 0);
                upsert.setString(i++, String.join("\n", issue.labels()));
                upsert.setString(i, issue.state());
                upsert.addBatch();
                if (issue.changeRequest()) {
                    apply.setLong(1, sourceId);
                    apply.setInt(2, issue.number());
                    apply.addBatch();
                }
            }
            drop.executeBatch();
            upsert.executeBatch();
            apply.executeBatch();
        }
    }

    private void saveChangeFields(List<Issue> pulls) throws SQLException {
        if (pulls.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_CHANGE_FIELDS);
             PreparedStatement apply = connection.prepareStatement(APPLY_CHANGE_FIELDS)) {
            for (Issue pull : pulls) {
                upsert.setLong(1, sourceId);
                upsert.setInt(2, pull.number());
                setInstant(upsert, 3, pull.mergedAt());
                upsert.setInt(4, pull.draft() ? 1 : 0);
                upsert.addBatch();
                apply.setLong(1, sourceId);
                apply.setInt(2, pull.number());
                apply.addBatch();
            }
            upsert.executeBatch();
            apply.executeBatch();
        }
    }

    private void saveComments(List<Comment> comments) throws SQLException {
        if (comments.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_COMMENT)) {
            for (Comment comment : comments) {
                upsert.setLong(1, sourceId);
                upsert.setLong(2, comment.id());
                upsert.setInt(3, comment.issueNumber());
                upsert.setString(4, comment.author().login());
                upsert.setString(5, comment.author().type());
                upsert.setLong(6, comment.createdAt().toEpochMilli());
                upsert.setLong(7, comment.updatedAt().toEpochMilli());
                upsert.setInt(8, comment.on().code());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void saveReviews(List<Review> reviews) throws SQLException {
        if (reviews.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_REVIEW)) {
            for (Review review : reviews) {
                upsert.setLong(1, sourceId);
                upsert.setLong(2, review.id());
                upsert.setInt(3, review.changeNumber());
                upsert.setString(4, review.author().login());
                upsert.setString(5, review.author().type());
                setInstant(upsert, 6, review.submittedAt());
                upsert.setString(7, review.state());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void markReviewsFetched(int number) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(REVIEWS_FETCHED)) {
            update.setLong(1, sourceId);
            update.setInt(2, number);
            update.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
