package dev.gqm.collect.git;

import dev.gqm.collect.Commit;
import dev.gqm.collect.Signature;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.Tag;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.gqm.collect.git.RepoFixture.T0;
import static dev.gqm.collect.git.RepoFixture.ident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitRepositorySourceTest {
    @TempDir
    Path tmp;

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static List<Commit> walkAll(GitRepositorySource source, Set<String> known) throws SourceException {
        List<Commit> out = new ArrayList<>();
        Optional<String> tip = source.head();
        if (tip.isPresent()) {
            source.walk(tip.get(), known, out::add);
        }
        return out;
    }

    @Test
    void readsHeadersOfEveryShapeGitWrites() throws Exception {
        Path dir = tmp.resolve("headers");
        List<String> ids = new ArrayList<>();
        try (RepoFixture repo = RepoFixture.init(dir)) {
            Repository r = repo.git().getRepository();
            ObjectId tree;
            try (ObjectInserter in = r.newObjectInserter()) {
                tree = in.insert(new TreeFormatter());
                ObjectId parent = null;
                // 1: a windows-1252 commit, as old git wrote them: a name that is not UTF-8 decodes
                //    by the encoding header (as Latin-1, the euro sign would be a control character)
                // 2: a signed commit: a multi-line gpgsig header before the message
                // 3: a message with lines that look like headers
                for (int n = 1; n <= 3; n++) {
                    CommitBuilder b = new CommitBuilder();
                    b.setTreeId(tree);
                    if (parent != null) {
                        b.setParentId(parent);
                    }
                    PersonIdent who = ident(n == 1 ? "Zoë €" : n == 3 ? "é" : "Ann", n == 2 ? "ann@x.org" : "e@x.org", day(n));
                    b.setAuthor(who);
                    b.setCommitter(who);
                    if (n == 1) {
                        b.setEncoding(Charset.forName("windows-1252"));
                    }
                    if (n == 2) {
                        b.setGpgSignature(new GpgSignature(
                                "-----BEGIN PGP SIGNATURE-----\nauthor Mallory <m@x.org> 1 +0000\n-----END PGP SIGNATURE-----"
                                        .getBytes(StandardCharsets.US_ASCII)));
                    }
                    b.setMessage(n == 3 ? "Subject\n\nencoding latin1\nauthor Mallory <m@x.org> 1 +0000\n"
                            + "Co-authored-by: Bo <bo@x.org>\n" : "Commit " + n + "\n\nCo-authored-by: Bo <bo@x.org>\n");
                    parent = in.insert(b);
                    ids.add(parent.name());
                }
                in.flush();
                RefUpdate head = r.updateRef(Constants.HEAD);
                head.setNewObjectId(parent);
                head.forceUpdate();
            }
        }
        try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp.resolve("cache"))) {
            List<Commit> commits = walkAll(source, Set.of());
            List<Signature> bo = List.of(new Signature("Bo", "bo@x.org"));
            assertEquals(List.of(
                    new Commit(ids.get(2), new Signature("é", "e@x.org"), day(3), day(3), 1, bo),
                    new Commit(ids.get(1), new Signature("Ann", "ann@x.org"), day(2), day(2), 1, bo),
                    new Commit(ids.get(0), new Signature("Zoë €", "e@x.org"), day(1), day(1), 0, bo)), commits);
        }
    }

    @Test
    void readsAuthorsDatesParentsAndCoAuthors() throws Exception {
        Path dir = tmp.resolve("work");
        RevCommit first;
        RevCommit second;
        try (RepoFixture repo = RepoFixture.init(dir)) {
            first = repo.commit("Ada", "ada@example.org", day(0), "Initial");
            // authored on day 1, committed (rebased) by someone else on day 3
            second = repo.commit(ident("Bob", "bob@example.org", day(1)), ident("Cy", "cy@example.org", day(3)),
                    "Feature\n\nCo-authored-by: Dee Dé <dee@example.org>\nco-authored-by: Eve <eve@example.org>\n");
        }
        try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp.resolve("cache"))) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), source.location());
            assertEquals(Optional.of(second.name()), source.head());
            assertFalse(source.shallow());
            Map<String, Commit> byId = walkAll(source, Set.of()).stream()
                    .collect(Collectors.toMap(Commit::id, Function.identity()));
            assertEquals(2, byId.size());
            assertEquals(new Commit(first.name(), new Signature("Ada", "ada@example.org"), day(0), day(0), 0, List.of()),
                    byId.get(first.name()));
            assertEquals(new Commit(second.name(), new Signature("Bob", "bob@example.org"), day(1), day(3), 1,
                            List.of(new Signature("Dee Dé", "dee@example.org"), new Signature("Eve", "eve@example.org"))),
                    byId.get(second.name()));
        }
    }

    @Test
    void mergeCommitHasTwoParents() throws Exception {
        Path dir = tmp.resolve("merge");
        RevCommit merge;
        try (RepoFixture repo = RepoFixture.init(dir)) {
            repo.commit("A", "a@x.org", day(0), "base");
            Git git = repo.git();
            git.checkout().setCreateBranch(true).setName("feature").call();
            RevCommit side = repo.commit("B", "b@x.org", day(1), "side");
            git.checkout().setName("main").call();
            repo.commit("A", "a@x.org", day(2), "main work");
            git.merge().include(side).setCommit(false).setFastForward(MergeCommand.FastForwardMode.NO_FF).call();
            merge = repo.commit("A", "a@x.org", day(3), "Merge feature");
        }
        try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp)) {
            List<Commit> all = walkAll(source, Set.of());
            assertEquals(4, all.size());
            Commit m = all.stream().filter(c -> c.id().equals(merge.name())).findFirst().orElseThrow();
            assertEquals(2, m.parents());
            assertTrue(m.merge());
            assertEquals(1, all.stream().filter(Commit::merge).count());
        }
    }

    @Test
    void readsMailmapAtTheTipOfTheBranch() throws Exception {
        Path dir = tmp.resolve("mm");
        try (RepoFixture repo = RepoFixture.init(dir)) {
            repo.write(".mailmap", "Old <old@x.org>\n");
            repo.commit("A", "a@x.org", day(0), "first mailmap");
            repo.git().branchCreate().setName("old").call();
            repo.write(".mailmap", "Ada Lovelace <ada@x.org> <ada@old.org>\n");
            repo.commit("A", "a@x.org", day(1), "new mailmap");
        }
        try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp)) {
            assertEquals("Ada Lovelace <ada@x.org> <ada@old.org>\n", source.mailmap());
        }
        try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), "old", tmp)) {
            assertEquals("Old <old@x.org>\n", source.mailmap());
            assertEquals(1, walkAll(source, Set.of()).size());
        }
    }

    @Test
    void noMailmapGivesEmptyText() throws Exception {
        Path dir = tmp.resolve("nomm");
        try (RepoFixture repo = RepoFixture.init(dir)) {
            repo.commit("A", "a@x.org", day(0), "x");
        }
        try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp)) {
            assertEquals("", source.mailmap());
        }
    }

    @Test
    void annotatedTagsTakeTaggerDateLightweightTakeCommitterDate() throws Exception {
        Path dir = tmp.resolve("tags");
        RevCommit c1;
        RevCommit c2;
        try (RepoFixture repo = RepoFixture.init(dir)) {
            c1 = repo.commit(ident("A", "a@x.org", day(0)), ident("A", "a@x.org", day(2)), "one");
            c2 = repo.commit("A", "a@x.org", day(5), "two");
            Git git = repo.git();
            git.tag().setName("v1.0").setObjectId(c1).setAnnotated(true).setMessage("release")
                    .setTagger(ident("Rel", "rel@x.org", day(10))).setSigned(false).call();
            git.tag().setName("light").setObjectId(c1).setAnnotated(false).call();
            git.tag().setName("v2.0").setObjectId(c2).setAnnotated(false).call();
            // a tag on a tree is not a release and is left out
            git.tag().setName("tree-tag").setObjectId(c2.getTree()).setAnnotated(false).call();
        }
        try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp)) {
            List<Tag> tags = new ArrayList<>(source.tags());
            tags.sort(Comparator.comparing(Tag::name));
            assertEquals(List.of(
                    new Tag("light", c1.name(), day(2)),
                    new Tag("v1.0", c1.name(), day(10)),
                    new Tag("v2.0", c2.name(), day(5))), tags);
        }
    }

    @Test
    void incrementalWalkReturnsOnlyCommitsAfterTheKnownOnes() throws Exception {
        Path dir = tmp.resolve("inc");
        try (RepoFixture repo = RepoFixture.init(dir)) {
            repo.commit("A", "a@x.org", day(0), "1");
            RevCommit known = repo.commit("A", "a@x.org", day(1), "2");
            RevCommit n1 = repo.commit("B", "b@x.org", day(2), "3");
            RevCommit n2 = repo.commit("B", "b@x.org", day(3), "4");
            try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp)) {
                List<String> ids = walkAll(source, Set.of(known.name(), ObjectId.zeroId().name(), "junk"))
                        .stream().map(Commit::id).toList();
                assertEquals(List.of(n2.name(), n1.name()), ids);
                assertTrue(source.reachesFromHead(known.name()));
                assertFalse(source.reachesFromHead(ObjectId.zeroId().name()));
                assertFalse(source.reachesFromHead("not-a-sha"));
                assertEquals(0, walkAll(source, Set.of(n2.name())).size());
            }
        }
    }

    @Test
    void emptyRepositoryHasNoHeadAndNoHistory() throws Exception {
        Path dir = tmp.resolve("empty");
        try (RepoFixture ignored = RepoFixture.init(dir);
             GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp)) {
            assertEquals(Optional.empty(), source.head());
            assertEquals("", source.mailmap());
            assertEquals(List.of(), source.tags());
            assertEquals(List.of(), walkAll(source, Set.of()));
            assertFalse(source.reachesFromHead(ObjectId.zeroId().name()));
        }
    }

    @Test
    void opensFromASubdirectoryOfTheWorkTree() throws Exception {
        Path dir = tmp.resolve("sub");
        try (RepoFixture repo = RepoFixture.init(dir)) {
            repo.write("src/a.txt", "a");
            repo.commit("A", "a@x.org", day(0), "1");
        }
        try (GitRepositorySource source = GitRepositorySource.open(dir.resolve("src").toString(), null, tmp)) {
            assertEquals(dir.toAbsolutePath().normalize().toString(), source.location());
            assertEquals(1, walkAll(source, Set.of()).size());
        }
    }

    @Test
    void clearErrorsForMissingPathNonRepositoryAndUnknownBranch() throws Exception {
        Path missing = tmp.resolve("nope");
        SourceException e1 = assertThrows(SourceException.class,
                () -> GitRepositorySource.open(missing.toString(), null, tmp));
        assertEquals("repository not found: " + missing.toAbsolutePath(), e1.getMessage());

        Path plain = Files.createDirectories(tmp.resolve("plain"));
        SourceException e2 = assertThrows(SourceException.class,
                () -> GitRepositorySource.open(plain.toString(), null, tmp));
        assertEquals("not a Git repository: " + plain.toAbsolutePath(), e2.getMessage());

        Path dir = tmp.resolve("br");
        try (RepoFixture repo = RepoFixture.init(dir)) {
            repo.commit("A", "a@x.org", day(0), "1");
        }
        SourceException e3 = assertThrows(SourceException.class,
                () -> GitRepositorySource.open(dir.toString(), "release", tmp));
        assertTrue(e3.getMessage().startsWith("branch not found: release"), e3.getMessage());
    }

    @Test
    void clonesAUrlIntoTheCacheAndFetchesOnTheNextOpen() throws Exception {
        Path origin = tmp.resolve("origin");
        Path cache = tmp.resolve("cache");
        try (RepoFixture repo = RepoFixture.init(origin)) {
            repo.commit("A", "a@x.org", day(0), "1");
            RevCommit second = repo.commit("A", "a@x.org", day(1), "2");
            repo.git().tag().setName("v1").setAnnotated(false).call();
            String url = repo.uri();
            try (GitRepositorySource source = GitRepositorySource.open(url, null, cache)) {
                assertEquals(url, source.location());
                assertEquals(Optional.of(second.name()), source.head());
                assertEquals(List.of("v1"), source.tags().stream().map(Tag::name).toList());
            }
            try (var entries = Files.list(cache.resolve("repos"))) {
                List<String> names = entries.map(p -> p.getFileName().toString()).toList();
                assertEquals(1, names.size(), names.toString());
                assertTrue(names.get(0).matches("origin-[0-9a-f]{12}"), names.get(0));
            }

            RevCommit third = repo.commit("B", "b@x.org", day(2), "3");
            repo.git().tagDelete().setTags("v1").call();
            try (GitRepositorySource source = GitRepositorySource.open(url, null, cache)) {
                assertEquals(Optional.of(third.name()), source.head());
                assertEquals(List.of(third.name()),
                        walkAll(source, Set.of(second.name())).stream().map(Commit::id).toList());
                assertEquals(List.of(), source.tags(), "deleted tags are pruned");
            }
        }
    }

    @Test
    void unreachableUrlIsASourceErrorAndLeavesNoCacheEntry() throws Exception {
        Path cache = tmp.resolve("cache");
        String url = tmp.resolve("no-such-remote").toUri().toString();
        SourceException e = assertThrows(SourceException.class, () -> GitRepositorySource.open(url, null, cache));
        assertEquals("cannot reach " + url + ": not found.", e.getMessage());
        try (var entries = Files.list(cache.resolve("repos"))) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void sshUrlsAreRefusedWithAHint() {
        SourceException e = assertThrows(SourceException.class,
                () -> GitRepositorySource.open("git@example.org:o/r.git", null, tmp));
        assertEquals("cannot reach git@example.org:o/r.git: SSH URLs are not supported;"
                + " use the https:// URL or the path of a local clone", e.getMessage());
    }

    @Test
    void credentialsInTheUrlAreNotPartOfTheLocation() throws Exception {
        CachedClone clone = CachedClone.of("https://user:s3cret@example.org/org/repo.git");
        assertEquals("https://example.org/org/repo.git", clone.displayUrl());
        assertFalse(clone.directoryName().contains("s3cret"));
        assertTrue(clone.directoryName().startsWith("repo-"));
        assertEquals("http://example.org/r", CachedClone.of("http://tok@example.org/r").displayUrl());
        assertEquals("https://example.org/r", CachedClone.of("https://example.org/r").displayUrl());
        assertTrue(CachedClone.isUrl("git@github.com:o/r.git"));
        assertTrue(CachedClone.isUrl("ssh://git@host/x"));
        assertFalse(CachedClone.isUrl("/home/me/repo"));
        assertFalse(CachedClone.isUrl("relative/dir"));
    }

    @Test
    void shallowCloneIsDetected() throws Exception {
        Path origin = tmp.resolve("deep");
        try (RepoFixture repo = RepoFixture.init(origin)) {
            repo.write("f.txt", "1");
            repo.commit("A", "a@x.org", day(0), "1");
            repo.write("f.txt", "2");
            repo.commit("A", "a@x.org", day(1), "2");
            repo.write("f.txt", "3");
            RevCommit tip = repo.commit("A", "a@x.org", day(2), "3");
            Path shallow = tmp.resolve("shallow");
            Git.cloneRepository().setURI(repo.uri()).setDirectory(shallow.toFile()).setDepth(1).call().close();
            try (GitRepositorySource source = GitRepositorySource.open(shallow.toString(), null, tmp)) {
                assertTrue(source.shallow());
                assertEquals(List.of(tip.name()), walkAll(source, Set.of()).stream().map(Commit::id).toList());
            }
        }
    }
}
