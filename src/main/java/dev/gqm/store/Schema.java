package dev.gqm.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, as an append-only list of migration steps: step {@code i} takes a
 * database from version {@code i} to {@code i + 1}. The version lives in SQLite's
 * {@code PRAGMA user_version}. Never edit a released step; add a new one.
 */
final class Schema {
    static final List<List<String>> STEPS = List.of(
            // 1: git sources, people, commits with co-authors, tags
            List.of(
                    """
                    CREATE TABLE sources (
                      id        INTEGER PRIMARY KEY,
                      kind      TEXT NOT NULL,
                      location  TEXT NOT NULL,
                      git_tip   TEXT,
                      mailmap   TEXT NOT NULL DEFAULT '',
                      UNIQUE (kind, location))""",
                    // a name and e-mail as written, before identity merging; shared by all sources
                    // because a commit row then carries one integer instead of two strings
                    """
                    CREATE TABLE people (
                      id    INTEGER PRIMARY KEY,
                      name  TEXT NOT NULL,
                      email TEXT NOT NULL,
                      UNIQUE (name, email))""",
                    """
                    CREATE TABLE commits (
                      source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                      id           TEXT NOT NULL,
                      author_id    INTEGER NOT NULL REFERENCES people (id),
                      authored_at  INTEGER NOT NULL,
                      committed_at INTEGER NOT NULL,
                      parents      INTEGER NOT NULL,
                      PRIMARY KEY (source_id, id))""",
                    """
                    CREATE TABLE co_authors (
                      source_id INTEGER NOT NULL,
                      commit_id TEXT NOT NULL,
                      position  INTEGER NOT NULL,
                      person_id INTEGER NOT NULL REFERENCES people (id),
                      PRIMARY KEY (source_id, commit_id, position),
                      FOREIGN KEY (source_id, commit_id) REFERENCES commits (source_id, id) ON DELETE CASCADE)""",
                    """
                    CREATE TABLE tags (
                      source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                      name      TEXT NOT NULL,
                      target    TEXT NOT NULL,
                      tagged_at INTEGER NOT NULL,
                      PRIMARY KEY (source_id, name))"""),
            // 2: issue tracker: issues and pull requests, comments, reviews, per-stream cursors
            List.of(TrackerTables.DDL),
            // 3: issue tracker: per-stream ETags for conditional requests
            List.of(TrackerTables.ETAGS_DDL),
            // 4: commit ids as their 20 bytes instead of 40 hex characters: the key index of a
            // large history is half the size, and a first collection inserts it faster. Row order
            // (the walk's) is kept. Runs with foreign keys off (see Store#connect).
            List.of(
                    """
                    CREATE TABLE commits_v4 (
                      source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                      id           BLOB NOT NULL,
                      author_id    INTEGER NOT NULL REFERENCES people (id),
                      authored_at  INTEGER NOT NULL,
                      committed_at INTEGER NOT NULL,
                      parents      INTEGER NOT NULL,
                      PRIMARY KEY (source_id, id))""",
                    """
                    INSERT INTO commits_v4 (source_id, id, author_id, authored_at, committed_at, parents)
                    SELECT source_id, unhex(id), author_id, authored_at, committed_at, parents
                    FROM commits ORDER BY rowid""",
                    """
                    CREATE TABLE co_authors_v4 (
                      source_id INTEGER NOT NULL,
                      commit_id BLOB NOT NULL,
                      position  INTEGER NOT NULL,
                      person_id INTEGER NOT NULL REFERENCES people (id),
                      PRIMARY KEY (source_id, commit_id, position),
                      FOREIGN KEY (source_id, commit_id) REFERENCES commits (source_id, id) ON DELETE CASCADE)""",
                    """
                    INSERT INTO co_authors_v4 (source_id, commit_id, position, person_id)
                    SELECT source_id, unhex(commit_id), position, person_id FROM co_authors""",
                    "DROP TABLE co_authors",
                    "DROP TABLE commits",
                    "ALTER TABLE commits_v4 RENAME TO commits",
                    "ALTER TABLE co_authors_v4 RENAME TO co_authors"),
            // 5: neutral tracker tables: items keyed by kind, comments naming their item's kind,
            // state events (closes, reopens, merges)
            List.of(TrackerTables.NEUTRAL));

    static final int VERSION = STEPS.size();

    private Schema() {
    }

    /** Brings the database to {@link #VERSION} in one transaction; refuses a newer database. */
    static void migrate(Connection connection, String shown) throws StoreException, SQLException {
        int current = version(connection);
        if (current > VERSION) {
            throw new StoreException("store was written by a newer gqm (schema version " + current
                    + ", this gqm knows up to " + VERSION + "): " + shown);
        }
        if (current == VERSION) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (int step = current; step < VERSION; step++) {
                for (String sql : STEPS.get(step)) {
                    st.execute(sql);
                }
            }
            try (ResultSet broken = st.executeQuery("PRAGMA foreign_key_check")) {
                if (broken.next()) {
                    throw new SQLException("a row of table " + broken.getString(1) + " refers to a missing "
                            + broken.getString(3) + " row after migrating to schema version " + VERSION);
                }
            }
            st.execute("PRAGMA user_version = " + VERSION);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            Transaction.rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
