package dev.gqm.collect.git;

import dev.gqm.Trace;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * so a stale cursor costs a full walk rather than an error.
     */
    @Override
    public void walk(String tip, Collection<String> known, Consumer<Commit> sink) throws SourceException {
        if (tip == null || !ObjectId.isId(tip)) {
            throw new SourceException("cannot read history of " + location + ": not a commit id: " + tip);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(ObjectId.fromString(tip)));
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
            Trace.at("walk start");
            Map<String, Signature> authors = new HashMap<>();
            for (RevCommit c : walk) {
                sink.accept(toCommit(c, authors));
                c.disposeBody();
            }
        } catch (IOException e) {
            throw damaged(e);
        } catch (org.eclipse.jgit.errors.RevWalkException e) {
            // the walk's iterator wraps what went wrong (a missing or corrupt object) unchecked
            throw damaged(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    /** A repository whose objects cannot be read: the source's fault (exit 3), naming the object. */
    private SourceException damaged(IOException e) {
        if (e instanceof MissingObjectException missing) {
            return new SourceException("the repository " + location + " is damaged: " + missing.getMessage()
                    .replace("Missing", "missing") + " (git fsck tells more)", e);
        }
        if (e instanceof org.eclipse.jgit.errors.CorruptObjectException corrupt) {
            return new SourceException("the repository " + location + " is damaged: " + corrupt.getMessage()
                    + " (git fsck tells more)", e);
        }
        return new SourceException("cannot read history of " + location + ": " + e.getMessage(), e);
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
        // one pass over the header lines: the author line, an encoding header, the message start
        int nameB = -1;
        boolean encoded = false;
        int message = -1;
        for (int line = 0; line < raw.length; line = RawParseUtils.nextLF(raw, line)) {
            if (raw[line] == '\n') {
                message = line + 1; // the blank line that ends the headers
                break;
            }
            if (nameB < 0 && startsWith(raw, line, AUTHOR)) {
                nameB = line + AUTHOR.length;
            } else if (startsWith(raw, line, ENCODING)) {
                encoded = true;
            }
        }
        if (nameB >= 0 && !encoded) {
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
        // Decoding every message is most of a walk's cost; only a few mention co-authors.
        if (message >= 0 && CoAuthorTrailers.mayContain(raw, message)) {
            coAuthors = CoAuthorTrailers.parse(c.getFullMessage());
        }
        return new Commit(c.name(), who, authored, committed, c.getParentCount(), coAuthors);
    }

    private static final byte[] AUTHOR = "author ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCODING = "encoding ".getBytes(StandardCharsets.US_ASCII);

    private static boolean startsWith(byte[] raw, int at, byte[] prefix) {
        if (raw.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (raw[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
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
