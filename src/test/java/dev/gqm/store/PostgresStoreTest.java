package dev.gqm.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Commit;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.Signature;
import dev.gqm.collect.Tag;
import dev.gqm.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on a real PostgreSQL server: the same records as SQLite, locks per source, passwords kept out of sight. */
class PostgresStoreTest {
    private static final Instant T = Instant.parse("2024-03-01T12:00:00.123Z");
    private static final Map<String, String> WITH_PASSWORD = Map.of("PGPASSWORD", PostgresServer.PASSWORD);

    @TempDir
    Path tmp;

    private PostgresServer server;
    private String url;

    @BeforeEach
    void database() throws Exception {
        server = PostgresServer.require();
        url = server.newDatabase();
    }

    private static Commit commit(String id, String name, int minutes, int parents, Signature... coAuthors) {
        Instant at = T.plusSeconds(60L * minutes);
        return new Commit(id, new Signature(name, name.toLowerCase().replace(' ', '.') + "@example.org"),
                at, at.plusSeconds(30), parents, List.of(coAuthors));
    }

    private Store open() throws StoreException {
        return Store.open(url, WITH_PASSWORD, tmp);
    }

    @Test
    void migratesAnEmptyDatabaseAndKeepsCommitsTagsAndPeopleAsSqliteDoes() throws Exception {
        Commit a = commit("a".repeat(40), "Ann", 0, 0);
        Commit b = commit("b".repeat(40), "Bó 'quoted'; DROP TABLE commits;--", 10, 1,
                new Signature("Zoë", "z@ex.org"), new Signature("", ""), new Signature("李雷 😀", "li@example.cn"));
        Commit merge = commit("c".repeat(40), "Ann", 20, 2, new Signature("Zoë", "z@ex.org"));
        List<Tag> tags = List.of(new Tag("v1.0", a.id(), T.plusSeconds(5)), new Tag("ünï/côde", merge.id(), T));
        List<List<Commit>> read = new ArrayList<>();
        for (Store store : List.of(open(), Store.open(tmp.resolve("same.db")))) {
            try (store) {
                assertEquals(Schema.VERSION, store.schemaVersion());
                long id = store.sourceId("git", "/repo");
                store.saveGit(id, List.of(a, b, merge), false, tags, "A <a@x>\n", merge.id());
                read.add(store.commits(id));
                // a first save replaces everything: on PostgreSQL by COPY, co-authors and all
                long copied = store.sourceId("git", "/copied");
                store.saveGit(copied, List.of(a, b, merge), true, tags, "A <a@x>\n", merge.id());
            }
        }
        assertEquals(4, server.number(url, "SELECT count(*) FROM co_authors WHERE source_id = (SELECT id FROM sources"
                + " WHERE location = '/copied')"));
        try (Store store = open()) {
            long id = store.sourceId("git", "/repo");
            assertEquals(List.of(merge, b, a), store.commits(id));
            assertEquals(read.get(1), store.commits(id));
            assertEquals(tags, store.tags(id));
            assertEquals(Optional.of(merge.id()), store.gitTip(id));
            assertEquals("A <a@x>\n", store.mailmap(id));
            long copied = store.sourceId("git", "/copied");
            assertEquals(List.of(merge, b, a), store.commits(copied));
            assertEquals(tags, store.tags(copied));
        }
        // Ann, the quoted one, Zoë (twice, one row), the empty signature, 李雷
        assertEquals(5, server.number(url, "SELECT count(*) FROM people"));
    }

