package dev.gqm.cli;

import dev.gqm.Trace;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.git.GitRepositorySource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local repository being opened on another thread ahead of its collection: reading a large
 * history's pack index takes a quarter of a second, which then overlaps parsing the command
 * line, loading the model and opening the store. A failure is kept until {@link #take()}, where
 * collection would have met it. Only local paths are opened ahead: nothing is fetched before
 * the options have been checked.
 */
final class GitOpening {
    /** The one {@link Main#main} starts before the command line is parsed, until a run adopts it. */
    private static final AtomicReference<GitOpening> EARLY = new AtomicReference<>();

    private final String repo;
    private final String branch;
    private final Path cache;
    private final CompletableFuture<GitRepositorySource> source = new CompletableFuture<>();

    private GitOpening(String repo, String branch, Path cache) {
        this.repo = repo;
        this.branch = branch;
        this.cache = cache;
    }

    static GitOpening start(String repo, String branch, Path cache) {
        GitOpening opening = new GitOpening(repo, branch, cache);
        Thread thread = new Thread(() -> {
            try {
                opening.source.complete(GitRepositorySource.open(repo, branch, cache));
                Trace.at("repository opened ahead");
            } catch (Throwable e) {
                opening.source.completeExceptionally(e);
            }
        }, "gqm-git-open");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    /** Starts the process-wide early opening (see {@link Main#main}). */
    static void startEarly(String repo, String branch, Path cache) {
        GitOpening previous = EARLY.getAndSet(start(repo, branch, cache));
        if (previous != null) {
            previous.discard();
        }
    }

    /** The early opening, once: the caller adopts or discards it. */
    static GitOpening takeEarly() {
        return EARLY.getAndSet(null);
    }

    boolean matches(String repo, String branch, Path cache) {
        return this.repo.equals(repo) && Objects.equals(this.branch, branch) && this.cache.equals(cache);
    }

    /** Waits for the repository; the caller owns (closes) it. */
    GitRepositorySource take() throws SourceException {
        try {
            return source.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SourceException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Closes the repository when it is open, now or once its opening ends. */
    void discard() {
        source.thenAccept(GitRepositorySource::close);
    }
}
