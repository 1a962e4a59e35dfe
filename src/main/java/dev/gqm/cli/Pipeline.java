package dev.gqm.cli;

import dev.gqm.Trace;
import dev.gqm.collect.IssueSource;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.Tracker;
import dev.gqm.collect.git.GitRepositorySource;
import dev.gqm.dataset.Dataset;
import dev.gqm.dataset.GitData;
import dev.gqm.dataset.IdentitiesException;
import dev.gqm.dataset.IdentitiesFile;
import dev.gqm.dataset.IdentityResolver;
import dev.gqm.dataset.IssueData;
import dev.gqm.dataset.Mailmap;
import dev.gqm.dataset.TablesawWarmup;
import dev.gqm.evaluate.Evaluator;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.evaluate.Status;
import dev.gqm.metric.Metric;
import dev.gqm.metric.MetricCatalog;
import dev.gqm.metric.Source;
import dev.gqm.model.Goal;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Model;
import dev.gqm.model.ModelException;
import dev.gqm.model.IoReason;
import dev.gqm.model.ModelLoader;
import dev.gqm.model.Note;
import dev.gqm.model.Question;
import dev.gqm.report.ControlCharacters;
import dev.gqm.report.Privacy;
import dev.gqm.report.ReportAhead;
import dev.gqm.report.ReportException;
import dev.gqm.report.ReportWriter;
import dev.gqm.store.IssueSync;
import dev.gqm.store.GitSync;
import dev.gqm.store.IssueStore;
import dev.gqm.store.Store;
import dev.gqm.store.StoreException;
import dev.gqm.store.StoreLockedException;
import dev.gqm.store.SyncResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The one place that wires the flow: model → collect → store → dataset → metrics → evaluate → report. */
final class Pipeline {
    static final String DEFAULT_MODEL = "community-health";
    private static final String BUNDLED = "/dev/gqm/models/";

    private final Context ctx;
    private final MetricCatalog catalog = new MetricCatalog();

    Pipeline(Context ctx) {
        this.ctx = ctx;
    }

    MetricCatalog catalog() {
        return catalog;
    }

    void progress(String line) {
        // a clone URL may carry user:password@: no message shows it
        // a warning can quote what a source sent: no control character reaches the terminal
        ctx.err().println("gqm: " + ControlCharacters.replaced(dev.gqm.collect.Credentials.masked(line)));
        ctx.err().flush();
    }

