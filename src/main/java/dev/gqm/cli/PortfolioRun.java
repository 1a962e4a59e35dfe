package dev.gqm.cli;

import dev.gqm.collect.Credentials;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.model.Model;
import dev.gqm.report.PortfolioRow;
import dev.gqm.report.PortfolioWriter;
import dev.gqm.report.Privacy;
import dev.gqm.report.ReportException;
import dev.gqm.store.Store;
import dev.gqm.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code gqm report --portfolio FILE}: a full report per repository under {@code OUT/<name>/}, then
 * {@code OUT/index.html} and {@code OUT/portfolio.csv} comparing them.
 *
 * <p>Concurrency: the store is opened once, so this run holds its lock throughout, and the
 * repositories are collected and measured one after the other on the calling thread (one SQLite
 * connection, used by one thread). Writing a report (CSV files, charts, HTML) needs no store, so it
 * runs on a pool of {@value #WRITERS} threads while the next repository is measured.
 *
 * <p>A repository that fails is a {@code failed} row with its one-line error; the others still
 * report, and the run ends with the exit code of the worst failure (3 when a source failed).
 */
final class PortfolioRun {
    static final String DEFAULT_OUT = "reports/portfolio";
    private static final int WRITERS = 2;
    private static final List<Integer> SEVERITY = List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.SOURCE, ExitCode.LOCKED,
            ExitCode.INTERNAL, ExitCode.INTERRUPTED);

    private final Context ctx;
    private final Pipeline pipeline;
    private final boolean verbose;
    /** {@code --show-emails}: otherwise the table shows no address (SPEC §6 "Privacy"), like the reports. */
    private boolean showEmails;

    PortfolioRun(Context ctx, Pipeline pipeline, boolean verbose) {
        this.ctx = ctx;
        this.pipeline = pipeline;
        this.verbose = verbose;
    }

    /** A repository's outcome: its row, and the exit code of its failure (OK when it reported). */
    private record Outcome(PortfolioRow row, int exitCode) {
    }

    int run(RunOptions shared, String portfolioFile) {
        PortfolioFile portfolio = PortfolioFile.load(ctx.workDir().resolve(portfolioFile));
        showEmails = shared.showEmails;
        Model model = pipeline.loadModel(shared.model);
        // one instant for every repository, so that the rows compare the same moment
        Instant asOf = pipeline.asOf(shared);
        pipeline.identities(shared);
        List<Pipeline.Plan> perRepository = new ArrayList<>();
        for (PortfolioRepository repository : portfolio.repositories()) {
            // every repository's options are checked before anything is collected
            perRepository.add(pipeline.plan(forRepository(shared, repository, asOf)));
        }
        Path given = shared.out == null ? ctx.workDir().resolve(DEFAULT_OUT) : ctx.workDir().resolve(shared.out);

        List<Future<Outcome>> outcomes = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            // before any report goes into it: someone else's directory is refused, not filled
            Path out = PortfolioWriter.claim(given);
            try (Store store = pipeline.openStore(Pipeline.Sources.of(shared))) {
                for (int i = 0; i < perRepository.size(); i++) {
                    PortfolioRepository repository = portfolio.repositories().get(i);
                    String step = "[" + (i + 1) + "/" + perRepository.size() + "] " + repository.name();
                    long started = System.nanoTime();
                    try {
                        ModelResult result = pipeline.measure(perRepository.get(i), model, store);
                        outcomes.add(writers.submit(() -> write(repository, result, out.resolve(repository.name()), step,
                                started)));
                    } catch (RuntimeException e) {
                        outcomes.add(done(failed(repository, e, step, started)));
                    }
                }
            } catch (StoreException e) {
                throw Pipeline.storeFailure(e);
            }
            List<PortfolioRow> rows = new ArrayList<>();
            int exit = ExitCode.OK;
            for (Future<Outcome> future : outcomes) {
                Outcome outcome = future.get();
                rows.add(outcome.row());
                exit = worse(exit, outcome.exitCode());
            }
            new PortfolioWriter().write(model, asOf, rows, out);
            long failed = rows.stream().filter(PortfolioRow::isFailed).count();
            ctx.out().println("Portfolio written to " + given + " (" + rows.size() + " repositories"
                    + (failed > 0 ? ", " + failed + " failed" : "") + ")");
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GqmException(ExitCode.INTERRUPTED, "interrupted: what was collected is kept, a rerun resumes", e);
        } catch (ExecutionException e) {
            // write() turns every failure into an outcome, so only an Error can get here
            throw new GqmException(ExitCode.INTERNAL, "internal error: " + e.getCause(), e.getCause());
        } catch (ReportException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        } finally {
            writers.shutdownNow();
        }
    }

    private Outcome write(PortfolioRepository repository, ModelResult result, Path dir, String step, long started) {
        try {
            pipeline.write(result, dir);
        } catch (RuntimeException e) {
            return failed(repository, e, step, started);
        }
        progress(step + ": " + result.status().label() + " in " + PortfolioCollect.seconds(started) + " (" + dir + ")");
        return new Outcome(PortfolioRow.reported(repository.name(), repository.group(), shown(repository), result),
                ExitCode.OK);
    }

    private Outcome failed(PortfolioRepository repository, RuntimeException e, String step, long started) {
        int code = e instanceof GqmException g ? g.exitCode() : ExitCode.INTERNAL;
        String message = e instanceof GqmException ? e.getMessage() : "internal error: " + e;
        PortfolioRow row = PortfolioRow.failed(repository.name(), repository.group(), shown(repository),
                Credentials.masked(showEmails ? message : Privacy.text(message)));
        progress(step + ": failed after " + PortfolioCollect.seconds(started) + ": " + row.error());
        if (verbose) {
            synchronized (ctx.err()) {
                e.printStackTrace(ctx.err());
            }
        }
        return new Outcome(row, code);
    }

    private String shown(PortfolioRepository repository) {
        return Credentials.masked(showEmails ? repository.repo() : Privacy.location(repository.repo()));
    }

    private void progress(String line) {
        synchronized (ctx.err()) {
            pipeline.progress(line);
        }
    }

    /** The more serious of two exit codes: interrupted, then internal (4), then a source (3). */
    static int worse(int a, int b) {
        return SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a;
    }

    private static Future<Outcome> done(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /** The shared options with this repository's source; --as-of fixed to the portfolio's one instant. */
    private static RunOptions forRepository(RunOptions shared, PortfolioRepository repository, Instant asOf) {
        RunOptions o = sources(shared, repository, new RunOptions());
        o.model = shared.model;
        o.asOf = asOf.toString();
        o.identities = shared.identities;
        o.showEmails = shared.showEmails;
        return o;
    }

    /** {@code into} with the shared source options and the entry's own: its repository, branch and trackers. */
    static <T extends SourceOptions> T sources(SourceOptions shared, PortfolioRepository repository, T into) {
        into.repo = repository.repo();
        into.branch = repository.branch() != null ? repository.branch() : shared.branch;
        // the shared options (an API endpoint), then the entry's own: its repository on the tracker
        into.tracker.putAll(shared.tracker);
        into.tracker.putAll(repository.tracker());
        into.store = shared.store;
        into.offline = shared.offline;
        into.cacheDir = shared.cacheDir;
        into.verbose = shared.verbose;
        return into;
    }
}
