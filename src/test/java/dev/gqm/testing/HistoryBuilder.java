package dev.gqm.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevBlob;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Builds a real Git repository on disk with set identities, dates and parents, commit by commit,
 * on JGit's {@link TestRepository}; every commit's tree holds every file set so far.
 */
public final class HistoryBuilder implements AutoCloseable {
    private static final String BRANCH = "refs/heads/main";

    private final TestRepository<Repository> test;
    private final Repository repo;
    private final Map<String, RevBlob> files = new TreeMap<>();
    private ObjectId head;

    private HistoryBuilder(Repository repo) throws IOException {
        this.test = new TestRepository<>(repo);
        this.repo = repo;
    }

    public static HistoryBuilder init(Path dir) throws GitAPIException, IOException {
        return new HistoryBuilder(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call().getRepository());
    }

    public static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    /** TestRepository's methods throw Exception; this builder's callers expect IOException. */
    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T io(Step<T> step) throws IOException {
        try {
            return step.run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** Sets a file in the tree of the commits that follow. */
    public HistoryBuilder file(String name, String content) throws IOException {
        files.put(name, io(() -> test.blob(content)));
        return this;
    }

    /** A commit on the current line of history (parent: the previous commit). */
    public ObjectId commit(String name, String email, String isoInstant, String message) throws IOException {
        return commit(name, email, isoInstant, message, head == null ? new ObjectId[0] : new ObjectId[] {head});
    }

    /** A commit with the given parents; it becomes the branch tip. */
    public ObjectId commit(String name, String email, String isoInstant, String message, ObjectId... parents) throws IOException {
        PersonIdent who = new PersonIdent(name, email, at(isoInstant), ZoneOffset.UTC);
        RevCommit commit = io(() -> {
            List<DirCacheEntry> entries = new ArrayList<>();
            for (Map.Entry<String, RevBlob> f : files.entrySet()) {
                entries.add(test.file(f.getKey(), f.getValue()));
            }
            TestRepository<Repository>.CommitBuilder builder = test.commit()
                    .setTopLevelTree(test.tree(entries.toArray(DirCacheEntry[]::new)))
                    .author(who).committer(who).message(message);
            for (ObjectId parent : parents) {
                builder.parent(test.getRevWalk().parseCommit(parent));
            }
            return builder.create();
        });
        resetTo(commit);
        return commit;
    }

    /** Moves the branch back to a commit (to start a side line of history). */
    public void resetTo(ObjectId id) throws IOException {
        head = id;
        io(() -> test.update(BRANCH, id));
    }

    public void lightweightTag(String name, ObjectId target) throws IOException {
        io(() -> test.update(Constants.R_TAGS + name, target));
    }

    /** A tag object by {@code tagger} at an instant of its own (TestRepository's tags carry its own clock). */
    public void annotatedTag(String name, ObjectId target, String tagger, String email, String isoInstant) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            TagBuilder tb = new TagBuilder();
            tb.setObjectId(target, Constants.OBJ_COMMIT);
            tb.setTag(name);
            tb.setTagger(new PersonIdent(tagger, email, at(isoInstant), ZoneOffset.UTC));
            tb.setMessage("release " + name);
            ObjectId id = ins.insert(tb);
            ins.flush();
            io(() -> test.update(Constants.R_TAGS + name, id));
        }
    }

    public ObjectId head() {
        return head;
    }

    @Override
    public void close() {
        test.close();
    }
}
