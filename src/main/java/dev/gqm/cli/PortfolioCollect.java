package dev.gqm.cli;

import dev.gqm.collect.Credentials;
import dev.gqm.report.Privacy;
import dev.gqm.store.Store;
import dev.gqm.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gqm collect --portfolio FILE [--shard K/N] [--jobs N]}: fills the store from the
 * portfolio's entries (its shard of them), {@code jobs} entries at a time, each on a store
 * connection of its own ({@link Store#sibling}). Into PostgreSQL, many such runs write at once;
 * each entry's sources are locked for the run collecting them. An entry that fails is reported
 * and the others go on; the run ends with the exit code of the worst failure.
 */
final class PortfolioCollect {
    private static final Pattern SHARD = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    /** Shard {@code k} (1-based) of {@code n}: the entries whose position modulo {@code n} is {@code k - 1}. */
    record Shard(int k, int n) {
        static final Shard ALL = new Shard(1, 1);

        static Shard parse(String given) {
            Matcher m = given == null ? null : SHARD.matcher(given.trim());
            if (m == null || !m.matches()) {
                throw new GqmException(ExitCode.USAGE, "--shard must be K/N (shard K of N, 1 <= K <= N), such as 2/4, not " + given);
            }
            int k = Integer.parseInt(m.group(1));
            int n = Integer.parseInt(m.group(2));
            if (n < 1 || k < 1 || k > n) {
                throw new GqmException(ExitCode.USAGE, "--shard must be K/N with 1 <= K <= N, not " + given);
            }
            return new Shard(k, n);
        }

        boolean takes(int position) {
            return position % n == k - 1;
        }

        @Override
        public String toString() {
            return k + "/" + n;
        }
    }

    private final Context ctx;
    private final Pipeline pipeline;

    PortfolioCollect(Context ctx) {
        this.ctx = ctx;
        this.pipeline = new Pipeline(ctx);
    }

    /** One entry's collection: what was collected, or the failure and its exit code. */
    private record Outcome(String line, int exitCode) {
    }

    int run(SourceOptions shared, String portfolioFile, Shard shard, int jobs) {
        long started = System.nanoTime();
        PortfolioFile portfolio = PortfolioFile.load(ctx.workDir().resolve(portfolioFile));
        List<PortfolioRepository> all = portfolio.repositories();
        List<PortfolioRepository> mine = new ArrayList<>();
        List<SourceOptions> options = new ArrayList<>();
        List<Trackers.Selection> trackers = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (shard.takes(i)) {
                SourceOptions o = PortfolioRun.sources(shared, all.get(i), new SourceOptions());
                // every entry's options are checked before anything is collected
                trackers.add(pipeline.checkTrackerOptions(o));
                mine.add(all.get(i));
                options.add(o);
            }
        }
        String of = mine.size() + " of " + all.size() + " entries" + (shard.n() > 1 ? " (shard " + shard + ")" : "");
        progress("collecting " + of + ", " + Math.min(jobs, Math.max(1, mine.size())) + " at a time");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, mine.size())), r -> {
            Thread t = new Thread(r, "gqm-collect");
            t.setDaemon(true);
            return t;
        });
        int exit = ExitCode.OK;
        int failed = 0;
        try (Store store = pipeline.openStore(Pipeline.Sources.of(shared))) {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < mine.size(); i++) {
                String step = "[" + (i + 1) + "/" + mine.size() + "] " + mine.get(i).name();
                SourceOptions o = options.get(i);
                Trackers.Selection selection = trackers.get(i);
                // an entry on a connection of its own: it ends with the entry, and with it the
                // source's lock (PostgreSQL) and what the store kept in memory of its history
                boolean own = jobs > 1 || store.hasSiblings();
                outcomes.add(pool.submit(() -> collect(store, own, o, selection, step)));
            }
            for (Future<Outcome> future : outcomes) {
                Outcome outcome = future.get();
                exit = PortfolioRun.worse(exit, outcome.exitCode());
                failed += outcome.exitCode() == ExitCode.OK ? 0 : 1;
            }
        } catch (StoreException e) {
            throw Pipeline.storeFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GqmException(ExitCode.INTERRUPTED, "interrupted: what was collected is kept, a rerun resumes", e);
        } catch (ExecutionException e) {
            throw new GqmException(ExitCode.INTERNAL, "internal error: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        ctx.out().println("Collected " + of + " in " + seconds(started) + (failed > 0 ? ", " + failed + " failed" : ""));
        return exit;
    }

    /** One entry into the store: on a connection of its own unless the store can give none (in memory). */
    private Outcome collect(Store shared, boolean ownConnection, SourceOptions o, Trackers.Selection selection,
                            String step) {
        long started = System.nanoTime();
        try {
            Store store = ownConnection ? shared.sibling() : shared;
            try {
                Pipeline.Sources sources = Pipeline.Sources.of(o);
                Pipeline.GitState git = pipeline.collectGit(sources, store);
                StringBuilder what = new StringBuilder(git.newCommits() + " new commits");
                for (Trackers.Active tracker : selection.all()) {
                    Pipeline.TrackerState t = pipeline.collectTracker(sources, store, tracker);
                    what.append(", ").append(tracker.tracker().name()).append(' ').append(t.requests()).append(" requests");
                }
                String line = step + ": collected in " + seconds(started) + " (" + what + ")";
                progress(line);
                return new Outcome(line, ExitCode.OK);
            } finally {
                if (ownConnection) {
                    store.close();
                }
            }
        } catch (StoreException e) {
            return failed(step, started, Pipeline.storeFailure(e));
        } catch (RuntimeException e) {
            return failed(step, started, e);
        }
    }

    private Outcome failed(String step, long started, RuntimeException e) {
        int code = e instanceof GqmException g ? g.exitCode() : ExitCode.INTERNAL;
        String message = e instanceof GqmException ? e.getMessage() : "internal error: " + e;
        String line = step + ": failed after " + seconds(started) + ": " + Credentials.masked(Privacy.text(message));
        progress(line);
        return new Outcome(line, code);
    }

    /** The time since {@code startedNanos}, as progress lines show it: "4.1 s". */
    static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    private void progress(String line) {
        synchronized (ctx.err()) {
            pipeline.progress(line);
        }
    }
}
