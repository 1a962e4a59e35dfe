package dev.gqm.store;

import dev.gqm.Trace;
import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.collect.Tag;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Everything collected, kept in an embedded SQLite database or a shared PostgreSQL one: sources,
 * their commits and tags, and the cursors that make the next collection incremental. Timestamps
 * are epoch milliseconds. One {@code Store} per run and thread ({@link #sibling} gives another
 * thread its own connection). A file store is locked for the run's whole life; on PostgreSQL,
 * many runs write at once and each source a run collects is locked for it ({@link AdvisoryLock}).
 */
public final class Store implements AutoCloseable {
    private static final int BATCH = 1000;
    // written out rather than composed: this runs a million times on a large history, mostly before the JIT
    private static final Comparator<Commit> NEWEST_FIRST = (a, b) -> {
        int byTime = b.committedAt().compareTo(a.committedAt());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    };

    /** Commit ids are stored as their bytes (schema step 4) and handed out as lower-case hex, as Git writes them. */
    private static final HexFormat HEX = HexFormat.of();

    /** SQLite's default: the log is copied into the database file once it holds this many pages. */
    private static final int AUTOCHECKPOINT_PAGES = 1000;

    /** How long a run waits for another to finish collecting a source into a PostgreSQL store, by default. */
    static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
    /** The environment variable that sets that wait, in seconds. */
    public static final String LOCK_WAIT_VARIABLE = "GQM_STORE_LOCK_WAIT";
    /**
     * SQLite's wait for the write lock: other runs are kept out by the file lock, so only the
     * connections of one run's parallel jobs ({@link #sibling}) wait, each for a save of another.
     */
    private static final int SQLITE_BUSY_MILLIS = 300_000;

    private final Connection connection;
    private final StoreLock lock;
    private final String shown;
    private final Dialect dialect;
    /** How a PostgreSQL store is reached again (a sibling, the people writer); null for SQLite. */
    private final PostgresLocation postgres;
    /** The SQLite URL a sibling connects to; null for PostgreSQL. */
    private final String sqliteUrl;
    private final Duration lockWait;
    private final Set<Long> lockedSources = new HashSet<>();
    private Connection peopleWriter;
    /** Commits of sources whose whole history this session saved, sorted: reading them back would only cost time. */
    private final Map<Long, List<Commit>> savedInFull = new HashMap<>();

    private Store(Connection connection, StoreLock lock, String shown) {
        this(connection, lock, shown, Dialect.SQLITE, null, null, DEFAULT_LOCK_WAIT);
    }

    private Store(Connection connection, StoreLock lock, String shown, Dialect dialect, PostgresLocation postgres,
                  String sqliteUrl, Duration lockWait) {
        this.connection = connection;
        this.lock = lock;
        this.shown = shown;
        this.dialect = dialect;
        this.postgres = postgres;
        this.sqliteUrl = sqliteUrl;
        this.lockWait = lockWait;
    }

    /**
     * {@link #open(String)} with the environment that a PostgreSQL store takes its user, password
     * ({@code PGPASSWORD}, {@code PGPASSFILE}) and lock wait ({@value #LOCK_WAIT_VARIABLE}) from,
     * and the home directory holding {@code .pgpass}.
     */
    public static Store open(String location, Map<String, String> env, Path home) throws StoreException {
        if (location != null && PostgresLocation.is(location)) {
            return connectPostgres(PostgresLocation.of(location, env, home), lockWait(env));
        }
        return open(location);
    }

    /** {@link #openForReading(String)} with the environment, as {@link #open(String, Map, Path)}. */
    public static Store openForReading(String location, Map<String, String> env, Path home) throws StoreException {
        if (location != null && PostgresLocation.is(location)) {
            return open(location, env, home);
        }
        return openForReading(location);
    }

    private static Duration lockWait(Map<String, String> env) throws StoreException {
        String given = env.get(LOCK_WAIT_VARIABLE);
        if (given == null || given.isBlank()) {
            return DEFAULT_LOCK_WAIT;
        }
        try {
            long seconds = Long.parseLong(given.trim());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new StoreException("store unusable: " + LOCK_WAIT_VARIABLE + " must be a number of seconds, not " + given);
        }
    }

    private static Store connectPostgres(PostgresLocation location, Duration lockWait) throws StoreException {
        Connection connection = connectTo(location);
        try {
            Schema.migrate(connection, Dialect.POSTGRES, location.shown());
        } catch (SQLException e) {
            StoreException failure = unusable(e, location.shown());
            closeAfterFailure(connection, failure);
            throw failure;
        } catch (StoreException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
        return new Store(connection, null, location.shown(), Dialect.POSTGRES, location, null, lockWait);
    }

    private static Connection connectTo(PostgresLocation location) throws StoreException {
        try {
            return DriverManager.getConnection(location.url(), location.properties());
        } catch (SQLException e) {
            throw new StoreException("store unusable: cannot connect to " + location.shown() + ": "
                    + dev.gqm.collect.Credentials.masked(e.getMessage()), e);
        }
    }

    /**
     * Another store on the same database for another thread of this run, with a connection of its
     * own: on SQLite under this store's file lock (the caller closes the siblings first), on
     * PostgreSQL with locks of its own.
     */
    public Store sibling() throws StoreException {
        if (dialect == Dialect.POSTGRES) {
            return new Store(connectTo(postgres), null, shown, dialect, postgres, null, lockWait);
        }
        if (sqliteUrl == null) {
            throw new StoreException("store unusable: an in-memory or read-only store cannot be shared by parallel jobs");
        }
        return connect(sqliteUrl, null, shown);
    }

    /** What opening the store found that the user should hear of (a password file ignored); no secret in them. */
    public List<String> warnings() {
        return postgres == null ? List.of() : postgres.warnings();
    }

    /** Whether {@link #sibling} can give another connection (not for an in-memory or read-only SQLite store). */
    public boolean hasSiblings() {
        return dialect == Dialect.POSTGRES || sqliteUrl != null;
    }

    /** Whether this store is a PostgreSQL database. */
    public boolean shared() {
        return dialect == Dialect.POSTGRES;
    }

    /** Where the store is, as messages show it (no password). */
    public String shown() {
        return shown;
    }

    /**
     * A path to a database file, or a {@code jdbc:sqlite:} URL used as given. Either way the
     * database file's real path (symbolic links resolved) is what gets locked, so no spelling of
     * the same store lets two runs in at once; only an in-memory database has nothing to lock.
     */
    public static Store open(String pathOrJdbcUrl) throws StoreException {
        if (pathOrJdbcUrl == null || pathOrJdbcUrl.isBlank()) {
            throw new StoreException("store unusable: no store path given");
        }
        if (pathOrJdbcUrl.startsWith("jdbc:")) {
            if (!pathOrJdbcUrl.startsWith("jdbc:sqlite:")) {
                throw new StoreException("store unusable: only SQLite stores (jdbc:sqlite:...) are supported, not "
                        + pathOrJdbcUrl.substring(0, Math.min(pathOrJdbcUrl.length(), pathOrJdbcUrl.indexOf(':', 5) + 1)) + "...");
            }
            Optional<Path> file = sqliteFile(pathOrJdbcUrl);
            if (file.isEmpty()) {
                return connect(pathOrJdbcUrl, null, pathOrJdbcUrl);
            }
            Path database = realPath(file.get());
            StoreLock lock = StoreLock.acquire(database);
            try {
                return connect(pathOrJdbcUrl, lock, database.toString());
            } catch (StoreException | RuntimeException e) {
                try {
                    lock.close();
                } catch (StoreException release) {
                    e.addSuppressed(release);
                }
                throw e;
            }
        }
        try {
            return open(Path.of(pathOrJdbcUrl));
        } catch (InvalidPathException e) {
            throw new StoreException("store unusable: not a valid path: " + pathOrJdbcUrl, e);
        }
    }

    /**
     * Opens a store only to read from it ({@code --offline}): as {@link #open(String)}, except that
     * a store whose lock file cannot be created (a read-only directory or file system) is opened
     * read-only and unlocked, as a reader needs no write lock; it must then be of this gqm's schema
     * already, since migrating means writing.
     */
    public static Store openForReading(String pathOrJdbcUrl) throws StoreException {
        try {
            return open(pathOrJdbcUrl);
        } catch (StoreLock.NoLockFile noLock) {
            Path file;
            try {
                file = pathOrJdbcUrl.startsWith("jdbc:") ? sqliteFile(pathOrJdbcUrl).orElseThrow(() -> noLock)
                        : realPath(Path.of(pathOrJdbcUrl).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                throw noLock;
            }
            if (!Files.isRegularFile(file)) {
                throw noLock;
            }
            return connectReadOnly(file);
        }
    }

    private static Store connectReadOnly(Path file) throws StoreException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        } catch (SQLException e) {
            throw unusable(e, file.toString());
        }
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            int version = Schema.version(connection);
            if (version != Schema.VERSION) {
                throw new StoreException("store unusable: " + file + " is read-only and of schema version " + version
                        + " (this gqm reads " + Schema.VERSION + "): run once where it can be written, to migrate it");
            }
        } catch (SQLException e) {
            StoreException failure = unusable(e, file.toString());
            closeAfterFailure(connection, failure);
            throw failure;
        } catch (StoreException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
        return new Store(connection, null, file.toString());
    }

    /** Creates missing parent directories, locks {@code file.lock}, then opens and migrates. */
    public static Store open(Path file) throws StoreException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StoreException("store unusable: cannot create " + absolute.getParent() + ": " + e.getMessage(), e);
        }
        absolute = realPath(absolute);
        StoreLock lock = StoreLock.acquire(absolute);
        try {
            return connect("jdbc:sqlite:" + absolute, lock, absolute.toString());
        } catch (StoreException | RuntimeException e) {
            try {
                lock.close();
            } catch (StoreException release) {
                e.addSuppressed(release);
            }
            throw e;
        }
    }

    /** The database file a {@code jdbc:sqlite:} URL names; empty for an in-memory database. */
    static Optional<Path> sqliteFile(String url) throws StoreException {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String name = query < 0 ? rest : rest.substring(0, query);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.isEmpty() || name.startsWith(":memory:") || name.contains("mode=memory")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(name).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw new StoreException("store unusable: not a valid path in the store URL", e);
        }
    }

    /** The file's path with symbolic links resolved (those of its directory, when the file does not exist yet). */
    private static Path realPath(Path file) throws StoreException {
        try {
            if (Files.exists(file)) {
                return file.toRealPath();
            }
            Path parent = file.getParent();
            return parent != null && Files.exists(parent) ? parent.toRealPath().resolve(file.getFileName()) : file;
        } catch (IOException e) {
            throw new StoreException("store unusable: cannot resolve " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the SQLite driver and its native library, so that a later {@link #open} does not wait
     * for it; meant for another thread at start-up. The library is taken from {@code cacheDir},
     * where it is extracted once ({@link SqliteLibrary}), instead of from the jar on every run. A
     * failure is left for {@link #open} to meet and report.
     */
    public static void prepare(Path cacheDir) {
        try {
            SqliteLibrary.use(cacheDir);
            DriverManager.getDrivers();
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // open() fails with its own message
        }
    }

    private static Store connect(String url, StoreLock lock, String shown) throws StoreException {
        Connection connection;
        try {
            // a transaction takes the write lock when it begins rather than at its first write, so
            // that parallel jobs' connections wait for each other instead of failing on a stale read
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setTransactionMode(org.sqlite.SQLiteConfig.TransactionMode.IMMEDIATE);
            connection = DriverManager.getConnection(url, config.toProperties());
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + SQLITE_BUSY_MILLIS);
            st.execute("PRAGMA journal_mode = WAL");
            // WAL keeps the database consistent after a crash with NORMAL; only the last commit may be lost
            st.execute("PRAGMA synchronous = NORMAL");
            // a full collection of a large history outgrows the default 2 MB page cache (allocated only as used)
            st.execute("PRAGMA cache_size = -65536");
            // tables are rebuilt with foreign keys off (SQLite's way to change a column's type;
            // a JDBC URL may have switched them on); the pragma only takes effect outside a
            // transaction, so it is set around the migration, which checks the keys itself
            st.execute("PRAGMA foreign_keys = OFF");
            Schema.migrate(connection, Dialect.SQLITE, shown);
            st.execute("PRAGMA foreign_keys = ON");
        } catch (SQLException e) {
            StoreException failure = unusable(e, shown);
            closeAfterFailure(connection, failure);
            throw failure;
        } catch (StoreException e) {
            closeAfterFailure(connection, e);
            throw e;
        }
        boolean inMemory = sqliteFileOrEmpty(url).isEmpty();
        return new Store(connection, lock, shown, Dialect.SQLITE, null, inMemory ? null : url, DEFAULT_LOCK_WAIT);
    }

    private static Optional<Path> sqliteFileOrEmpty(String url) {
        try {
            return sqliteFile(url);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** JDBC work whose failure is the store's: callers above the store see only {@link StoreException}. */
    @FunctionalInterface
    interface Sql<T> {
        T run() throws SQLException;
    }

    static <T> T guard(Sql<T> work) throws StoreException {
        try {
            return work.run();
        } catch (SQLException e) {
            throw unusable(e);
        }
    }

    /** A failure of the store's records (issues, cursors) as the CLI reports it: a full disk said so. */
    public static StoreException unusable(SQLException e) {
        return unusable(e, "the store");
    }

    private static StoreException unusable(SQLException e, String shown) {
        if (Transaction.diskFull(e)) {
            return new StoreException("store unusable: the disk (or the database's size limit) holding " + shown
                    + " is full: free some space and run again; what was stored before is kept", e);
        }
        return new StoreException("store unusable: " + e.getMessage() + " (" + shown + ")", e);
    }

    /** The schema version of the open database. */
    public int schemaVersion() throws StoreException {
        try {
            return dialect.version(connection);
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
    }

    /** The id of the source {@code (kind, location)}, created on first use. */
    public long sourceId(String kind, String location) throws StoreException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO sources (kind, location) VALUES (?, ?) ON CONFLICT (kind, location) DO NOTHING");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id FROM sources WHERE kind = ? AND location = ?")) {
            insert.setString(1, kind);
            insert.setString(2, location);
            insert.executeUpdate();
            select.setString(1, kind);
            select.setString(2, location);
            long id;
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("store unusable: source " + kind + " " + location + " vanished");
                }
                id = rs.getLong(1);
            }
            lockSource(id, kind, location);
            return id;
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
    }

    /**
     * On PostgreSQL, takes the source's advisory lock for this connection's life, so that no
     * other run collects it meanwhile; waits for one that does, up to the lock wait. SQLite's
     * file lock guards the whole store already.
     */
    private void lockSource(long id, String kind, String location) throws SQLException, StoreException {
        if (dialect != Dialect.POSTGRES || lockedSources.contains(id)) {
            return;
        }
        if (!AdvisoryLock.acquire(connection, id, lockWait)) {
            throw new StoreLockedException("another gqm run is collecting " + kind + " "
                    + dev.gqm.collect.Credentials.masked(location) + " into the store " + shown + " (waited "
                    + lockWait.toSeconds() + " s; " + LOCK_WAIT_VARIABLE + " sets the wait)");
        }
        lockedSources.add(id);
    }

    /** The id of the source {@code (kind, location)} when it is known, without creating it. */
    public Optional<Long> findSource(String kind, String location) throws StoreException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM sources WHERE kind = ? AND location = ?")) {
            select.setString(1, kind);
            select.setString(2, location);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
    }

    /**
     * The branch tip saved by the last Git collection; empty before the first one and after
     * collecting a repository without commits (stored as "", see {@link #gitCollected}).
     */
    public Optional<String> gitTip(long sourceId) throws StoreException {
        return Optional.ofNullable(sourceColumn(sourceId, "git_tip")).filter(tip -> !tip.isEmpty());
    }

    /** True once a Git collection of the source has been saved, even of an empty repository. */
    public boolean gitCollected(long sourceId) throws StoreException {
        return sourceColumn(sourceId, "git_tip") != null;
    }

    /** The {@code .mailmap} text saved by the last Git collection, "" when none. */
    public String mailmap(long sourceId) throws StoreException {
        String text = sourceColumn(sourceId, "mailmap");
        return text == null ? "" : text;
    }

    private String sourceColumn(long sourceId, String column) throws StoreException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + column + " FROM sources WHERE id = ?")) {
            st.setLong(1, sourceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
    }

    /**
     * Saves one Git collection in a single transaction: commits (upserted, or replacing all of
     * the source's commits), the full tag list, the mailmap, and last the tip cursor. A failure
     * leaves the store exactly as it was.
     *
     * @param tip the branch tip the collection reached; null for an empty repository
     */
    public void saveGit(long sourceId, List<Commit> commits, boolean replaceAll, List<Tag> tags, String mailmap,
                        String tip) throws StoreException {
        saveGit(sourceId, commits.iterator(), replaceAll, tags, mailmap, tip);
    }

    /**
     * {@link #saveGit(long, List, boolean, List, String, String)} for commits still arriving:
     * each is inserted as it comes. An exception from the iterator rolls the save back and is
     * rethrown as it is.
     *
     * @return how many commits were saved
     */
    public int saveGit(long sourceId, Iterator<Commit> commits, boolean replaceAll, List<Tag> tags, String mailmap,
                       String tip) throws StoreException {
        savedInFull.remove(sourceId);
        List<Commit> saved = new ArrayList<>();
        try {
            // Foreign keys are not checked during the save (two index lookups per commit row, a
            // third of its insert time): every row written here refers to this source and to
            // people rows written in the same transaction. The pragma only takes effect outside a
            // transaction, hence before it; cascades do not run either, so deletions are explicit.
            sqlite("PRAGMA foreign_keys = OFF");
            // Nor is the log copied into the database file at the commit (SQLite's automatic
            // checkpoint): a large first save would wait for it. It happens at close, or at the
            // next commit of this connection once the setting is back.
            sqlite("PRAGMA wal_autocheckpoint = 0");
            connection.setAutoCommit(false);
            try {
                if (replaceAll) {
                    execute("DELETE FROM co_authors WHERE source_id = ?", sourceId);
                    execute("DELETE FROM commits WHERE source_id = ?", sourceId);
                }
                insertCommits(sourceId, commits, !replaceAll, saved);
                execute("DELETE FROM tags WHERE source_id = ?", sourceId);
                insertTags(sourceId, tags);
                try (PreparedStatement st = connection.prepareStatement(
                        "UPDATE sources SET mailmap = ?, git_tip = ? WHERE id = ?")) {
                    st.setString(1, mailmap == null ? "" : mailmap);
                    st.setString(2, tip);
                    st.setLong(3, sourceId);
                    if (st.executeUpdate() != 1) {
                        throw new SQLException("no source with id " + sourceId);
                    }
                }
                Trace.at("inserted; committing");
                connection.commit();
                if (replaceAll) {
                    saved.sort(NEWEST_FIRST);
                    savedInFull.put(sourceId, Collections.unmodifiableList(saved));
                }
                return saved.size();
            } catch (SQLException | RuntimeException e) {
                Transaction.rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
                sqlite("PRAGMA foreign_keys = ON");
                sqlite("PRAGMA wal_autocheckpoint = " + AUTOCHECKPOINT_PAGES);
            }
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
    }

    /** A statement only SQLite needs (its pragmas). */
    private void sqlite(String sql) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private void execute(String sql, long sourceId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, sourceId);
            st.executeUpdate();
        }
    }

    private void insertCommits(long sourceId, Iterator<Commit> commits, boolean mayExist, List<Commit> saved)
            throws SQLException {
        PeopleTable people = PeopleTable.load(connection, peopleWriter());
        try (PreparedStatement commit = connection.prepareStatement("""
                INSERT INTO commits (source_id, id, author_id, authored_at, committed_at, parents)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_id, id) DO UPDATE SET
                  author_id = excluded.author_id, authored_at = excluded.authored_at,
                  committed_at = excluded.committed_at, parents = excluded.parents""");
             PreparedStatement clearCoAuthors = connection.prepareStatement(
                     "DELETE FROM co_authors WHERE source_id = ? AND commit_id = ?");
             PreparedStatement coAuthor = connection.prepareStatement(
                     "INSERT INTO co_authors (source_id, commit_id, position, person_id) VALUES (?, ?, ?, ?)")) {
            // PostgreSQL takes new rows by COPY several times faster than by batched INSERTs; an
            // incremental save may meet rows already there, which only an upsert can take
            CopyManager copy = dialect == Dialect.POSTGRES && !mayExist
                    ? connection.unwrap(PGConnection.class).getCopyAPI() : null;
            List<Commit> batch = new ArrayList<>(BATCH);
            while (commits.hasNext()) {
                Commit c = commits.next();
                saved.add(c);
                batch.add(c);
                if (batch.size() == BATCH) {
                    save(sourceId, batch, mayExist, people, copy, commit, clearCoAuthors, coAuthor);
                    batch.clear();
                }
            }
            save(sourceId, batch, mayExist, people, copy, commit, clearCoAuthors, coAuthor);
        }
    }

    /** Gives the authors and co-authors of {@code batch} their ids. */
    private static void resolvePeople(List<Commit> batch, PeopleTable people) throws SQLException {
        List<Signature> signatures = new ArrayList<>();
        for (Commit c : batch) {
            signatures.add(c.author());
            signatures.addAll(c.coAuthors());
        }
        people.resolve(signatures);
    }

    private static void save(long sourceId, List<Commit> batch, boolean mayExist, PeopleTable people, CopyManager copy,
                             PreparedStatement commit, PreparedStatement clearCoAuthors, PreparedStatement coAuthor)
            throws SQLException {
        if (copy == null) {
            insertBatch(sourceId, batch, mayExist, people, commit, clearCoAuthors, coAuthor);
        } else {
            copyBatch(sourceId, batch, people, copy);
        }
    }

    /**
     * New commit rows and their co-author rows by PostgreSQL's COPY (text format: tab-separated,
     * a bytea as {@code \\x} and its hex digits; nothing else here needs escaping).
     */
    private static void copyBatch(long sourceId, List<Commit> batch, PeopleTable people, CopyManager copy)
            throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        resolvePeople(batch, people);
        StringBuilder commits = new StringBuilder(batch.size() * 96);
        StringBuilder coAuthors = new StringBuilder();
        for (Commit c : batch) {
            String id = HEX.formatHex(HEX.parseHex(c.id()));
            commits.append(sourceId).append("\t\\\\x").append(id).append('\t').append(people.id(c.author()))
                    .append('\t').append(c.authoredAt().toEpochMilli()).append('\t')
                    .append(c.committedAt().toEpochMilli()).append('\t').append(c.parents()).append('\n');
            for (int i = 0; i < c.coAuthors().size(); i++) {
                coAuthors.append(sourceId).append("\t\\\\x").append(id).append('\t').append(i).append('\t')
                        .append(people.id(c.coAuthors().get(i))).append('\n');
            }
        }
        try {
            copy.copyIn("COPY commits (source_id, id, author_id, authored_at, committed_at, parents) FROM STDIN",
                    new StringReader(commits.toString()));
            if (!coAuthors.isEmpty()) {
                copy.copyIn("COPY co_authors (source_id, commit_id, position, person_id) FROM STDIN",
                        new StringReader(coAuthors.toString()));
            }
        } catch (IOException e) {
            throw new SQLException("PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The connection new people are written on: this one for SQLite, one that commits at once for PostgreSQL (see {@link PeopleTable}). */
    private Connection peopleWriter() throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return connection;
        }
        if (peopleWriter == null) {
            try {
                peopleWriter = connectTo(postgres);
            } catch (StoreException e) {
                throw new SQLException(e.getMessage(), e);
            }
        }
        return peopleWriter;
    }

    private static void insertBatch(long sourceId, List<Commit> batch, boolean mayExist, PeopleTable people,
                                    PreparedStatement commit, PreparedStatement clearCoAuthors,
                                    PreparedStatement coAuthor) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        resolvePeople(batch, people);
        for (Commit c : batch) {
            byte[] id = HEX.parseHex(c.id());
            commit.setLong(1, sourceId);
            commit.setBytes(2, id);
            commit.setLong(3, people.id(c.author()));
            commit.setLong(4, c.authoredAt().toEpochMilli());
            commit.setLong(5, c.committedAt().toEpochMilli());
            commit.setInt(6, c.parents());
            commit.addBatch();
            if (mayExist) {
                // an upserted commit may already have co-author rows from an earlier run
                clearCoAuthors.setLong(1, sourceId);
                clearCoAuthors.setBytes(2, id);
                clearCoAuthors.addBatch();
            }
            for (int i = 0; i < c.coAuthors().size(); i++) {
                coAuthor.setLong(1, sourceId);
                coAuthor.setBytes(2, id);
                coAuthor.setInt(3, i);
                coAuthor.setLong(4, people.id(c.coAuthors().get(i)));
                coAuthor.addBatch();
            }
        }
        flush(commit, clearCoAuthors, coAuthor);
    }

    // Parents before children: co-author rows reference their commit row.
    private static void flush(PreparedStatement commit, PreparedStatement clear, PreparedStatement coAuthor)
            throws SQLException {
        commit.executeBatch();
        clear.executeBatch();
        coAuthor.executeBatch();
    }

    private void insertTags(long sourceId, List<Tag> tags) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO tags (source_id, name, target, tagged_at) VALUES (?, ?, ?, ?)")) {
            for (Tag t : tags) {
                st.setLong(1, sourceId);
                st.setString(2, t.name());
                st.setString(3, t.target());
                st.setLong(4, t.date().toEpochMilli());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** All commits of the source, newest committed first (ties by id, so the order is stable); read-only. */
    public List<Commit> commits(long sourceId) throws StoreException {
        List<Commit> known = savedInFull.get(sourceId);
        if (known != null) {
            return known;
        }
        try {
            Map<Long, Signature> people = PeopleTable.byId(connection);
            Map<String, List<Signature>> coAuthors = coAuthors(sourceId, people);
            List<Commit> out = new ArrayList<>();
            // "+source_id" keeps SQLite off the primary-key index: a store usually holds a few
            // sources, and a table scan beats 80k index lookups; it also yields the commits in
            // the order they were saved (walk order), nearly sorted already
            try (PreparedStatement st = connection.prepareStatement(dialect == Dialect.SQLITE ? """
                    SELECT id, author_id, authored_at, committed_at, parents
                    FROM commits WHERE +source_id = ?""" : """
                    SELECT id, author_id, authored_at, committed_at, parents
                    FROM commits WHERE source_id = ?""")) {
                st.setLong(1, sourceId);
                st.setFetchSize(BATCH);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String id = HEX.formatHex(rs.getBytes(1));
                        out.add(new Commit(id, people.get(rs.getLong(2)),
                                Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)),
                                rs.getInt(5), coAuthors.getOrDefault(id, List.of())));
                    }
                }
            }
            // sorted here rather than in SQL: a fraction of the cost of SQLite's sorter for 80k rows
            out.sort(NEWEST_FIRST);
            return Collections.unmodifiableList(out);
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
    }

    private Map<String, List<Signature>> coAuthors(long sourceId, Map<Long, Signature> people) throws SQLException {
        Map<String, List<Signature>> byCommit = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("""
                SELECT commit_id, person_id FROM co_authors WHERE source_id = ?
                ORDER BY source_id, commit_id, position""")) {
            st.setLong(1, sourceId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byCommit.computeIfAbsent(HEX.formatHex(rs.getBytes(1)), k -> new ArrayList<>())
                            .add(people.get(rs.getLong(2)));
                }
            }
        }
        return byCommit;
    }

    /** All tags of the source, by name. */
    public List<Tag> tags(long sourceId) throws StoreException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT name, target, tagged_at FROM tags WHERE source_id = ? ORDER BY name")) {
            st.setLong(1, sourceId);
            List<Tag> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Tag(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
    }

    /** True when this connection enforces foreign keys (as it does between saves). */
    boolean enforcesForeignKeys() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    /**
     * Reads that follow, until the snapshot is closed, see the store as it was at its first read:
     * on PostgreSQL one repeatable-read, read-only transaction, so a report made while other runs
     * write sees none of their pages half-way. On SQLite the file lock keeps writers out already.
     */
    public Snapshot snapshot() throws StoreException {
        if (dialect != Dialect.POSTGRES) {
            return () -> { };
        }
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
        } catch (SQLException e) {
            throw unusable(e, shown);
        }
        return () -> {
            try {
                connection.commit();
                connection.setAutoCommit(true);
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            } catch (SQLException e) {
                throw unusable(e, shown);
            }
        };
    }

    /** The end of a {@link #snapshot}. */
    @FunctionalInterface
    public interface Snapshot extends AutoCloseable {
        @Override
        void close() throws StoreException;
    }

    /** The issue-tracker data of one source, on this store's connection. */
    public IssueStore issues(long sourceId) {
        return new IssueStore(connection, sourceId);
    }

    /** Closes the database, then releases the lock. */
    @Override
    public void close() throws StoreException {
        StoreException failure = null;
        try {
            if (peopleWriter != null) {
                peopleWriter.close();
            }
        } catch (SQLException e) {
            failure = unusable(e, shown);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure == null) {
                failure = unusable(e, shown);
            }
        }
        if (lock != null) {
            try {
                lock.close();
            } catch (StoreException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
