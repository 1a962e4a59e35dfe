package dev.gqm.cli;

import dev.gqm.Trace;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.git.GitRepositorySource;
import dev.gqm.dataset.TablesawWarmup;
import dev.gqm.evaluate.Evaluator;
import dev.gqm.metric.Source;
import dev.gqm.model.Goal;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Model;
import dev.gqm.model.Question;
import dev.gqm.report.ReportAhead;
import dev.gqm.store.Store;
import dev.gqm.store.StoreException;
import dev.gqm.store.WalkAhead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one place that does work ahead of, or beside, the {@link Pipeline}'s stages to save time;
 * the stages' results are the same without it. It owns:
 * <ul>
 *   <li>the early start ({@link #startEarly}): before picocli reads the command line, the store's
 *       native library is loaded and the local repository starts opening ({@link GitOpening}),
 *       on a first collection with its walk ({@link WalkAhead});</li>
 *   <li>the store's idle moments during the walk ({@link dev.gqm.store.GitSync.Aid}): filled with
 *       Tablesaw's class-path scan ({@link TablesawWarmup}), which the dataset needs first, then,
 *       for a report, what it can do before its results are known ({@link ReportAhead}: the page
 *       prepared, and without a tracker the charts of its metrics, no-data whatever is collected).
 *       Run on the second core beside the walk, rather than as a third thread competing with it;
 *       what is left once the walk ends runs on threads of its own.</li>
 * </ul>
 * A run calls {@link #measure}, writes its outputs, then {@link #finish} in a {@code finally}.
 * The store is closed before the outputs are written: closing it on another thread while they
 * were written measured no gain (46 paired cold and no-change runs on git/git).
 */
final class RunSchedule implements Pipeline.Ahead {
    /** The opening {@link #startEarly} began, until a run adopts or discards it. */
    private static final AtomicReference<GitOpening> EARLY = new AtomicReference<>();
    private static final Set<String> EARLY_OPTIONS = Set.of("--repo", "--branch", "--cache-dir", "--store");

    private final Pipeline stages;
    private final boolean drawAhead;
    private final Queue<Runnable> idle = new ConcurrentLinkedQueue<>();
    private GitOpening opening;
    private WalkAhead walk;
    private boolean warmUp;
    private volatile ReportAhead charts = ReportAhead.NONE;

    /** @param drawAhead prepare the report during collection (a report; a check writes one only when asked) */
    RunSchedule(Context ctx, boolean drawAhead) {
        this.stages = new Pipeline(ctx, this);
        this.drawAhead = drawAhead;
    }

    /** The stages, with this schedule's work beside them. */
    Pipeline stages() {
        return stages;
    }

    /**
     * Loads the model named by the options, runs {@code check} on it (it throws to stop the run
     * before anything is collected), plans the run and measures it, with the work ahead around
     * the stages; the caller ends with {@link #finish()}. {@code overTime}: the outputs show the
     * metrics over time ({@link Pipeline.Plan}).
     */
    Pipeline.Measured measure(RunOptions o, boolean overTime, Consumer<Model> check) {
        Pipeline.Sources sources = Pipeline.Sources.of(o);
        openAhead(sources);
        try {
            Model model = stages.loadModel(o.model);
            check.accept(model);
            // options before the store: a usage error creates and locks no store
            Pipeline.Plan plan = stages.plan(o, overTime);
            try (Store store = stages.openStore(sources)) {
                Trace.at("store open");
                planIdleWork(plan, model);
                return new Pipeline.Measured(model, stages.measure(plan, model, store));
            } catch (StoreException e) {
                throw Pipeline.storeFailure(e);
            }
        } finally {
            discardAhead();
        }
    }

    Pipeline.Measured measure(RunOptions o) {
        return measure(o, true, model -> { });
    }

    /**
     * Starts opening the repository that {@code sources} names for a collection without
     * measurement ({@code gqm collect}); the caller ends with {@link #finish()}.
     */
    void openAhead(Pipeline.Sources sources) {
        GitOpening early = EARLY.getAndSet(null);
        if (sources.offline() || sources.repo() == null || Pipeline.looksLikeUrl(sources.repo()) || opening != null) {
            if (early != null) {
                early.discard();
            }
            return;
        }
        Path cache = stages.cacheDir(sources);
        String repo = stages.repoArgument(sources);
        if (early != null && early.matches(repo, sources.branch(), cache)) {
            opening = early;
            return;
        }
        if (early != null) {
            early.discard();
        }
        opening = GitOpening.start(repo, sources.branch(), cache, false);
    }

    /** Drops what was opened ahead and never used. */
    void finish() {
        discardAhead();
    }

    private void discardAhead() {
        GitOpening left = opening;
        opening = null;
        if (left != null) {
            left.discard();
        }
        WalkAhead unused = walk;
        walk = null;
        if (unused != null) {
            unused.close();
        }
    }

    private void planIdleWork(Pipeline.Plan plan, Model model) {
        Set<Source> needed = stages.needed(model);
        warmUp = needed.contains(Source.GIT);
        if (warmUp) {
            idle.add(TablesawWarmup::runHere);
        }
        if (drawAhead) {
            charts = ReportAhead.plan(plan.asOf(), Pipeline.needsTracker(needed) && plan.tracker().isEmpty()
                    ? noTrackerResults(Pipeline.shown(model), plan.asOf()) : List.of());
            idle.addAll(charts.units());
        }
    }

    /** The result each metric reading the issue tracker has when no tracker is given, as the evaluator gives it. */
    private List<ReportAhead.Expected> noTrackerResults(Model model, Instant asOf) {
        Evaluator evaluator = new Evaluator(stages.catalog());
        List<ReportAhead.Expected> expected = new ArrayList<>();
        for (Goal goal : model.goals()) {
            for (Question question : goal.questions()) {
                for (MetricUse use : question.metrics()) {
                    if (stages.catalog().find(use.metric()).orElseThrow().requires().tracker()) {
                        expected.add(new ReportAhead.Expected(goal.id(), question.text(),
                                evaluator.withoutItsSource(use, asOf)));
                    }
                }
            }
        }
        return expected;
    }

    @Override
    public GitRepositorySource open(String repo, String branch, Path cache) throws SourceException {
        GitOpening ahead = opening;
        if (ahead == null || !ahead.matches(repo, branch, cache)) {
            return GitRepositorySource.open(repo, branch, cache);
        }
        opening = null;
        GitOpening.Opened opened = ahead.take();
        walk = opened.walk();
        return opened.source();
    }

    @Override
    public WalkAhead walkAhead() {
        WalkAhead taken = walk;
        walk = null;
        return taken;
    }

    @Override
    public Runnable idleUnit() {
        return idle.poll();
    }

    @Override
    public void gitCollected() {
        idle.clear();
        if (warmUp) {
            TablesawWarmup.start();
        }
        charts.finishInBackground();
    }

    @Override
    public ReportAhead charts() {
        return charts;
    }

    /**
     * Before picocli has read the command line (a tenth of a second of reflection), a command that
     * collects gets a head start on the second core: the store's native library is loaded, and the
     * local repository that {@code --repo} names (or the current directory) starts opening. When
     * the store file does not exist yet, so that nothing of the history is stored, its walk starts
     * too. Only plain {@code --repo X}, {@code --repo=X}, {@code --branch}, {@code --cache-dir} and
     * {@code --store} are looked at; whatever picocli then reads, the run uses the early repository
     * only when it is the same one ({@link #openAhead}), and the early walk only when it is the
     * walk the collection needs ({@link dev.gqm.store.GitSync}), so a misread costs nothing but the
     * early work.
     */
    static void startEarly(Context ctx, String[] args) {
        if (args.length == 0 || !List.of("report", "check", "collect").contains(args[0])) {
            return;
        }
        Thread store = new Thread(() -> Store.prepare(ctx.cacheDir()), "gqm-store-prepare");
        store.setDaemon(true);
        store.start();
        // the options looked at, as "--name value" or "--name=value"; the last one given wins
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--offline") || a.equals("--portfolio") || a.startsWith("--portfolio=") || a.equals("--")) {
                return;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!EARLY_OPTIONS.contains(name)) {
                continue;
            }
            if (eq >= 0) {
                options.put(name, a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            }
        }
        String repo = options.getOrDefault("--repo", ".");
        if (repo.isEmpty() || Pipeline.looksLikeUrl(repo)) {
            return;
        }
        try {
            String storeAt = Pipeline.storeLocation(ctx, options.get("--store"));
            boolean noStore = !storeAt.startsWith("jdbc:") && !Files.exists(Path.of(storeAt));
            String cacheDir = options.get("--cache-dir");
            GitOpening early = GitOpening.start(ctx.workDir().resolve(repo).normalize().toString(), options.get("--branch"),
                    cacheDir == null ? ctx.cacheDir() : ctx.workDir().resolve(cacheDir), noStore);
            GitOpening previous = EARLY.getAndSet(early);
            if (previous != null) {
                previous.discard();
            }
        } catch (RuntimeException e) {
            // an odd path: the run meets it again and reports it
        }
    }

    /** The early opening, once: the caller adopts or discards it. */
    static GitOpening takeEarly() {
        return EARLY.getAndSet(null);
    }

    /** Drops an early opening no run adopted (the command did not collect, or failed first). */
    static void discardEarly() {
        GitOpening left = takeEarly();
        if (left != null) {
            left.discard();
        }
    }
}
