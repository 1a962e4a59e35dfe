package dev.gqm.store;

import dev.gqm.collect.Commit;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.Signature;
import dev.gqm.collect.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreTest {
    @TempDir
    Path tmp;

    private static final Instant T = Instant.parse("2024-03-01T12:00:00.123Z");

    private static Commit commit(String id, String name, int minutes, int parents, Signature... coAuthors) {
        Instant at = T.plusSeconds(60L * minutes);
        return new Commit(id, new Signature(name, name.toLowerCase().replace(' ', '.') + "@example.org"),
                at, at.plusSeconds(30), parents, List.of(coAuthors));
    }

    @Test
    void commitsAndTagsRoundTripWithOddCharacters() throws Exception {
        Commit a = commit("a".repeat(40), "Ann", 0, 0);
        Commit b = commit("b".repeat(40), "Bó 'quoted' \"x\"; DROP TABLE commits;--", 10, 1,
                new Signature("Zoë <not an email>, with commas | and\ttabs", "z@ex.org"),
                new Signature("", ""),
                new Signature("李雷 😀", "li@example.cn"));
        Commit merge = commit("c".repeat(40), "Ann", 20, 2);
        List<Tag> tags = List.of(new Tag("v1.0", a.id(), T.plusSeconds(5)), new Tag("ünï/côde", merge.id(), T));
        Path file = tmp.resolve("nested/dir/gqm.db");
        try (Store store = Store.open(file)) {
            long id = store.sourceId("git", "/repo");
            assertEquals(id, store.sourceId("git", "/repo"));
            assertNotEquals(id, store.sourceId("git", "/other"));
            assertEquals(Optional.empty(), store.gitTip(id));
            assertEquals("", store.mailmap(id));
            store.saveGit(id, List.of(a, b, merge), false, tags, "A <a@x>\n", merge.id());
        }
        try (Store store = Store.open(file)) {
            long id = store.sourceId("git", "/repo");
            // newest committed first
            assertEquals(List.of(merge, b, a), store.commits(id));
            assertEquals(List.of(tags.get(0), tags.get(1)), store.tags(id));
            assertEquals(Optional.of(merge.id()), store.gitTip(id));
            assertEquals("A <a@x>\n", store.mailmap(id));
            assertEquals(List.of(), store.commits(store.sourceId("git", "/other")));
        }
    }

    @Test
    void incrementalSaveAddsAndReplaceAllReplaces() throws Exception {
        try (Store store = Store.open(tmp.resolve("s.db"))) {
            long id = store.sourceId("git", "/r");
            Commit a = commit("a".repeat(40), "A", 0, 0, new Signature("Co", "co@x"));
            Commit b = commit("b".repeat(40), "B", 1, 1);
            store.saveGit(id, List.of(a), false, List.of(new Tag("t1", a.id(), T)), "", a.id());
            // saving a known commit again (overlapping walk) keeps one row and one co-author
            store.saveGit(id, List.of(b, a), false, List.of(), "m", b.id());
            assertEquals(List.of(b, a), store.commits(id));
            assertEquals(List.of(), store.tags(id), "tags are replaced, not merged");

            Commit c = commit("c".repeat(40), "C", 2, 0);
            store.saveGit(id, List.of(c), true, List.of(), "", c.id());
            assertEquals(List.of(c), store.commits(id));
            assertEquals(Optional.of(c.id()), store.gitTip(id));
        }
    }

    @Test
    void aFullSaveAnswersLikeTheDatabaseFromMemoryUntilTheNextSave() throws Exception {
        Commit a = commit("a".repeat(40), "Ann", 0, 1, new Signature("Co", "co@x"), new Signature("Ed", "ed@x"));
        Commit b = commit("b".repeat(40), "Ben", 0, 1);  // same time as a: ties go by id
        Commit c = commit("c".repeat(40), "Cy", 5, 2);
        long id;
        List<Commit> fromMemory;
        try (Store store = Store.open(tmp.resolve("s.db"))) {
            id = store.sourceId("git", "/r");
            store.saveGit(id, List.of(b, c, a), true, List.of(), "", c.id());
            fromMemory = store.commits(id);
            assertEquals(List.of(c, a, b), fromMemory);
            assertThrows(UnsupportedOperationException.class, () -> store.commits(id).clear());
            // an incremental save adds to the database: memory no longer holds everything
            Commit d = commit("d".repeat(40), "Di", 9, 1);
            store.saveGit(id, List.of(d), false, List.of(), "", d.id());
            assertEquals(List.of(d, c, a, b), store.commits(id));
        }
        try (Store store = Store.open(tmp.resolve("s.db"))) {
            assertEquals(fromMemory, store.commits(id).subList(1, 4));
        }
    }

    @Test
    void aFailedSaveLeavesTheStoreAsItWas() throws Exception {
        try (Store store = Store.open(tmp.resolve("s.db"))) {
            long id = store.sourceId("git", "/r");
            Commit a = commit("a".repeat(40), "A", 0, 0);
            store.saveGit(id, List.of(a), false, List.of(), "", a.id());
            Commit b = commit("b".repeat(40), "B", 1, 1);
            // duplicate tag names violate the primary key after the commits were written
            List<Tag> clash = List.of(new Tag("x", b.id(), T), new Tag("x", b.id(), T));
            StoreException e = assertThrows(StoreException.class,
                    () -> store.saveGit(id, List.of(b), true, clash, "", b.id()));
            assertTrue(e.getMessage().startsWith("store unusable: "), e.getMessage());
            assertEquals(List.of(a), store.commits(id));
            assertEquals(Optional.of(a.id()), store.gitTip(id));
        }
    }

    @Test
    void secondOpenInTheSameJvmIsLocked() throws Exception {
        Path file = tmp.resolve("gqm.db");
        try (Store ignored = Store.open(file)) {
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> Store.open(file));
            assertEquals("another gqm run is using the store " + file + " (lock " + file + ".lock)", e.getMessage());
        }
        Store.open(file).close(); // released on close
    }

    @Test
    void everySpellingOfOneStoreTakesTheSameLock() throws Exception {
        Path file = tmp.resolve("real.db");
        Path link = tmp.resolve("link.db");
        try (Store first = Store.open(file)) {
            Files.createSymbolicLink(link, file);
            assertThrows(StoreLockedException.class, () -> Store.open(link));
            assertThrows(StoreLockedException.class, () -> Store.open("jdbc:sqlite:" + file));
            assertThrows(StoreLockedException.class, () -> Store.open("jdbc:sqlite:" + link + "?journal_mode=WAL"));
            assertThrows(StoreLockedException.class, () -> Store.open("jdbc:sqlite:file:" + file));
        }
        try (Store viaUrl = Store.open("jdbc:sqlite:" + link)) {
            assertThrows(StoreLockedException.class, () -> Store.open(file));
        }
        // an in-memory database is nobody else's
        Store.open("jdbc:sqlite::memory:").close();
    }

    @Test
    void aRefusedUrlIsNotEchoedWithItsPassword() {
        StoreException e = assertThrows(StoreException.class,
                () -> Store.open("jdbc:mysql://db.example/gqm?user=u&password=SECRET123"));
        assertFalse(e.getMessage().contains("SECRET123") || e.getMessage().contains("password"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:mysql:..."), e.getMessage());
    }

    @Test
    void lockHeldThroughAnotherChannelIsReported() throws Exception {
        Path file = tmp.resolve("gqm.db");
        Path lockFile = tmp.resolve("gqm.db.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertTrue(held.isValid());
            assertThrows(StoreLockedException.class, () -> Store.open(file));
        }
        Store.open(file).close();
    }

    @Test
    void aVersion2StoreGainsTheEtagTableAndKeepsItsCursors() throws Exception {
        Path file = tmp.resolve("v2.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : Schema.STEPS.get(0).sqlite()) {
                st.execute(sql);
            }
            for (String sql : Schema.STEPS.get(1).sqlite()) {
                st.execute(sql);
            }
            st.execute("PRAGMA user_version = 2");
            st.execute("INSERT INTO issue_cursors (source_id, stream, cursor_ms) VALUES (1, 'issues', 1000)");
        }
        try (Store store = Store.open(file)) {
            assertEquals(Schema.VERSION, store.schemaVersion());
            assertEquals(Map.of("issues", Instant.ofEpochMilli(1000)), store.issues(1).cursors());
            assertEquals(Map.of(), store.issues(1).etags());
            store.issues(1).sink().page(IssueSink.Page.of("issues", List.of(), List.of(), List.of(), List.of(), null)
                    .withEtag(new IssueSink.Etag("http://h/repos/o/r/issues?since=x", "W/\"1\"")));
            assertEquals("W/\"1\"", store.issues(1).etags().get("issues").value());
        }
    }

    @Test
    void aVersion3StoreKeepsItsCommitsWithIdsAsBytes() throws Exception {
        aVersion3StoreKeepsItsCommits(tmp.resolve("v3.db"), "");
    }

    @Test
    void aVersion3StoreMigratesAlsoWhenItsUrlSwitchesForeignKeysOn() throws Exception {
        aVersion3StoreKeepsItsCommits(tmp.resolve("v3-fk.db"), "?foreign_keys=true");
    }

    private void aVersion3StoreKeepsItsCommits(Path file, String urlOptions) throws Exception {
        String c1 = "0123456789abcdef0123456789abcdef01234567";
        String c2 = "fedcba9876543210fedcba9876543210fedcba98";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (int step = 0; step < 3; step++) {
                for (String sql : Schema.STEPS.get(step).sqlite()) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 3");
            st.execute("INSERT INTO sources (id, kind, location, git_tip) VALUES (1, 'git', '/r', '" + c2 + "')");
            st.execute("INSERT INTO people (id, name, email) VALUES (1, 'A', 'a@x'), (2, 'B', 'b@x')");
            // stored in walk order: newest first
            st.execute("INSERT INTO commits VALUES (1, '" + c2 + "', 2, 2000, 2000, 1), (1, '" + c1 + "', 1, 1000, 1000, 0)");
            st.execute("INSERT INTO co_authors VALUES (1, '" + c2 + "', 0, 1)");
        }
        try (Store store = urlOptions.isEmpty() ? Store.open(file) : Store.open("jdbc:sqlite:" + file + urlOptions)) {
            assertEquals(Schema.VERSION, store.schemaVersion());
            assertEquals(List.of(
                    new Commit(c2, new Signature("B", "b@x"), Instant.ofEpochMilli(2000), Instant.ofEpochMilli(2000), 1,
                            List.of(new Signature("A", "a@x"))),
                    new Commit(c1, new Signature("A", "a@x"), Instant.ofEpochMilli(1000), Instant.ofEpochMilli(1000), 0,
                            List.of())), store.commits(1));
            assertTrue(store.enforcesForeignKeys(), "foreign keys are on again after the migration");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT typeof(id), length(id) FROM commits")) {
                while (rs.next()) {
                    assertEquals("blob", rs.getString(1));
                    assertEquals(20, rs.getInt(2));
                }
            }
            try (var rs = st.executeQuery("PRAGMA foreign_key_check")) {
                assertTrue(!rs.next(), "no dangling co-author or commit row");
            }
            // the co-author rows still cascade with their commit
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("DELETE FROM commits WHERE id = unhex('" + c2 + "')");
            try (var rs = st.executeQuery("SELECT count(*) FROM co_authors")) {
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void schemaVersionIsWrittenAndANewerStoreIsRefused() throws Exception {
        Path file = tmp.resolve("gqm.db");
        try (Store store = Store.open(file)) {
            assertEquals(Schema.VERSION, store.schemaVersion());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(file));
        assertTrue(e.getMessage().startsWith("store was written by a newer gqm"), e.getMessage());
        // the refused open released its lock
        try (FileChannel channel = FileChannel.open(tmp.resolve("gqm.db.lock"), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            assertTrue(lock != null);
            lock.release();
        }
    }

    @Test
    void jdbcUrlsAreUsedAsGivenAndOtherDatabasesAreRefused() throws Exception {
        Path file = tmp.resolve("url.db");
        try (Store store = Store.open("jdbc:sqlite:" + file)) {
            assertEquals(Schema.VERSION, store.schemaVersion());
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open("jdbc:postgresql://h/db"));
        assertTrue(e.getMessage().contains("only SQLite"), e.getMessage());
        try (Store store = Store.open(tmp.resolve("p.db").toString())) {
            assertEquals(Schema.VERSION, store.schemaVersion());
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsUnusable() throws Exception {
        Path file = tmp.resolve("junk.db");
        java.nio.file.Files.writeString(file, "this is not sqlite, just some text that is long enough".repeat(20));
        StoreException e = assertThrows(StoreException.class, () -> Store.open(file));
        assertTrue(e.getMessage().startsWith("store unusable: "), e.getMessage());
    }

    @Test
    void eightyThousandCommitsLoadQuickly() throws Exception {
        List<Commit> many = new ArrayList<>();
        for (int i = 0; i < 80_000; i++) {
            String id = String.format("%040x", i);
            many.add(i % 50 == 0
                    ? commit(id, "P" + (i % 300), i, 1, new Signature("Co " + i, "co@x"))
                    : commit(id, "P" + (i % 300), i, i % 20 == 0 ? 2 : 1));
        }
        long id;
        long t0 = System.nanoTime();
        try (Store store = Store.open(tmp.resolve("big.db"))) {
            id = store.sourceId("git", "/big");
            store.saveGit(id, many, true, List.of(), "", many.get(0).id());
        }
        long t1 = System.nanoTime();
        // a new session: the one that saved the history answers from memory
        try (Store store = Store.open(tmp.resolve("big.db"))) {
            store.commits(id); // warm-up
            long t2w = System.nanoTime();
            // CPU time of this thread: wall time on a shared build machine says little
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long t2 = cpu.getCurrentThreadCpuTime();
            List<Commit> loaded = store.commits(id);
            long t3 = cpu.getCurrentThreadCpuTime();
            assertEquals(80_000, loaded.size());
            assertEquals(many.get(79_999), loaded.get(0));
            assertEquals(1_600, loaded.stream().filter(c -> !c.coAuthors().isEmpty()).count());
            System.out.printf("save %d ms, first load %d ms, load %d ms cpu%n",
                    (t1 - t0) / 1_000_000, (t2w - t1) / 1_000_000, (t3 - t2) / 1_000_000);
            assertTrue(t3 - t2 < 1_000_000_000L, "load took " + (t3 - t2) / 1_000_000 + " ms of CPU");
        }
    }
}
