package dev.gqm.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL cluster for the tests: Debian's server binaries, {@code initdb} in a
 * temporary directory, a random port on 127.0.0.1, password authentication over TCP, run as the
 * {@code postgres} user when the tests run as root (the server refuses root), stopped and deleted
 * when the JVM ends. One cluster for all tests; each test takes a fresh database of its own.
 *
 * <p>When the binaries are missing, a CI run ({@code CI} set) fails, so that CI never passes
 * without these tests ({@code .ci/run} installs {@code postgresql}); elsewhere the tests are
 * skipped, each with the reason.
 */
public final class PostgresServer {
    public static final String USER = "gqm_test";
    /** The superuser's password: tests check that no output ever shows it. */
    public static final String PASSWORD = "pg-Secret-7c1f9e";
    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;
    private static String missing;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The running cluster, started on first use; null outside CI when the binaries are missing. */
    public static synchronized PostgresServer get() {
        if (shared != null || missing != null) {
            return shared;
        }
        Path bin = binaries();
        if (bin == null) {
            missing = "PostgreSQL tests SKIPPED: no server binaries under " + DEBIAN
                    + " (apt-get install postgresql); with CI=true they fail instead";
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0")) {
                fail("PostgreSQL server binaries are missing under " + DEBIAN + " and CI=" + ci
                        + ": the store's PostgreSQL tests must run in CI (.ci/run installs postgresql)");
            }
            System.err.println("WARNING: " + missing);
            return null;
        }
        try {
            shared = start(bin);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot start a PostgreSQL test cluster: " + e.getMessage(), e);
        }
        return shared;
    }

    /** The running cluster, or the calling test skipped with the reason (see {@link #get}). */
    public static PostgresServer require() {
        PostgresServer server = get();
        Assumptions.assumeTrue(server != null, () -> missing);
        return server;
    }

    private static Path binaries() {
        if (!Files.isDirectory(DEBIAN)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(DEBIAN)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("gqm-postgres-");
        Path password = dir.resolve("password");
        Files.writeString(password, PASSWORD + "\n");
        Files.createDirectories(dir.resolve("socket"));
        if (root) {
            run(List.of("chown", "-R", "postgres:", dir.toString()), false);
        }
        PostgresServer server = null;
        run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                "--pwfile=" + password, "--auth-host=scram-sha-256", "--auth-local=trust", "--no-locale", "-E", "UTF8",
                "--no-sync"), root);
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                // durability is not what these tests check: fsync off keeps them fast
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                        "-l", dir.resolve("server.log").toString(), "-o",
                        "-p " + port + " -k " + dir.resolve("socket") + " -c listen_addresses=127.0.0.1"
                                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                        "start"), root);
                server = new PostgresServer(bin, dir, port, root);
                break;
            } catch (IOException e) {
                last = e;
            }
        }
        if (server == null) {
            throw last;
        }
        PostgresServer started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "gqm-postgres-stop"));
        return started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + output);
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), asPostgresUser);
        } catch (IOException | InterruptedException e) {
            // the JVM is ending: nothing left to report to
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database; its JDBC URL carries the user but no password. */
    public String newDatabase() throws SQLException {
        String name = "gqm_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /** A connection to {@code database} as the superuser, for a test's own checks. */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
    }

    /** The one number a query such as {@code SELECT count(*) FROM people} gives, in the database of {@code url}. */
    public long number(String url, String sql) throws SQLException {
        try (Connection c = connect(database(url)); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The database a URL from {@link #newDatabase} names. */
    public static String database(String url) {
        String rest = url.substring(url.indexOf('/', "jdbc:postgresql://".length()) + 1);
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }
}