    @Test
    void runsOpeningAFreshStoreAtOnceMigrateItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> {
                    try (Store store = open()) {
                        return store.schemaVersion();
                    }
                }));
            }
            for (Future<Integer> f : opened) {
                assertEquals(Schema.VERSION, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplacingSaveAndAnIssuePageRoundTrip() throws Exception {
        try (Store store = open()) {
            long git = store.sourceId("git", "/r");
            store.saveGit(git, List.of(commit("a".repeat(40), "A", 0, 0)), false, List.of(), "", "a".repeat(40));
            store.saveGit(git, List.of(commit("b".repeat(40), "B", 1, 0)), true, List.of(), "", "b".repeat(40));
            assertEquals(List.of("b".repeat(40)), store.commits(git).stream().map(Commit::id).toList());

            long tracker = store.sourceId("github", "o/r");
            IssueStore issues = store.issues(tracker);
            Issue issue = new Issue(7, 3, "Crash", "https://github.com/o/r/issues/3", new Actor("ann", "User"), "NONE",
                    T, T.plusSeconds(600), null, false, null, false, List.of("bug"), "open");
            Comment comment = new Comment(70, 3, new Actor("bob", "User"), T.plusSeconds(60), T.plusSeconds(60),
                    ItemType.ISSUE);
            issues.sink().page(IssueSink.Page.of("issues", List.of(issue), List.of(comment), List.of(),
                    List.of(), T.plusSeconds(600)));
            assertEquals(List.of(issue), issues.issues());
            assertEquals(List.of(comment), issues.comments());
            assertEquals(Map.of("issues", T.plusSeconds(600)), issues.cursors());
        }
    }

    @Test
    void aSecondRunOnTheSameSourceWaitsThenGivesUpWhileOtherSourcesGoOn() throws Exception {
        Map<String, String> shortWait = Map.of("PGPASSWORD", PostgresServer.PASSWORD, Store.LOCK_WAIT_VARIABLE, "1");
        try (Store first = open(); Store second = Store.open(url, shortWait, tmp)) {
            long id = first.sourceId("git", "/shared");
            long started = System.nanoTime();
            StoreLockedException locked = assertThrows(StoreLockedException.class, () -> second.sourceId("git", "/shared"));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 1000, "gave up before the wait");
            assertTrue(locked.getMessage().startsWith("another gqm run is collecting git /shared into the store"
                    + " jdbc:postgresql://127.0.0.1:"), locked.getMessage());
            // another source is free
            assertFalse(second.sourceId("git", "/other") == id);
        }
        // the lock went with the first session
        try (Store again = Store.open(url, shortWait, tmp)) {
            again.sourceId("git", "/shared");
        }
    }

    @Test
    void aWaitingRunGetsTheSourceOnceTheFirstEnds() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Store first = open();
            first.sourceId("git", "/shared");
            Future<Long> waiter = pool.submit(() -> {
                try (Store second = open()) {
                    held.countDown();
                    return second.sourceId("git", "/shared");
                }
            });
            held.await();
            Thread.sleep(500);
            assertFalse(waiter.isDone(), "the second run did not wait");
            first.close();
            assertTrue(waiter.get() > 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void siblingsWriteTheSameStoreAtOnceWithSharedPeople() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (Store primary = open()) {
            List<Future<Integer>> saves = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                int shard = s;
                saves.add(pool.submit(() -> {
                    try (Store mine = primary.sibling()) {
                        long id = mine.sourceId("git", "/repo-" + shard);
                        List<Commit> commits = new ArrayList<>();
                        for (int i = 0; i < 3000; i++) {
                            // the same 50 people in every repository, met in a different order
                            commits.add(commit(String.format("%02x%038x", shard, i), "P" + ((i * (shard + 1)) % 50), i, 1));
                        }
                        return mine.saveGit(id, commits.iterator(), true, List.of(), "", commits.get(0).id());
                    }
                }));
            }
            for (Future<Integer> save : saves) {
                assertEquals(3000, save.get());
            }
            for (int s = 0; s < 3; s++) {
                assertEquals(3000, primary.commits(primary.sourceId("git", "/repo-" + s)).size());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, server.number(url, "SELECT count(*) FROM people"));
    }

    @Test
    void thePasswordComesFromTheUrlTheEnvironmentOrThePasswordFileAndIsNeverShown() throws Exception {
        String withPassword = url + "&password=" + PostgresServer.PASSWORD;
        try (Store store = Store.open(withPassword, Map.of(), tmp)) {
            assertFalse(store.shown().contains(PostgresServer.PASSWORD), store.shown());
            assertTrue(store.shown().contains("password=***"), store.shown());
        }
        Path pgpass = tmp.resolve("home/.pgpass");
        Files.createDirectories(pgpass.getParent());
        Files.writeString(pgpass, "# host:port:database:user:password\nelsewhere:*:*:*:wrong\n"
                + "127.0.0.1:" + server.port() + ":*:" + PostgresServer.USER + ":" + PostgresServer.PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        try (Store store = Store.open(url, Map.of(), pgpass.getParent())) {
            assertEquals(Schema.VERSION, store.schemaVersion());
        }
        // a password file others can read is ignored, as libpq ignores it
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        StoreException ignored = assertThrows(StoreException.class, () -> Store.open(url, Map.of(), pgpass.getParent()));
        assertTrue(ignored.getMessage().startsWith("store unusable: cannot connect to " + url + ": "), ignored.getMessage());

        String wrong = url + "&password=not-" + PostgresServer.PASSWORD;
        StoreException refused = assertThrows(StoreException.class, () -> Store.open(wrong, Map.of(), tmp));
        assertFalse(refused.getMessage().contains(PostgresServer.PASSWORD), refused.getMessage());
        assertTrue(refused.getMessage().contains("password=***"), refused.getMessage());
        assertTrue(refused.getMessage().contains("password authentication failed"), refused.getMessage());
    }

    @Test
    void aSnapshotDoesNotSeeWhatAnotherRunCommitsMeanwhile() throws Exception {
        try (Store reader = open(); Store writer = open()) {
            long id = writer.sourceId("git", "/r");
            writer.saveGit(id, List.of(commit("a".repeat(40), "A", 0, 0)), false, List.of(), "", "a".repeat(40));
            try (Store.Snapshot snapshot = reader.snapshot()) {
                assertEquals(1, reader.commits(id).size());
                writer.saveGit(id, List.of(commit("b".repeat(40), "B", 1, 1)), false, List.of(), "", "b".repeat(40));
                assertEquals(1, reader.commits(id).size());
                assertEquals(Optional.of("a".repeat(40)), reader.gitTip(id));
            }
            assertEquals(2, reader.commits(id).size());
        }
    }
}
