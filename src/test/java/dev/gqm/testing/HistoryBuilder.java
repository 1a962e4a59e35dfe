package dev.gqm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;

/** Builds a real Git repository on disk with set identities, dates and parents, commit by commit. */
public final class HistoryBuilder implements AutoCloseable {
    private final Git git;
    private final Repository repo;
    private final Map<String, ObjectId> files = new HashMap<>();
    private ObjectId head;

    private HistoryBuilder(Git git) {
        this.git = git;
        this.repo = git.getRepository();
    }

    public static HistoryBuilder init(Path dir) throws GitAPIException {
        return new HistoryBuilder(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    public static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    /** Sets a file in the tree of the commits that follow. */
    public HistoryBuilder file(String name, String content) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            files.put(name, ins.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
            ins.flush();
        }
        return this;
    }

    /** A commit on the current line of history (parent: the previous commit). */
    public ObjectId commit(String name, String email, String isoInstant, String message) throws IOException {
        head = commit(name, email, isoInstant, message, head == null ? new ObjectId[0] : new ObjectId[] {head});
        return head;
    }

    /** A commit with the given parents; it becomes the branch tip. */
    public ObjectId commit(String name, String email, String isoInstant, String message, ObjectId... parents) throws IOException {
        PersonIdent who = new PersonIdent(name, email, at(isoInstant), ZoneOffset.UTC);
        try (ObjectInserter ins = repo.newObjectInserter()) {
            TreeFormatter tree = new TreeFormatter();
            files.keySet().stream().sorted().forEach(f -> tree.append(f, FileMode.REGULAR_FILE, files.get(f)));
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(ins.insert(tree));
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage(message);
            cb.setParentIds(parents);
            ObjectId id = ins.insert(cb);
            ins.flush();
            head = id;
            setRef("refs/heads/main", id);
            return id;
        }
    }

    /** Moves the branch back to a commit (to start a side line of history). */
    public void resetTo(ObjectId id) throws IOException {
        head = id;
        setRef("refs/heads/main", id);
    }

    public void lightweightTag(String name, ObjectId target) throws IOException {
        setRef("refs/tags/" + name, target);
    }

    public void annotatedTag(String name, ObjectId target, String tagger, String email, String isoInstant) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            TagBuilder tb = new TagBuilder();
            tb.setObjectId(target, Constants.OBJ_COMMIT);
            tb.setTag(name);
            tb.setTagger(new PersonIdent(tagger, email, at(isoInstant), ZoneOffset.UTC));
            tb.setMessage("release " + name);
            ObjectId id = ins.insert(tb);
            ins.flush();
            setRef("refs/tags/" + name, id);
        }
    }

    private void setRef(String ref, ObjectId id) throws IOException {
        RefUpdate u = repo.updateRef(ref);
        u.setNewObjectId(id);
        u.setForceUpdate(true);
        RefUpdate.Result r = u.update();
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.FAST_FORWARD
                && r != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot update " + ref + ": " + r);
        }
    }

    public ObjectId head() {
        return head;
    }

    @Override
    public void close() {
        git.close();
    }
}
