package dev.gqm.collect;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/** One Git branch to read history from. Implementations own their repository handle. */
public interface CommitSource extends AutoCloseable {
    /** The canonical location (absolute path or URL) that keys this source in the store. */
    String location();

    /** The analysed branch's tip, empty when the repository has no commits. */
    Optional<String> head() throws SourceException;

    /** True when the repository is a shallow clone: history stops at the shallow boundary. */
    boolean shallow();

    /** The text of {@code .mailmap} at the tip of the branch, or "" when there is none. */
    String mailmap() throws SourceException;

    /** Every tag of the repository that points (through annotations) at a commit. */
    java.util.List<Tag> tags() throws SourceException;

    /** True when {@code ancestor} is reachable from the tip (false when it no longer exists). */
    boolean reachesFromHead(String ancestor) throws SourceException;

    /**
     * Walks commits reachable from {@code tip} (a {@link #head()} read before) and not from any of
     * {@code known}, newest first. The tip is passed in, not read again, so that the walk and the
     * tip recorded with its commits are the same even when the branch moves meanwhile.
     */
    void walk(String tip, Collection<String> known, Consumer<Commit> sink) throws SourceException;

    @Override
    void close();
}