    /** A model file, or the name of a bundled model when no such file exists. */
    Model loadModel(String arg) {
        String name = arg == null ? DEFAULT_MODEL : arg;
        Path file = ctx.workDir().resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return new ModelLoader(catalog).load(file);
            }
            if (name.matches("[a-z0-9-]+")) {
                try (InputStream in = Pipeline.class.getResourceAsStream(BUNDLED + name + ".yaml")) {
                    if (in != null) {
                        return new ModelLoader(catalog).load(name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (ModelException e) {
            throw new GqmException(ExitCode.USAGE, String.join(System.lineSeparator(), e.problems()), e);
        } catch (IOException e) {
            throw new GqmException(ExitCode.USAGE, "cannot read model " + file + ": " + IoReason.of(e), e);
        }
        throw new GqmException(ExitCode.USAGE, "model not found: " + name + " (neither a file nor a bundled model)");
    }

    Instant asOf(RunOptions o) {
        return o.asOf == null ? ctx.clock().instant() : InstantParser.parseInRange(o.asOf);
    }

    Path outDir(RunOptions o, Model model) {
        return o.out == null ? ctx.workDir().resolve("reports").resolve(model.id()) : ctx.workDir().resolve(o.out);
    }

    /** Where {@code --store} (null: not given) puts the store: a JDBC URL as given, or a file path. */
    static String storeLocation(Context ctx, String store) {
        return store == null ? ctx.cacheDir().resolve("gqm.db").toString()
                : store.startsWith("jdbc:") ? store : ctx.workDir().resolve(store).toString();
    }

    Store openStore(SourceOptions o) {
        String where = storeLocation(ctx, o.store);
        try {
            return o.offline ? Store.openForReading(where) : Store.open(where);
        } catch (StoreLockedException e) {
            throw new GqmException(ExitCode.LOCKED, e.getMessage(), e);
        } catch (StoreException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        }
    }

    /** What collection left in the store for the git source. */
    record GitState(long sourceId, String location, String head, boolean shallow, int newCommits) {
    }

    /** A local repository being opened ahead of its collection (see {@link #openGitAhead}). */
    private GitOpening opening;

    /**
     * Starts opening a local repository on another thread (a {@link GitOpening}), or adopts the
     * one {@link Main#main} started for the same repository. The caller ends with
     * {@link #closeAhead()}.
     */
    void openGitAhead(SourceOptions o) {
        GitOpening early = GitOpening.takeEarly();
        if (o.offline || o.repo == null || looksLikeUrl(o.repo) || opening != null) {
            if (early != null) {
                early.discard();
            }
            return;
        }
        Path cache = cacheDir(o);
        String repo = repoArgument(o);
        if (early != null && early.matches(repo, o.branch, cache)) {
            opening = early;
            return;
        }
        if (early != null) {
            early.discard();
        }
        opening = GitOpening.start(repo, o.branch, cache, false);
    }

    /** Closes a repository opened ahead and never collected. */
    void closeAhead() {
        GitOpening left = opening;
        opening = null;
        if (left != null) {
            left.discard();
        }
    }

    private GitOpening.Opened openGit(String repo, String branch, Path cache) throws SourceException {
        GitOpening ahead = opening;
        if (ahead == null || !ahead.matches(repo, branch, cache)) {
            return new GitOpening.Opened(GitRepositorySource.open(repo, branch, cache), null);
        }
        opening = null;
        return ahead.take();
    }

    private Path cacheDir(SourceOptions o) {
        return o.cacheDir == null ? ctx.cacheDir() : ctx.workDir().resolve(o.cacheDir);
    }

    private String repoArgument(SourceOptions o) {
        return looksLikeUrl(o.repo) ? o.repo : ctx.workDir().resolve(o.repo).normalize().toString();
    }

    GitState collectGit(SourceOptions o, Store store) {
        return collectGit(o, store, () -> null);
    }

    /** The same, running units of {@code idle} whenever the walk keeps the store waiting (see {@link GitSync}). */
    GitState collectGit(SourceOptions o, Store store, Supplier<Runnable> idle) {
        Path cache = cacheDir(o);
        String repo = repoArgument(o);
        try {
            if (o.offline) {
                String location = GitRepositorySource.canonicalLocation(repo);
                Optional<Long> id = store.findSource("git", location);
                if (id.isEmpty() || !store.gitCollected(id.get())) {
                    throw new GqmException(ExitCode.SOURCE, "no stored history for " + location + ": run once without --offline");
                }
                return new GitState(id.get(), location, store.gitTip(id.get()).orElse(null), false, 0);
            }
            progress("reading Git history of " + repo);
            GitOpening.Opened opened = openGit(repo, o.branch, cache);
            try (GitRepositorySource source = opened.source()) {
                Trace.at("repo open");
                // a walk started before the store was open is taken over, or closed, by the sync
                SyncResult r = new GitSync(store).sync(source, opened.walk(), idle);
                progress(r.newCommits() + " new commits stored" + (r.rewritten() ? " (branch was rewritten: history re-read)" : ""));
                return new GitState(r.sourceId(), source.location(), r.head(), r.shallow(), r.newCommits());
            }
        } catch (SourceException e) {
            throw new GqmException(ExitCode.SOURCE, e.getMessage(), e);
        } catch (StoreException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        }
    }

    /** What collection left in the store for the tracker source. */
    record TrackerState(long sourceId, Trackers.Active active, int requests) {
        String repository() {
            return active.configured().repository();
        }
    }

    /**
     * The tracker the options turn on, checked before anything is collected (exit 2 when an option
     * or the credentials are wrong); empty when none was given.
     */
    Optional<Trackers.Active> checkTrackerOptions(SourceOptions o) {
        Optional<Trackers.Active> active = Trackers.active(o.tracker);
        if (active.isPresent() && !o.offline) {
            active.get().configured().credentialProblem(ctx.env()).ifPresent(problem -> {
                throw new GqmException(ExitCode.USAGE, problem);
            });
        }
        return active;
    }

    TrackerState collectTracker(SourceOptions o, Store store, Trackers.Active active) {
        String kind = active.tracker().kind();
        Tracker.Configured tracker = active.configured();
        try {
            String location = tracker.location();
            if (o.offline) {
                long stored = store.findSource(kind, location).orElseThrow(() -> new GqmException(ExitCode.SOURCE,
                        "no stored " + active.tracker().name() + " data for " + tracker.repository()
                                + ": run once without --offline"));
                return new TrackerState(stored, active, 0);
            }
            long id = store.sourceId(kind, location);
            IssueSource source = tracker.open(ctx.env(), ctx.clock(), this::progress);
            progress("reading " + tracker.describe());
            new IssueSync(store.issues(id)).sync(source);
            progress(active.tracker().name() + ": " + source.requests() + " requests"
                    + (source.notModified() == 0 ? "" : " (" + source.notModified() + " not modified)"));
            return new TrackerState(id, active, source.requests());
        } catch (SourceException e) {
            throw new GqmException(ExitCode.SOURCE, e.getMessage(), e);
        } catch (StoreException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        }
    }

    /**
     * The first metric of the model whose source the run was not given, as a one-line message
     * naming the metric and the option that gives it; empty when every source is there.
     */
    Optional<String> missingSource(RunOptions o, Model model) {
        for (Goal goal : model.goals()) {
            for (Question question : goal.questions()) {
                for (MetricUse use : question.metrics()) {
                    Source source = catalog.find(use.metric()).orElseThrow().requires();
                    if (source.tracker() && Trackers.active(o.tracker).isEmpty()) {
                        return Optional.of("metric " + use.metric() + " needs " + source.missing()
                                + ": give " + Trackers.howToGive());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some metric reads a tracker's issues or change requests. */
    static boolean needsTracker(Set<Source> needed) {
        return needed.stream().anyMatch(Source::tracker);
    }

    /** The sources the model's metrics read. */
    Set<Source> needed(Model model) {
        return model.goals().stream().flatMap(g -> g.questions().stream()).flatMap(q -> q.metrics().stream())
                .map(u -> catalog.find(u.metric()).orElseThrow().requires()).collect(Collectors.toSet());
    }

    static boolean looksLikeUrl(String repo) {
        return repo.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || repo.matches("^[^/]+@[^/:]+:.*");
    }

    IdentitiesFile identities(RunOptions o) {
        if (o.identities == null) {
            return null;
        }
        try {
            return IdentitiesFile.load(ctx.workDir().resolve(o.identities));
        } catch (IdentitiesException e) {
            throw new GqmException(ExitCode.USAGE, String.join(System.lineSeparator(), e.problems()), e);
        }
    }

    /** A model and what it measured. */
    record Measured(Model model, ModelResult result) {
    }

    /**
     * Loads the model named by the options and measures it ({@link #measure(RunOptions, Model)}),
     * with a local repository opened meanwhile on another thread.
     */
    Measured loadAndMeasure(RunOptions o) {
        return loadAndMeasure(o, model -> { });
    }

    /** The same, with {@code check} run on the model before anything is collected (it throws to stop the run). */
    Measured loadAndMeasure(RunOptions o, java.util.function.Consumer<Model> check) {
        openGitAhead(o);
        try {
            Model model = loadModel(o.model);
            check.accept(model);
            return new Measured(model, measure(o, model, true));
        } finally {
            closeAhead();
        }
    }

    /** The store being closed after a measurement, see {@link #awaitStoreClosed()}. */
    private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);

    /**
     * Collects (unless offline), builds the dataset and evaluates the model.
     *
     * @param closeLater close the store on another thread: closing writes the run's new data
     *     from SQLite's log into the database file (mostly I/O), which then overlaps writing the
     *     report; the caller ends with {@link #awaitStoreClosed()}
     */
    /**
     * A run's options checked once, up front, into the values the stages use: the instant, the
     * tracker turned on, the identities file. A usage error here creates and locks no store.
     */
    record Plan(RunOptions options, Instant asOf, Optional<Trackers.Active> tracker, IdentitiesFile identities) {
    }

    Plan plan(RunOptions o) {
        return new Plan(o, asOf(o), checkTrackerOptions(o), identities(o));
    }

    ModelResult measure(RunOptions o, Model model, boolean closeLater) {
        // options first, as before the split: a usage error creates and locks no store
        Plan plan = plan(o);
        Store store = openStore(o);
        Trace.at("store open");
        ModelResult result;
        try {
            result = measure(plan, model, store);
        } catch (RuntimeException | Error e) {
            try {
                store.close();
            } catch (StoreException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        if (closeLater) {
            closing = CompletableFuture.runAsync(() -> {
                try {
                    store.close();
                } catch (StoreException e) {
                    throw new CompletionException(e);
                }
            });
        } else {
            closeStore(store);
        }
        return result;
    }

    /** Waits for a store closed later by {@link #measure(RunOptions, Model, boolean)}; exit 4 when that failed. */
    void awaitStoreClosed() {
        try {
            closing.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoreException store) {
                throw new GqmException(ExitCode.INTERNAL, store.getMessage(), store);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void closeStore(Store store) {
        try {
            store.close();
        } catch (StoreException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        }
    }

    /** The same on a store the caller keeps open: a portfolio holds one store (and its lock) for all its repositories. */
    ModelResult measure(Plan plan, Model raw, Store store) {
        RunOptions o = plan.options();
        // the model's words as the outputs show them, here already: charts drawn ahead show them too
        Model model = ControlCharacters.replaced(raw);
        Instant asOf = plan.asOf();
        Optional<Trackers.Active> active = plan.tracker();
        IdentitiesFile identities = plan.identities();
        Instant generatedAt = ctx.clock().instant();
        Set<Source> needed = needed(model);
        List<String> warnings = new ArrayList<>();
        List<SourceInfo> sources = new ArrayList<>();
        try {
            // Work done while the Git history is read, in the moments the store waits for the walk
            // (on the second core, beside the walk, rather than as a third thread competing with
            // it): Tablesaw's class-path scan, which the dataset needs first, then what the report
            // can do before its results are known (without a tracker, its metrics are no-data
            // whatever is collected, so their charts can be drawn). What is left then runs on
            // threads of its own.
            Queue<Runnable> idle = new ConcurrentLinkedQueue<>();
            if (needed.contains(Source.GIT)) {
                idle.add(TablesawWarmup::runHere);
            }
            if (reportAheadWanted) {
                reportAhead = ReportAhead.plan(asOf, needsTracker(needed) && active.isEmpty()
                        ? noTrackerResults(model) : List.of());
                idle.addAll(reportAhead.units());
            }
            Optional<GitData> gitData = Optional.empty();
            Mailmap mailmap = Mailmap.empty();
            if (!needed.contains(Source.GIT)) {
                reportAhead.finishInBackground();
            } else {
                GitState git = collectGit(o, store, idle::poll);
                TablesawWarmup.start();
                reportAhead.finishInBackground();
                if (git.shallow()) {
                    warnings.add("shallow clone: history stops at the shallow boundary, so first contributions and older activity are truncated");
                }
                Trace.at("collected");
                mailmap = Mailmap.parse(store.mailmap(git.sourceId()));
                if (mailmap.skippedLines() > 0) {
                    warnings.add(".mailmap: " + mailmap.skippedLines() + " malformed lines ignored");
                }
                GitData data = GitData.build(store.commits(git.sourceId()), store.tags(git.sourceId()),
                        new IdentityResolver(mailmap, identities), asOf, generatedAt, git.shallow());
                Trace.at("dataset built");
                if (data.implausible() > 0) {
                    warnings.add(data.implausible() + " commits dated before 1990 or more than a day in the future"
                            + " were left out");
                }
                data.notes().stream().filter(n -> n.code().equals(Note.HISTORY_ENDS_EARLY))
                        .forEach(n -> warnings.add(n.text()));
                if (git.head() == null) {
                    warnings.add("the repository has no commits: git metrics are no-data");
                }
                gitData = Optional.of(data);
                sources.add(SourceInfo.git(git.location(), git.head()));
            }
            Optional<IssueData> tracker = Optional.empty();
            if (needsTracker(needed) && active.isPresent()) {
                TrackerState gh = collectTracker(o, store, active.get());
                IssueStore issues = store.issues(gh.sourceId());
                IssueData built = IssueData.build(issues.records(),
                        new IdentityResolver(mailmap, identities), asOf);
                if (issues.partial()) {
                    String text = "the store holds only part of " + gh.repository() + "'s issues and pull requests:"
                            + " its last collection did not finish (run again without --offline to complete it)";
                    warnings.add(text);
                    built = built.withNotes(List.of(new Note(Note.PARTIAL_COLLECTION, text)));
                }
                tracker = Optional.of(built);
                sources.add(SourceInfo.tracker(active.get().tracker().kind(), active.get().tracker().name(),
                        gh.repository(), active.get().configured().webUrl()));
            } else if (needsTracker(needed)) {
                warnings.add("no tracker given (" + Trackers.howToGive() + "): issue and change-request metrics are no-data");
            }
            warnings.forEach(w -> progress("warning: " + w));
            Dataset data = new Dataset(asOf, gitData, tracker);
            Trace.at("evaluating");
            ModelResult result = new Evaluator(catalog).evaluate(model, data, generatedAt, sources, warnings);
            // one step before any output: every writer, file or CI output, sees the same result
            ModelResult printable = ControlCharacters.replaced(result);
            return o.showEmails ? printable : Privacy.withoutEmails(printable);
        } catch (StoreException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        }
    }

    /** Whether {@link #measure} starts a {@link ReportAhead}, for {@link #write}. */
    private boolean reportAheadWanted;
    private ReportAhead reportAhead = ReportAhead.NONE;

    /** Lets the next measurement start, during collection, what a report can do before its results are known (a report, not a check). */
    void startReportAhead() {
        reportAheadWanted = true;
    }

    /** The result each metric reading the issue tracker has when no tracker is configured. */
    private List<ReportAhead.Expected> noTrackerResults(Model model) {
        List<ReportAhead.Expected> expected = new ArrayList<>();
        for (Goal goal : model.goals()) {
            for (Question question : goal.questions()) {
                for (MetricUse use : question.metrics()) {
                    Metric metric = catalog.find(use.metric()).orElseThrow();
                    if (metric.requires().tracker()) {
                        expected.add(new ReportAhead.Expected(goal.id(), question.text(),
                                new MetricResult(use, metric.unit(), null, Status.NO_DATA, null, List.of(), Items.NONE)));
                    }
                }
            }
        }
        return expected;
    }

    void write(ModelResult result, Path out) {
        ReportAhead ahead = reportAhead;
        reportAhead = ReportAhead.NONE;
        try {
            new ReportWriter().write(result, out, ahead);
        } catch (ReportException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        }
    }
}
