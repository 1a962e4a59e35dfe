package dev.gqm.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of issue-tracker data, keyed by the store's source id. Times are epoch
 * milliseconds; the SQL is common to SQLite and PostgreSQL.
 */
public final class GitHubTables {
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

    private GitHubTables() {
    }

    public static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.executeUpdate(ddl);
            }
            statement.executeUpdate(ETAGS_DDL);
        }
    }
}
