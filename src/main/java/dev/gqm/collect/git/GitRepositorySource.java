package dev.gqm.collect.git;

import dev.gqm.collect.Commit;
import dev.gqm.collect.CommitSource;
import dev.gqm.collect.Signature;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.Tag;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.RawParseUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One branch of a Git repository read with JGit: a local path (bare or not, or any directory
 * inside a work tree) or a clone URL kept as a bare clone in the cache.
 *
 * <p>{@link #location()} is the repository's root (its work tree, or its Git directory when
 * bare) as an absolute normalised path, so opening it from a subdirectory keys the same store
 * entry; for a URL it is the URL as given, without any password or HTTP token.
 *
 * <p>Tag dates: an annotated tag has its tagger date; a lightweight tag (or an annotated tag
 * without a tagger line) takes the tagged commit's <em>committer</em> date, the moment the
 * commit entered the branch, which is closer to a release date than the author date of a
 * rebased commit.
 */
public final class GitRepositorySource implements CommitSource {
    private final Repository repository;
    private final String location;
    private final String branch;
    private final boolean shallow;

    private GitRepositorySource(Repository repository, String location, String branch, boolean shallow) {
        this.repository = repository;
        this.location = location;
        this.branch = branch;
        this.shallow = shallow;
    }

    /**
     * Opens a local repository or clones/fetches a URL into {@code cacheDir/repos/}.
     *
     * @param branch the branch to analyse; null means whatever HEAD points at
     */
    public static GitRepositorySource open(String pathOrUrl, String branch, Path cacheDir) throws SourceException {
        if (pathOrUrl == null || pathOrUrl.isBlank()) {
            throw new SourceException("no repository given");
        }
        Repository repository;
        String location;
        if (CachedClone.isUrl(pathOrUrl)) {
            CachedClone clone = CachedClone.of(pathOrUrl);
            Path gitDir = clone.update(cacheDir);
            repository = openGitDir(gitDir, pathOrUrl);
            location = clone.displayUrl();
        } else {
            Path path = Path.of(pathOrUrl).toAbsolutePath().normalize();
            repository = openLocal(path);
            Path root = repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath();
            location = root.toAbsolutePath().normalize().toString();
        }
        try {
            boolean shallow = !repository.getObjectDatabase().getShallowCommits().isEmpty();
            GitRepositorySource source = new GitRepositorySource(repository, location, branch, shallow);
            source.head(); // fail now on an unknown branch, not in the middle of a collection
            return source;
        } catch (IOException e) {
            repository.close();
            throw new SourceException("cannot read repository " + location + ": " + e.getMessage(), e);
        } catch (SourceException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /**
     * The location {@link #open} would key the source by, found without any network access
     * (for reports from the store alone).
     */
    public static String canonicalLocation(String pathOrUrl) throws SourceException {
        if (CachedClone.isUrl(pathOrUrl)) {
            return CachedClone.of(pathOrUrl).displayUrl();
        }
        Path path = Path.of(pathOrUrl).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            return path.toString();
        }
        try (Repository repository = openLocal(path)) {
            Path root = repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath();
            return root.toAbsolutePath().normalize().toString();
        }
    }

    private static Repository openLocal(Path path) throws SourceException {
        if (!Files.exists(path)) {
            throw new SourceException("repository not found: " + path);
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(path.toFile());
        if (builder.getGitDir() == null) {
            throw new SourceException("not a Git repository: " + path);
        }
        try {
            return builder.setMustExist(true).build();
        } catch (IOException | RuntimeException e) {
            throw new SourceException("not a Git repository: " + path + " (" + e.getMessage() + ")", e);
        }
    }

    private static Repository openGitDir(Path gitDir, String shown) throws SourceException {
        try {
            return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
        } catch (IOException | RuntimeException e) {
            throw new SourceException("cannot open the cached clone of " + shown + " in " + gitDir + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Optional<String> head() throws SourceException {
        return tip().map(ObjectId::name);
    }

    private Optional<ObjectId> tip() throws SourceException {
        try {
            if (branch == null) {
                Ref head = repository.exactRef(Constants.HEAD);
                if (head == null || head.getObjectId() == null) {
                    return Optional.empty(); // unborn branch: no commits yet
                }
                return Optional.of(peelToCommit(head.getObjectId()));
            }
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            if (ref == null) {
                ref = repository.findRef(branch);
            }
            if (ref == null || ref.getObjectId() == null) {
                throw new SourceException("branch not found: " + branch + " in " + location);
            }
            return Optional.of(peelToCommit(ref.getObjectId()));
        } catch (IOException e) {
            throw new SourceException("cannot read the tip of " + location + ": " + e.getMessage(), e);
        }
    }

    private ObjectId peelToCommit(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id).copy();
        }
    }

    @Override
    public boolean shallow() {
        return shallow;
    }

    @Override
    public String mailmap() throws SourceException {
        Optional<ObjectId> tip = tip();
        if (tip.isEmpty()) {
            return "";
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(tip.get());
            try (TreeWalk tree = TreeWalk.forPath(repository, ".mailmap", commit.getTree())) {
                if (tree == null || !FileMode.REGULAR_FILE.equals(tree.getFileMode(0))
                        && !FileMode.EXECUTABLE_FILE.equals(tree.getFileMode(0))) {
                    return "";
                }
                byte[] bytes = repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).getBytes();
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new SourceException("cannot read .mailmap in " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every tag ending at a commit. Tags on trees or blobs, and tags whose objects are missing
     * (a shallow or partial clone), are left out: they cannot be placed in history.
     */
    @Override
    public List<Tag> tags() throws SourceException {
        List<Tag> tags = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                if (ref.getObjectId() == null) {
                    continue;
                }
                RevObject object;
                try {
                    object = walk.parseAny(ref.getObjectId());
                } catch (MissingObjectException e) {
                    continue;
                }
                Instant taggerDate = null;
                if (object instanceof RevTag tag) {
                    PersonIdent tagger = tag.getTaggerIdent();
                    taggerDate = tagger == null ? null : tagger.getWhenAsInstant();
                }
                RevObject peeled;
                try {
                    peeled = walk.peel(object);
                } catch (MissingObjectException e) {
                    continue;
                }
                if (!(peeled instanceof RevCommit commit)) {
                    continue;
                }
                walk.parseHeaders(commit);
                Instant date = taggerDate != null ? taggerDate : Instant.ofEpochSecond(commit.getCommitTime());
                tags.add(new Tag(ref.getName().substring(Constants.R_TAGS.length()), commit.name(), date));
            }
        } catch (IOException e) {
            throw new SourceException("cannot read the tags of " + location + ": " + e.getMessage(), e);
        }
        return tags;
    }

    @Override
    public boolean reachesFromHead(String ancestor) throws SourceException {
        if (ancestor == null || !ObjectId.isId(ancestor)) {
            return false;
        }
        Optional<ObjectId> tip = tip();
        if (tip.isEmpty()) {
            return false;
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit base;
            try {
                base = walk.parseCommit(ObjectId.fromString(ancestor));
            } catch (MissingObjectException | IncorrectObjectTypeException e) {
                return false; // gone after a force push and gc, or never a commit here
            }
            return walk.isMergedInto(base, walk.parseCommit(tip.get()));
        } catch (IOException e) {
            throw new SourceException("cannot read history of " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Commit metadata only: no diffs. Commits in {@code known} that no longer exist are ignored,
     * so a stale cursor costs a full walk rather than an error. A first walk of a long history
     * is split in two halves read on two threads (see {@link #walkInTwo}); the sink is still
     * called by one thread at a time.
     */
    @Override
    public void walk(Collection<String> known, Consumer<Commit> sink) throws SourceException {
        Optional<ObjectId> tip = tip();
        if (tip.isEmpty()) {
            return;
        }
        try {
            if (known.isEmpty()) {
                Optional<ObjectId> middle = splitPoint(tip.get());
                if (middle.isPresent()) {
                    walkInTwo(tip.get(), middle.get(), sink);
                    return;
                }
            }
            try (RevWalk walk = new RevWalk(repository)) {
                walk.markStart(walk.parseCommit(tip.get()));
                for (String sha : known) {
                    if (sha == null || !ObjectId.isId(sha)) {
                        continue;
                    }
                    try {
                        walk.markUninteresting(walk.parseCommit(ObjectId.fromString(sha)));
                    } catch (MissingObjectException | IncorrectObjectTypeException e) {
                        // a cursor the repository no longer has: walk as if it were unknown
                    }
                }
                dev.gqm.Trace.at("walk start");
                Map<String, Signature> authors = new HashMap<>();
                for (RevCommit c : walk) {
                    sink.accept(toCommit(c, authors));
                    c.disposeBody();
                }
            }
        } catch (IOException e) {
            throw new SourceException("cannot read history of " + location + ": " + e.getMessage(), e);
        }
    }

    /** Fewer tags than this and the history is read by one walk. */
    private static final int SPLIT_MIN_TAGS = 16;
    /** Tags looked at to choose the split point, evenly sampled by name. */
    private static final int SPLIT_SAMPLE = 256;
    /** Commits handed to the sink at a time by each half. */
    private static final int SPLIT_BATCH = 512;

    /**
     * Where to split a first walk: the commit of the tag two thirds of the way through the tags'
     * commit times. The newer half costs more than its share: its walk also reads the commits
     * just older than the split point until every branch it follows has joined the older half
     * (on git/git, splitting at the middle tag gave the halves 46k and 36k commits and the newer
     * took twice as long). Empty for a history with few tags. The tag's commit need not be on
     * the branch: {@link #walkInTwo} checks that it is.
     */
    private Optional<ObjectId> splitPoint(ObjectId tip) throws IOException {
        List<Ref> refs = repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS);
        if (refs.size() < SPLIT_MIN_TAGS) {
            return Optional.empty();
        }
        List<RevCommit> tagged = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(tip);
            int step = Math.max(1, refs.size() / SPLIT_SAMPLE);
            for (int i = 0; i < refs.size(); i += step) {
                Ref ref = refs.get(i);
                ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
                if (id == null) {
                    continue;
                }
                try {
                    if (walk.peel(walk.parseAny(id)) instanceof RevCommit commit) {
                        walk.parseHeaders(commit);
                        if (!commit.equals(head) && commit.getCommitTime() < head.getCommitTime()) {
                            tagged.add(commit);
                        }
                    }
                } catch (MissingObjectException | IncorrectObjectTypeException e) {
                    // a tag whose objects are missing (shallow or partial clone): not a candidate
                }
            }
            if (tagged.size() < SPLIT_MIN_TAGS) {
                return Optional.empty();
            }
            tagged.sort(Comparator.comparingInt(RevCommit::getCommitTime));
            return Optional.of(tagged.get(tagged.size() * 2 / 3).copy());
        }
    }

    /**
     * Reads the branch as two halves at once, each on its own thread: the ancestors of
     * {@code middle}, and the commits reachable from the tip but not from {@code middle} (JGit
     * marks the latter's walk uninteresting at {@code middle}). Together they are the branch
     * exactly when {@code middle} is on it, which the newer half proves by meeting a child of
     * {@code middle}; until then the older half's commits are held back. If no child turns up,
     * the older half is dropped and the branch walked whole, skipping what was delivered.
     * Inflating commit objects is most of a walk's time, and each half inflates its own.
     */
    private void walkInTwo(ObjectId tip, ObjectId middle, Consumer<Commit> sink) throws IOException, SourceException {
        dev.gqm.Trace.at("walk start (two halves)");
        Set<ObjectId> seen = ConcurrentHashMap.newKeySet();
        List<Commit> held = new ArrayList<>();
        boolean[] onBranch = {false}; // guarded by held
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> olderFailure = new AtomicReference<>();
        Thread older = new Thread(() -> {
            try (RevWalk walk = new RevWalk(repository)) {
                walk.markStart(walk.parseCommit(middle));
                Map<String, Signature> authors = new HashMap<>();
                List<Commit> batch = new ArrayList<>(SPLIT_BATCH);
                for (RevCommit c : walk) {
                    if (stop.get()) {
                        return;
                    }
                    if (seen.add(c.copy())) {
                        batch.add(toCommit(c, authors));
                    }
                    c.disposeBody();
                    if (batch.size() == SPLIT_BATCH) {
                        deliverOrHold(batch, held, onBranch, sink);
                        batch = new ArrayList<>(SPLIT_BATCH);
                    }
                }
                deliverOrHold(batch, held, onBranch, sink);
                dev.gqm.Trace.at("older half read");
            } catch (Throwable e) {
                olderFailure.set(e);
            }
        }, "gqm-git-walk-older");
        older.setDaemon(true);
        older.start();
        Set<ObjectId> delivered = new HashSet<>();
        try {
            try (RevWalk walk = new RevWalk(repository)) {
                RevCommit middleCommit = walk.parseCommit(middle);
                walk.markStart(walk.parseCommit(tip));
                walk.markUninteresting(middleCommit);
                Map<String, Signature> authors = new HashMap<>();
                List<Commit> batch = new ArrayList<>(SPLIT_BATCH);
                boolean proven = false;
                for (RevCommit c : walk) {
                    if (!proven && isChildOf(c, middleCommit)) {
                        proven = true;
                        dev.gqm.Trace.at("split point on the branch; " + held.size() + " older commits held");
                        deliver(release(held, onBranch), sink);
                    }
                    ObjectId id = c.copy();
                    if (seen.add(id)) {
                        delivered.add(id);
                        batch.add(toCommit(c, authors));
                    }
                    c.disposeBody();
                    if (batch.size() == SPLIT_BATCH) {
                        deliver(batch, sink);
                        batch = new ArrayList<>(SPLIT_BATCH);
                    }
                }
                deliver(batch, sink);
                dev.gqm.Trace.at("newer half read: " + delivered.size());
            }
            join(older);
        } finally {
            stop.set(true);
            join(older);
        }
        Throwable failure = olderFailure.get();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        synchronized (held) {
            if (onBranch[0]) {
                deliver(release(held, onBranch), sink);
                return;
            }
        }
        // the tag is not on this branch: read the branch whole, without what the newer half delivered
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(tip));
            Map<String, Signature> authors = new HashMap<>();
            for (RevCommit c : walk) {
                if (!delivered.contains(c)) {
                    sink.accept(toCommit(c, authors));
                }
                c.disposeBody();
            }
        }
    }

    private static boolean isChildOf(RevCommit c, RevCommit parent) {
        for (RevCommit p : c.getParents()) {
            if (p.equals(parent)) {
                return true;
            }
        }
        return false;
    }

    /** Marks the older half as on the branch and takes what it held back. */
    private static List<Commit> release(List<Commit> held, boolean[] onBranch) {
        synchronized (held) {
            onBranch[0] = true;
            List<Commit> out = new ArrayList<>(held);
            held.clear();
            return out;
        }
    }

    private static void deliverOrHold(List<Commit> batch, List<Commit> held, boolean[] onBranch, Consumer<Commit> sink) {
        synchronized (held) {
            if (!onBranch[0]) {
                held.addAll(batch);
                return;
            }
        }
        deliver(batch, sink);
    }

    /** The sink is called by one thread at a time. */
    private static void deliver(List<Commit> batch, Consumer<Commit> sink) {
        synchronized (sink) {
            batch.forEach(sink);
        }
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Commit metadata from the raw object. The author line is read from its bytes: a large history
     * has a few thousand authors for a hundred thousand commits, so {@code name <email>} is
     * decoded once per distinct byte sequence (the cache) and only the time is parsed per commit.
     * A commit with an {@code encoding} header, or an author line out of the usual shape, takes
     * JGit's full parse.
     */
    private static Commit toCommit(RevCommit c, Map<String, Signature> authors) {
        byte[] raw = c.getRawBuffer();
        Instant committed = Instant.ofEpochSecond(c.getCommitTime());
        Signature who = null;
        Instant authored = null;
        int nameB = RawParseUtils.author(raw, 0);
        if (nameB >= 0 && RawParseUtils.encoding(raw, 0) < 0) {
            int lineEnd = RawParseUtils.nextLF(raw, nameB) - 1;
            int gt = lineEnd - 1;
            while (gt > nameB && raw[gt] != '>') {
                gt--;
            }
            if (raw[gt] == '>' && usualTimeAndZone(raw, gt + 1, lineEnd)) {
                String key = new String(raw, nameB, gt + 1 - nameB, StandardCharsets.ISO_8859_1);
                who = authors.get(key);
                if (who == null) {
                    PersonIdent author = RawParseUtils.parsePersonIdent(raw, nameB);
                    if (author != null) {
                        who = new Signature(author.getName(), author.getEmailAddress());
                        authors.put(key, who);
                    }
                }
                authored = Instant.ofEpochSecond(RawParseUtils.parseLongBase10(raw, gt + 2, null));
            }
        }
        if (who == null) {
            PersonIdent author = c.getAuthorIdent();
            who = author == null ? new Signature("", "") : new Signature(author.getName(), author.getEmailAddress());
            authored = author == null ? committed : author.getWhenAsInstant();
        }
        List<Signature> coAuthors = List.of();
        int message = RawParseUtils.commitMessage(raw, 0);
        // Decoding every message is most of a walk's cost; only a few mention co-authors.
        if (message >= 0 && CoAuthorTrailers.mayContain(raw, message)) {
            coAuthors = CoAuthorTrailers.parse(c.getFullMessage());
        }
        return new Commit(c.name(), who, authored, committed, c.getParentCount(), coAuthors);
    }

    /** True when {@code raw[from, end)} is exactly " <digits> <+|-><4 digits>", the shape git writes. */
    private static boolean usualTimeAndZone(byte[] raw, int from, int end) {
        int i = from;
        if (i >= end || raw[i++] != ' ') {
            return false;
        }
        int digits = i;
        while (i < end && raw[i] >= '0' && raw[i] <= '9') {
            i++;
        }
        if (i == digits || i - digits > 18 || end - i != 6 || raw[i] != ' ' || raw[i + 1] != '+' && raw[i + 1] != '-') {
            return false;
        }
        for (int k = i + 2; k < end; k++) {
            if (raw[k] < '0' || raw[k] > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        repository.close();
    }
}
