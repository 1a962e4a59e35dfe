package dev.gqm.store;

import dev.gqm.Trace;
import dev.gqm.collect.CommitSource;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.Tag;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Incremental Git collection into the store. The walk stops at the tip saved last time; when
 * that tip is no longer on the branch (history rewritten) the whole branch is read again and
 * replaces what was stored. Commits are saved in one transaction as the walk yields them, so an
 * interrupted run leaves the store as it was and the next run simply resumes. The source is read
 * from two threads at once (the walk; the tags and mailmap), which JGit repositories allow.
 */
public final class GitSync {
    /**
     * What a run's schedule can give a sync beside the source: a walk it started ahead, and work
     * for the moments the store waits for the walk. {@link #NONE} gives neither.
     */
    public interface Aid {
        Aid NONE = new Aid() {
        };

        /** A walk started ahead, asked for once: the sync takes it over when it is the walk it needs and closes it otherwise; null for none. */
        default WalkAhead walkAhead() {
            return null;
        }

        /** The next unit to run while the walk keeps the store waiting (see {@link CommitFeed#whileWaiting}); null when none is left. */
        default Runnable idleUnit() {
            return null;
        }
    }

    private final Store store;
    private final Aid aid;

    public GitSync(Store store) {
        this(store, Aid.NONE);
    }

    /** A sync helped by {@code aid}. */
    public GitSync(Store store, Aid aid) {
        this.store = store;
        this.aid = aid;
    }

    public SyncResult sync(CommitSource source) throws SourceException, StoreException {
        WalkAhead ahead = aid.walkAhead();
        try (WalkAhead unused = ahead) {
            return syncWith(source, ahead);
        }
    }

    private SyncResult syncWith(CommitSource source, WalkAhead ahead) throws SourceException, StoreException {
        long sourceId = store.sourceId("git", source.location());
        Optional<String> previous = store.gitTip(sourceId);
        Optional<String> head = source.head();

        if (head.isEmpty()) {
            // nothing to walk; a source that had commits before and has none now is emptied
            store.saveGit(sourceId, List.of(), previous.isPresent(), source.tags(), source.mailmap(), "");
            return new SyncResult(sourceId, null, 0, previous.isPresent(), source.shallow());
        }
        boolean incremental = previous.isPresent() && source.reachesFromHead(previous.get());
        boolean rewritten = previous.isPresent() && !incremental;
        int saved;
        // the walk runs on a thread of its own, started first: tags and the mailmap are read while
        // it runs, and its commits are inserted as they come
        Set<String> known = incremental ? Set.of(previous.get()) : Set.of();
        CommitFeed adopted = ahead == null ? null : ahead.adopt(head.get(), known);
        if (ahead != null && adopted == null) {
            ahead.close(); // not the walk needed: stop it before starting that one
        }
        try (CommitFeed commits = adopted != null ? adopted : CommitFeed.start(source, head.get(), known)) {
            commits.whileWaiting(aid::idleUnit);
            List<Tag> tags = source.tags();
            Trace.at("tags read");
            String mailmap = source.mailmap();
            Trace.at("mailmap read");
            saved = store.saveGit(sourceId, commits, !incremental, tags, mailmap, head.get());
            Trace.at("saved");
        } catch (CommitFeed.Failure e) {
            throw e.getCause();
        }
        return new SyncResult(sourceId, head.get(), saved, rewritten, source.shallow());
    }
}
