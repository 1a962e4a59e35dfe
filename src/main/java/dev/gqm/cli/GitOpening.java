package dev.gqm.cli;

import dev.gqm.Trace;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.git.GitRepositorySource;
import dev.gqm.store.WalkAhead;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A local repository being opened on another thread ahead of its collection: reading a large
 * history's pack index takes a quarter of a second, which then overlaps parsing the command
 * line, loading the model and opening the store. A failure is kept until {@link #take()}, where
 * collection would have met it. Only local paths are opened ahead: nothing is fetched before
 * the options have been checked. On a first collection (no store yet) the history starts to be
 * walked as well, see {@link WalkAhead}. {@link RunSchedule} starts and adopts these.
 */
final class GitOpening {
    /** The repository, and the walk started with it or null. */
    record Opened(GitRepositorySource source, WalkAhead walk) {
    }

    private final String repo;
    private final String branch;
    private final Path cache;
    private final CompletableFuture<Opened> opened = new CompletableFuture<>();

    private GitOpening(String repo, String branch, Path cache) {
        this.repo = repo;
        this.branch = branch;
        this.cache = cache;
    }

    /**
     * @param walk also start walking the whole history from the tip, for a store that holds
     *     nothing of this repository yet
     */
    static GitOpening start(String repo, String branch, Path cache, boolean walk) {
        GitOpening opening = new GitOpening(repo, branch, cache);
        Thread thread = new Thread(() -> {
            try {
                GitRepositorySource source = GitRepositorySource.open(repo, branch, cache);
                Trace.at("repository opened ahead");
                WalkAhead walking = null;
                try {
                    Optional<String> tip = walk ? source.head() : Optional.empty();
                    if (tip.isPresent()) {
                        walking = WalkAhead.start(source, tip.get(), Set.of());
                    }
                } catch (Throwable e) {
                    // the collection meets this again and reports it
                }
                opening.opened.complete(new Opened(source, walking));
            } catch (Throwable e) {
                opening.opened.completeExceptionally(e);
            }
        }, "gqm-git-open");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    boolean matches(String repo, String branch, Path cache) {
        return this.repo.equals(repo) && Objects.equals(this.branch, branch) && this.cache.equals(cache);
    }

    /** Waits for the repository; the caller owns (closes) it, and the walk when there is one. */
    Opened take() throws SourceException {
        try {
            return opened.join();
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

    /** Stops the walk and closes the repository, now or once its opening ends. */
    void discard() {
        opened.thenAccept(o -> {
            if (o.walk() != null) {
                o.walk().close();
            }
            o.source().close();
        });
    }
}
