package dev.gqm.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, as an append-only list of migration steps: step {@code i} takes a
 * database from version {@code i} to {@code i + 1}. The steps are written once, in SQL both
 * engines take ({@link Dialect#ddl} renames two types for PostgreSQL); step 4, a table
 * rebuild, is written per engine, and step 6 is PostgreSQL's alone. The version lives in
 * SQLite's {@code PRAGMA user_version} and in PostgreSQL's {@code gqm_schema} table. Never edit a released step; add a new one.
 *
 * <p>No migration tool: the steps are a list of statements applied in one transaction, and
 * Flyway (the obvious candidate) would add a dependency larger than the store code itself, its
 * own history table beside the one version number, and no help with the one per-engine step.
 */
final class Schema {
    /** One migration step: the same statements for both engines, or its own for each. */
    record Step(List<String> sqlite, List<String> postgres) {
        static Step of(List<String> sql) {
            return new Step(sql, sql.stream().map(Dialect.POSTGRES::ddl).toList());
        }

        static Step of(String... sql) {
            return of(List.of(sql));
        }

        List<String> in(Dialect dialect) {
            return dialect == Dialect.SQLITE ? sqlite : postgres;
        }
    }

    private static final List<String> STEP_4_SQLITE = List.of(
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
                    "ALTER TABLE co_authors_v4 RENAME TO co_authors");

    private static final List<String> STEP_4_POSTGRES = List.of(
                    """
                    CREATE TABLE commits_v4 (
                      source_id    BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                      id           BYTEA NOT NULL,
                      author_id    BIGINT NOT NULL REFERENCES people (id),
                      authored_at  BIGINT NOT NULL,
                      committed_at BIGINT NOT NULL,
                      parents      INTEGER NOT NULL,
                      PRIMARY KEY (source_id, id))""",
                    """
                    INSERT INTO commits_v4 (source_id, id, author_id, authored_at, committed_at, parents)
                    SELECT source_id, decode(id, 'hex'), author_id, authored_at, committed_at, parents FROM commits""",
                    // a foreign key names its table, not the table's name: it refers to the new one from the start
                    """
                    CREATE TABLE co_authors_v4 (
                      source_id BIGINT NOT NULL,
                      commit_id BYTEA NOT NULL,
                      position  INTEGER NOT NULL,
                      person_id BIGINT NOT NULL REFERENCES people (id),
                      PRIMARY KEY (source_id, commit_id, position),
                      FOREIGN KEY (source_id, commit_id) REFERENCES commits_v4 (source_id, id) ON DELETE CASCADE)""",
                    """
                    INSERT INTO co_authors_v4 (source_id, commit_id, position, person_id)
                    SELECT source_id, decode(commit_id, 'hex'), position, person_id FROM co_authors""",
                    "DROP TABLE co_authors",
                    "DROP TABLE commits",
                    "ALTER TABLE commits_v4 RENAME TO commits",
                    "ALTER TABLE co_authors_v4 RENAME TO co_authors");

    static final List<Step> STEPS = List.of(
            // 1: git sources, people, commits with co-authors, tags
            Step.of(
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
            Step.of(TrackerTables.DDL),
            // 3: issue tracker: per-stream ETags for conditional requests
            Step.of(TrackerTables.ETAGS_DDL),
            // 4: commit ids as their 20 bytes instead of 40 hex characters: the key index of a
            // large history is half the size, and a first collection inserts it faster. Row order
            // (the walk's) is kept. Runs with foreign keys off (see Store#connect).
            new Step(STEP_4_SQLITE, STEP_4_POSTGRES),
            // 5: neutral tracker tables: items keyed by kind, comments naming their item's kind,
            // state events (closes, reopens, merges)
            Step.of(TrackerTables.NEUTRAL),
            // 6: PostgreSQL only: no foreign keys from commits to people and sources. They were
            // checked row by row, a trigger query each: three quarters of a first save of git/git's
            // 82k commits (0.83 s of 1.12 s by COPY). SQLite does not check them during a save
            // either (Store#saveGit): every commit row is written with its source's id and the ids
            // of people committed before it, and sources are never deleted.
            new Step(List.of(), List.of("""
                    DO $$
                    DECLARE c record;
                    BEGIN
                      FOR c IN SELECT conname FROM pg_constraint
                               WHERE conrelid = 'commits'::regclass AND contype = 'f'
                                 AND confrelid IN ('people'::regclass, 'sources'::regclass) LOOP
                        EXECUTE format('ALTER TABLE commits DROP CONSTRAINT %I', c.conname);
                      END LOOP;
                    END $$""")));

    static final int VERSION = STEPS.size();

    private Schema() {
    }

    /**
     * Brings the database to {@link #VERSION} in one transaction; refuses a newer database. On
     * PostgreSQL, runs that start together migrate one after the other (the later ones find the
     * work done).
     */
    static void migrate(Connection connection, Dialect dialect, String shown) throws StoreException, SQLException {
        int current = dialect.version(connection);
        if (current == VERSION) {
            return;
        }
        refuseNewer(current, shown);
        dialect.lockForMigration(connection);
        try {
            migrateLocked(connection, dialect, shown);
        } finally {
            dialect.unlockAfterMigration(connection);
        }
    }

    private static void migrateLocked(Connection connection, Dialect dialect, String shown)
            throws StoreException, SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            int current = dialect.version(connection);
            if (current == VERSION) {
                connection.commit();
                return;
            }
            refuseNewer(current, shown);
            for (int step = current; step < VERSION; step++) {
                for (String sql : STEPS.get(step).in(dialect)) {
                    st.execute(sql);
                }
            }
            if (dialect == Dialect.SQLITE) {
                // PostgreSQL checks every key as the rows are copied; SQLite's keys were off
                try (ResultSet broken = st.executeQuery("PRAGMA foreign_key_check")) {
                    if (broken.next()) {
                        throw new SQLException("a row of table " + broken.getString(1) + " refers to a missing "
                                + broken.getString(3) + " row after migrating to schema version " + VERSION);
                    }
                }
            }
            dialect.setVersion(connection, VERSION);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            Transaction.rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void refuseNewer(int current, String shown) throws StoreException {
        if (current > VERSION) {
            throw new StoreException("store was written by a newer gqm (schema version " + current
                    + ", this gqm knows up to " + VERSION + "): " + shown);
        }
    }

    /** The schema version of an SQLite database. */
    static int version(Connection connection) throws SQLException {
        return Dialect.SQLITE.version(connection);
    }
}
