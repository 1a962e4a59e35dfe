package dev.gqm.collect.git;

import dev.gqm.collect.Commit;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.gqm.collect.git.RepoFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A first walk of a history with many tags is read as two halves on two threads: the same
 * commits must come out, each once, whether the split point is on the branch or not.
 */
class SplitWalkTest {
    @TempDir
    Path tmp;

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private List<Commit> walk(Path dir) throws Exception {
        List<Commit> out = new ArrayList<>();
        try (GitRepositorySource source = GitRepositorySource.open(dir.toString(), null, tmp.resolve("cache"))) {
            source.walk(List.of(), out::add);
        }
        return out;
    }

    private static Set<String> ids(List<Commit> commits) {
        return commits.stream().map(Commit::id).collect(Collectors.toSet());
    }

    @Test
    void tagsOnTheBranchSplitTheWalkWithoutLosingOrRepeatingCommits() throws Exception {
        Path dir = tmp.resolve("repo");
        Set<String> expected = new HashSet<>();
        try (RepoFixture repo = RepoFixture.init(dir)) {
            int d = 0;
            RevCommit fork = null;
            for (int i = 0; i < 60; i++) {
                RevCommit c = repo.commit("A" + (i % 3), "a" + (i % 3) + "@x.org", day(d++), "main " + i);
                expected.add(c.name());
                if (i % 3 == 0) {
                    if (i % 2 == 0) {
                        repo.git().tag().setName("v" + i).setObjectId(c).setAnnotated(true).setMessage("v" + i).call();
                    } else {
                        repo.git().tag().setName("v" + i).setObjectId(c).setAnnotated(false).call();
                    }
                }
                if (i == 10) {
                    fork = c;
                }
            }
            // a side branch forked early and merged at the end: the newer half must follow it
            // back past the split point, and the older half must not deliver it twice
            String main = repo.git().getRepository().getBranch();
            repo.git().branchCreate().setName("side").setStartPoint(fork).call();
            repo.git().checkout().setName("side").call();
            RevCommit side = repo.commit("S", "s@x.org", day(d++), "side 1");
            expected.add(side.name());
            repo.git().checkout().setName(main).call();
            ObjectId merge = repo.git().merge().include(side).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setMessage("merge side").call().getNewHead();
            expected.add(merge.name());
        }
        List<Commit> walked = walk(dir);
        assertEquals(expected, ids(walked));
        assertEquals(expected.size(), walked.size(), "a commit came out twice");
        assertEquals(62, walked.size());
        Commit first = walked.stream().filter(c -> c.id().equals(walked.stream()
                .min((a, b) -> a.committedAt().compareTo(b.committedAt())).orElseThrow().id())).findFirst().orElseThrow();
        assertEquals("a0@x.org", first.author().email());
        assertEquals(day(0), first.authoredAt());
    }

    @Test
    void tagsOffTheBranchFallBackToOneWalk() throws Exception {
        Path dir = tmp.resolve("repo");
        Set<String> expected = new HashSet<>();
        try (RepoFixture repo = RepoFixture.init(dir)) {
            RevCommit base = repo.commit("A", "a@x.org", day(0), "base");
            expected.add(base.name());
            String main = repo.git().getRepository().getBranch();
            // every tag is on a branch that HEAD never merges: the split point is not on HEAD's history
            repo.git().branchCreate().setName("release").setStartPoint(base).call();
            repo.git().checkout().setName("release").call();
            for (int i = 1; i <= 20; i++) {
                RevCommit c = repo.commit("R", "r@x.org", day(i), "release " + i);
                repo.git().tag().setName("r" + i).setObjectId(c).setAnnotated(false).call();
            }
            repo.git().checkout().setName(main).call();
            for (int i = 1; i <= 30; i++) {
                expected.add(repo.commit("A", "a@x.org", day(20 + i), "main " + i).name());
            }
        }
        List<Commit> walked = walk(dir);
        assertEquals(expected, ids(walked));
        assertEquals(31, walked.size());
    }
}
