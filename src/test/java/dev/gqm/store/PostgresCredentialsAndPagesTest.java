package dev.gqm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.StateEvent;
import dev.gqm.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a PostgreSQL store's password comes from and how it is shown, and pages that meet one row
 * twice. The driver would read a password file of its own finding ({@code org.postgresql.pgpassfile},
 * else {@code PGPASSFILE}, else {@code ~/.pgpass}); the tests point it at files of theirs.
 */
class PostgresCredentialsAndPagesTest {
    private static final Instant T = Instant.parse("2024-03-01T12:00:00Z");
    private static final String DRIVER_PGPASSFILE = "org.postgresql.pgpassfile";

    @TempDir
    Path tmp;

    @AfterEach
    void forgetTheDriversPasswordFile() {
        System.clearProperty(DRIVER_PGPASSFILE);
    }

    private Path passwordFile(String name, String text, String mode) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void pgpasswordComesBeforeAPasswordFileAsInLibpq() throws Exception {
        PostgresServer server = PostgresServer.require();
        String url = server.newDatabase();
        Path stale = passwordFile("driver.pgpass", "*:*:*:*:stale-password\n", "rw-------");
        System.setProperty(DRIVER_PGPASSFILE, stale.toString());
        try (Store store = Store.open(url, Map.of("PGPASSWORD", PostgresServer.PASSWORD), tmp)) {
            assertEquals(Schema.VERSION, store.schemaVersion());
        }
    }

    @Test
    void aPasswordFileOthersCanReadIsIgnoredWithAWarning() throws Exception {
        PostgresServer server = PostgresServer.require();
        String url = server.newDatabase();
        Path open = passwordFile("world-readable.pgpass", "*:*:*:*:" + PostgresServer.PASSWORD + "\n", "rw-r--r--");
        System.setProperty(DRIVER_PGPASSFILE, open.toString());
        StoreException refused = assertThrows(StoreException.class,
                () -> Store.open(url, Map.of("PGPASSFILE", open.toString()), tmp).close());
        assertFalse(refused.getMessage().contains(PostgresServer.PASSWORD), refused.getMessage());
        List<String> warnings = new ArrayList<>();
        assertEquals(Optional.empty(), PostgresLocation.fromPasswordFile(open, "127.0.0.1", "5432", "db", "u",
                warnings::add));
        assertEquals(List.of("password file " + open + " is ignored: others may read it (chmod 600 it, as libpq asks)"),
                warnings);
        // the same file, private, gives the password
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-------"));
        try (Store store = Store.open(url, Map.of("PGPASSFILE", open.toString()), tmp)) {
            assertEquals(List.of(), store.warnings());
        }
    }

    @Test
    void passwordFileFieldsAreReadAsLibpqReadsThem() throws Exception {
        // an escaped star is a star, not a wildcard; the password ends at its first unescaped colon
        Path file = passwordFile("pgpass", "\\*:5432:db:u:literal-star\n"
                + "# a comment\n"
                + "h:5432:db:u:se\\:cret:trailing\n", "rw-------");
        assertEquals(Optional.of("se:cret"), PostgresLocation.fromPasswordFile(file, "h", "5432", "db", "u", w -> { }));
        assertEquals(Optional.of("literal-star"), PostgresLocation.fromPasswordFile(file, "*", "5432", "db", "u",
                w -> { }));
        assertEquals(Optional.empty(), PostgresLocation.fromPasswordFile(file, "h", "5433", "db", "u", w -> { }));
    }

    @Test
    void aPasswordWithASpaceAndAnSslKeyPasswordAreMaskedWhole() throws Exception {
        PostgresLocation spaced = PostgresLocation.of(
                "jdbc:postgresql://127.0.0.1:1/gqm?user=gqm&password=correct horse&sslmode=disable", Map.of(), tmp);
        assertEquals("jdbc:postgresql://127.0.0.1:1/gqm?user=gqm&password=***&sslmode=disable", spaced.shown());
        PostgresLocation ssl = PostgresLocation.of(
                "jdbc:postgresql://127.0.0.1:1/gqm?sslpassword=key-Secret-1&PassWord=x y", Map.of(), tmp);
        assertEquals("jdbc:postgresql://127.0.0.1:1/gqm?sslpassword=***&PassWord=***", ssl.shown());
    }

    @Test
    void aPageMeetingOneRowTwiceIsSavedOnPostgresqlAsOnSqlite() throws Exception {
        PostgresServer server = PostgresServer.require();
        String url = server.newDatabase();
        Issue issue = new Issue(7, 3, "Crash", "https://github.com/o/r/issues/3", new Actor("ann", "User"), "NONE",
                T, T.plusSeconds(600), T.plusSeconds(60), false, null, false, List.of(), "closed");
        Issue edited = new Issue(7, 3, "Crash on start", "https://github.com/o/r/issues/3", new Actor("ann", "User"),
                "NONE", T, T.plusSeconds(700), T.plusSeconds(60), false, null, false, List.of(), "closed");
        // GitHub gives seconds: an issue closed by a commit and by its pull request in one second
        List<StateEvent> events = List.of(
                new StateEvent(ItemType.ISSUE, 3, new Actor("ann", "User"), T.plusSeconds(60), StateEvent.Kind.CLOSED),
                new StateEvent(ItemType.ISSUE, 3, new Actor("bob", "User"), T.plusSeconds(60), StateEvent.Kind.CLOSED));
        List<Comment> comments = List.of(
                new Comment(9, 3, new Actor("bob", "User"), T.plusSeconds(30), T.plusSeconds(30), ItemType.ISSUE),
                new Comment(9, 3, new Actor("bob", "User"), T.plusSeconds(30), T.plusSeconds(90), ItemType.ISSUE));
        IssueSink.Page page = IssueSink.Page.of("issues", List.of(issue, edited), comments, List.of(), events,
                T.plusSeconds(700));
        for (Store store : List.of(Store.open(tmp.resolve("s.db")),
                Store.open(url, Map.of("PGPASSWORD", PostgresServer.PASSWORD), tmp))) {
            try (store) {
                IssueStore issues = store.issues(store.sourceId("github", "o/r"));
                issues.sink().page(page);
                // the last sight of each: bob's close, the edited title, the comment's later update
                assertEquals(List.of(new Actor("bob", "User")), issues.events().stream().map(StateEvent::actor).toList());
                assertEquals(List.of("Crash on start"), issues.issues().stream().map(Issue::title).toList());
                assertEquals(List.of(T.plusSeconds(90)), issues.comments().stream().map(Comment::updatedAt).toList());
                assertTrue(issues.cursors().containsKey("issues"));
            }
        }
    }
}
