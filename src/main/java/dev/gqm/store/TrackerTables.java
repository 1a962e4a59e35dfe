package dev.gqm.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of issue-tracker data, keyed by the store's source id, as the schema steps made
 * them (released steps are never edited: {@link #NEUTRAL} renames GitHub's words of steps 2 and 3).
 * Times are epoch milliseconds; the SQL is common to SQLite and PostgreSQL.
 */
public final class TrackerTables {
    static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS issues (
          source_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          number INTEGER NOT NULL,
          title TEXT NOT NULL,
          url TEXT NOT NULL,
          author_login TEXT NOT NULL,
          author_type TEXT NOT NULL,
          association TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          closed_at BIGINT,
          merged_at BIGINT,
          pull_request INTEGER NOT NULL,
          draft INTEGER NOT NULL,
          labels TEXT NOT NULL,
          state TEXT NOT NULL,
          reviews_fetched_updated_at BIGINT,
          PRIMARY KEY (source_id, id))""",
        "CREATE INDEX IF NOT EXISTS issues_by_number ON issues (source_id, number)",
        """
        CREATE TABLE IF NOT EXISTS issue_comments (
          source_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          issue_number INTEGER NOT NULL,
          author_login TEXT NOT NULL,
          author_type TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          PRIMARY KEY (source_id, id))""",
        """
        CREATE TABLE IF NOT EXISTS pull_reviews (
          source_id BIGINT NOT NULL,
          id BIGINT NOT NULL,
          pull_number INTEGER NOT NULL,
          author_login TEXT NOT NULL,
          author_type TEXT NOT NULL,
          submitted_at BIGINT,
          state TEXT NOT NULL,
          PRIMARY KEY (source_id, id))""",
        // merged_at and draft come from the pull listing, keyed by number (pull ids differ from
        // issue ids); kept apart so they survive until the issue row arrives
        """
        CREATE TABLE IF NOT EXISTS pull_fields (
          source_id BIGINT NOT NULL,
          number INTEGER NOT NULL,
          merged_at BIGINT,
          draft INTEGER NOT NULL,
          PRIMARY KEY (source_id, number))""",
        """
        CREATE TABLE IF NOT EXISTS issue_cursors (
          source_id BIGINT NOT NULL,
          stream TEXT NOT NULL,
          cursor_ms BIGINT NOT NULL,
          PRIMARY KEY (source_id, stream))""",
    };

    // schema step 3: the ETag of each stream's last complete first-page answer, and the exact
    // request it answered; one per stream, as an older request is never repeated
    static final String ETAGS_DDL = """
        CREATE TABLE IF NOT EXISTS issue_etags (
          source_id BIGINT NOT NULL,
          stream TEXT NOT NULL,
          url TEXT NOT NULL,
          etag TEXT NOT NULL,
          PRIMARY KEY (source_id, stream))""";

    private TrackerTables() {
    }

    // schema step 5: neutral tables for every tracker. Items are keyed by kind too (GitLab numbers
    // issues and merge requests apart, and their ids come from two sequences); a comment says
    // which kind of item its number names (0 either, 1 issue, 2 change request, see ItemType);
    // state events keep each item's closes, reopens and merges.
    static final String[] NEUTRAL = {
        """
        CREATE TABLE items (
          source_id BIGINT NOT NULL,
          change_request INTEGER NOT NULL,
          id BIGINT NOT NULL,
          number INTEGER NOT NULL,
          title TEXT NOT NULL,
          url TEXT NOT NULL,
          author_login TEXT NOT NULL,
          author_type TEXT NOT NULL,
          association TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL,
          closed_at BIGINT,
          merged_at BIGINT,
          draft INTEGER NOT NULL,
          labels TEXT NOT NULL,
          state TEXT NOT NULL,
          reviews_fetched_updated_at BIGINT,
          PRIMARY KEY (source_id, change_request, id))""",
        """
        INSERT INTO items (source_id, change_request, id, number, title, url, author_login, author_type,
          association, created_at, updated_at, closed_at, merged_at, draft, labels, state, reviews_fetched_updated_at)
        SELECT source_id, pull_request, id, number, title, url, author_login, author_type, association,
          created_at, updated_at, closed_at, merged_at, draft, labels, state, reviews_fetched_updated_at
        FROM issues""",
        "DROP TABLE issues",
        "CREATE INDEX items_by_number ON items (source_id, change_request, number)",
        "ALTER TABLE issue_comments RENAME TO comments",
        "ALTER TABLE comments ADD COLUMN on_item INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE pull_reviews RENAME TO reviews",
        "ALTER TABLE reviews RENAME COLUMN pull_number TO change_number",
        "ALTER TABLE pull_fields RENAME TO change_fields",
        """
        CREATE TABLE state_events (
          source_id BIGINT NOT NULL,
          on_item INTEGER NOT NULL,
          item_number INTEGER NOT NULL,
          at_ms BIGINT NOT NULL,
          kind TEXT NOT NULL,
          actor_login TEXT NOT NULL,
          actor_type TEXT NOT NULL,
          PRIMARY KEY (source_id, on_item, item_number, at_ms, kind))""",
    };

    /**
     * Creates the tracker tables on a bare connection (tests of the tracker side alone); does
     * nothing where they exist. A store's file gets them from {@link Schema}.
     */
    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'")) {
                if (rows.next()) {
                    return;
                }
            }
            for (String ddl : DDL) {
                statement.executeUpdate(ddl);
            }
            statement.executeUpdate(ETAGS_DDL);
            for (String ddl : NEUTRAL) {
                statement.executeUpdate(ddl);
            }
        }
    }
}
