package dev.gqm.store;

import dev.gqm.collect.Commit;
import dev.gqm.collect.CommitSource;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.Tag;
import dev.gqm.collect.git.GitRepositorySource;
import dev.gqm.collect.git.RepoFixture;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static dev.gqm.collect.git.RepoFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitSyncTest {
    @TempDir
    Path tmp;

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private SyncResult sync(Store store, Path repo) throws Exception {
        try (GitRepositorySource source = GitRepositorySource.open(repo.toString(), null, tmp.resolve("cache"))) {
            return new GitSync(store).sync(source);
        }
    }

    private static Set<String> ids(List<Commit> commits) {
        return commits.stream().map(Commit::id).collect(Collectors.toSet());
    }

    @Test
    void firstSyncStoresAllThenOnlyNewCommitsThenARewriteReplacesHistory() throws Exception {
        Path dir = tmp.resolve("repo");
        try (RepoFixture repo = RepoFixture.init(dir); Store store = Store.open(tmp.resolve("gqm.db"))) {
            RevCommit c1 = repo.commit("A", "a@x.org", day(0), "1");
            RevCommit c2 = repo.commit("B", "b@x.org", day(1), "2\n\nCo-authored-by: C <c@x.org>");
            RevCommit c3 = repo.commit("A", "a@x.org", day(2), "3");
            repo.write(".mailmap", "A <a@x.org> <old@x.org>\n");
            repo.git().tag().setName("v1").setObjectId(c2).setAnnotated(false).call();

            SyncResult first = sync(store, dir);
            assertEquals(new SyncResult(first.sourceId(), c3.name(), 3, false, false), first);
            assertEquals(Set.of(c1.name(), c2.name(), c3.name()), ids(store.commits(first.sourceId())));
            assertEquals(List.of(new Tag("v1", c2.name(), day(1))), store.tags(first.sourceId()));
            assertEquals("", store.mailmap(first.sourceId()), "the .mailmap was staged, not committed");

            RevCommit c4 = repo.commit("B", "b@x.org", day(3), "4");
            RevCommit c5 = repo.commit("B", "b@x.org", day(4), "5");
            SyncResult second = sync(store, dir);
            assertEquals(new SyncResult(first.sourceId(), c5.name(), 2, false, false), second);
            List<Commit> stored = store.commits(first.sourceId());
            assertEquals(5, stored.size());
            assertEquals(Set.of(c1.name(), c2.name(), c3.name(), c4.name(), c5.name()), ids(stored));
            assertEquals("A <a@x.org> <old@x.org>\n", store.mailmap(first.sourceId()));
            assertEquals(1, stored.stream().filter(c -> c.id().equals(c2.name())).findFirst().orElseThrow()
                    .coAuthors().size());

            SyncResult unchanged = sync(store, dir);
            assertEquals(0, unchanged.newCommits());
            assertEquals(5, store.commits(first.sourceId()).size());

            // force-push style rewrite: drop c4 and c5, then a different commit on top of c3
            repo.git().reset().setMode(ResetCommand.ResetType.HARD).setRef(c3.name()).call();
            RevCommit d4 = repo.commit("D", "d@x.org", day(5), "4 rewritten");
            SyncResult rewritten = sync(store, dir);
            assertEquals(new SyncResult(first.sourceId(), d4.name(), 4, true, false), rewritten);
            assertEquals(Set.of(c1.name(), c2.name(), c3.name(), d4.name()), ids(store.commits(first.sourceId())));
            assertEquals(Optional.of(d4.name()), store.gitTip(first.sourceId()));
            // saves skip the foreign-key checks: the rows must still satisfy them, and the checks come back on
            assertTrue(store.enforcesForeignKeys());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("gqm.db"));
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                assertFalse(rs.next(), "a row breaks a foreign key");
            }
            // c2's co-author row was deleted with the old history and written again, once
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM co_authors")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void emptyRepositorySavesNothing() throws Exception {
        Path dir = tmp.resolve("empty");
        try (RepoFixture ignored = RepoFixture.init(dir); Store store = Store.open(tmp.resolve("gqm.db"))) {
            SyncResult result = sync(store, dir);
            assertTrue(result.empty());
            assertEquals(0, result.newCommits());
            assertFalse(result.rewritten());
            assertEquals(List.of(), store.commits(result.sourceId()));
            assertEquals(Optional.empty(), store.gitTip(result.sourceId()));
        }
    }

    @Test
    void aWalkThatFailsHalfwayLeavesTheStoreAsItWas() throws Exception {
        Path dir = tmp.resolve("resume");
        try (RepoFixture repo = RepoFixture.init(dir); Store store = Store.open(tmp.resolve("gqm.db"))) {
            RevCommit c1 = repo.commit("A", "a@x.org", day(0), "1");
            SyncResult first = sync(store, dir);
            repo.commit("A", "a@x.org", day(1), "2");
            RevCommit c3 = repo.commit("A", "a@x.org", day(2), "3");
            try (GitRepositorySource real = GitRepositorySource.open(dir.toString(), null, tmp)) {
                CommitSource failing = new FailingAfterOneCommit(real);
                SourceException e = assertThrows(SourceException.class, () -> new GitSync(store).sync(failing));
                assertEquals("connection lost", e.getMessage());
            }
            assertEquals(Set.of(c1.name()), ids(store.commits(first.sourceId())));
            assertEquals(Optional.of(c1.name()), store.gitTip(first.sourceId()));
            // the next run resumes from the old cursor and collects both commits
            assertEquals(new SyncResult(first.sourceId(), c3.name(), 2, false, false), sync(store, dir));
        }
    }

    @Test
    void aWalkStartedAheadIsTakenOverOnlyWhenItIsTheWalkTheSyncNeeds() throws Exception {
        Path dir = tmp.resolve("ahead");
        try (RepoFixture repo = RepoFixture.init(dir); Store store = Store.open(tmp.resolve("gqm.db"))) {
            RevCommit c1 = repo.commit("A", "a@x.org", day(0), "1");
            RevCommit c2 = repo.commit("B", "b@x.org", day(1), "2");
            try (GitRepositorySource real = GitRepositorySource.open(dir.toString(), null, tmp)) {
                CountingWalks source = new CountingWalks(real);
                SyncResult first = new GitSync(store, ahead(WalkAhead.start(source, c2.name(), Set.of()))).sync(source);
                assertEquals(new SyncResult(first.sourceId(), c2.name(), 2, false, false), first);
                assertEquals(1, source.walks().get(), "the first collection took over the walk ahead");

                // nothing to stop at is not the walk of an incremental collection: a walk from the stored tip runs
                RevCommit c3 = repo.commit("A", "a@x.org", day(2), "3");
                SyncResult second = new GitSync(store, ahead(WalkAhead.start(source, c3.name(), Set.of()))).sync(source);
                assertEquals(new SyncResult(first.sourceId(), c3.name(), 1, false, false), second);
                assertEquals(3, source.walks().get());

                // nor is a walk from a tip the branch has moved on from
                RevCommit c4 = repo.commit("B", "b@x.org", day(3), "4");
                SyncResult third = new GitSync(store, ahead(WalkAhead.start(source, c3.name(), Set.of(c3.name())))).sync(source);
                assertEquals(new SyncResult(first.sourceId(), c4.name(), 1, false, false), third);
                assertEquals(5, source.walks().get());
                assertEquals(Set.of(c1.name(), c2.name(), c3.name(), c4.name()), ids(store.commits(first.sourceId())));
            }
        }
    }

    private static GitSync.Aid ahead(WalkAhead walk) {
        return new GitSync.Aid() {
            @Override
            public WalkAhead walkAhead() {
                return walk;
            }
        };
    }

    /** A source that counts the walks started on it. */
    private static final class CountingWalks extends Delegating {
        final AtomicInteger walks = new AtomicInteger();

        CountingWalks(CommitSource delegate) {
            super(delegate);
        }

        AtomicInteger walks() {
            return walks;
        }

        @Override
        public void walk(String tip, Collection<String> known, Consumer<Commit> sink) throws SourceException {
            walks.incrementAndGet();
            delegate.walk(tip, known, sink);
        }
    }

    /** Delivers one commit of the walk, then fails as a broken remote or disk would. */
    private static final class FailingAfterOneCommit extends Delegating {
        FailingAfterOneCommit(CommitSource delegate) {
            super(delegate);
        }

        @Override
        public void walk(String tip, Collection<String> known, Consumer<Commit> sink) throws SourceException {
            List<Commit> all = new ArrayList<>();
            delegate.walk(tip, known, all::add);
            sink.accept(all.get(0));
            throw new SourceException("connection lost");
        }
    }

    /** A real source with its walk to be replaced. */
    private abstract static class Delegating implements CommitSource {
        final CommitSource delegate;

        Delegating(CommitSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public Optional<String> head() throws SourceException {
            return delegate.head();
        }

        @Override
        public boolean shallow() {
            return delegate.shallow();
        }

        @Override
        public String mailmap() throws SourceException {
            return delegate.mailmap();
        }

        @Override
        public List<Tag> tags() throws SourceException {
            return delegate.tags();
        }

        @Override
        public boolean reachesFromHead(String ancestor) throws SourceException {
            return delegate.reachesFromHead(ancestor);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
