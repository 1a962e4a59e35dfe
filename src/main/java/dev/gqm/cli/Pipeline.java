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
import dev.gqm.evaluate.Evaluator;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.SourceInfo;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that wires the flow, as stages that each take values and give one: the options
 * checked into a {@link Plan}, then {@link #collect} (Git and the tracker into the store) →
 * {@link #load} (the dataset for the as-of) → {@link #evaluate} (measured, judged and cleaned for
 * output) → {@link #write} (the report). What is done ahead of or beside them to save time is
 * the {@link Ahead} given at construction ({@link RunSchedule}), not theirs.
 */
final class Pipeline {
    static final String DEFAULT_MODEL = "community-health";
    private static final String BUNDLED = "/dev/gqm/models/";

    private final Context ctx;
    private final MetricCatalog catalog = new MetricCatalog();
    private final Ahead ahead;

    /** Stages with nothing done ahead. */
    Pipeline(Context ctx) {
        this(ctx, Ahead.NONE);
    }

    Pipeline(Context ctx, Ahead ahead) {
        this.ctx = ctx;
        this.ahead = ahead;
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

    Store openStore(Sources o) {
        String where = storeLocation(ctx, o.store());
        try {
            Store store = o.offline() ? Store.openForReading(where, ctx.env(), ctx.home())
                    : Store.open(where, ctx.env(), ctx.home());
            store.warnings().forEach(w -> progress("warning: " + w));
            return store;
        } catch (StoreException e) {
            throw storeFailure(e);
        }
    }

    /** What collection left in the store for the git source. */
    record GitState(long sourceId, String location, String head, boolean shallow, int newCommits) {
    }

    /**
     * What a run's schedule does beside the stages ({@link RunSchedule}): it may hand over a
     * repository opened ahead and the walk started with it, fill the store's idle moments during
     * the walk, start what was left of that work once the Git stage is over, and give the report
     * the charts it drew meanwhile. {@link #NONE} does nothing ahead.
     */
    interface Ahead extends GitSync.Aid {
        Ahead NONE = new Ahead() {
        };

        /** The repository, opened ahead or now; the caller closes it. */
        default GitRepositorySource open(String repo, String branch, Path cache) throws SourceException {
            return GitRepositorySource.open(repo, branch, cache);
        }

        /** The Git history is in the store, or the model reads none: the store has no more idle moments to offer. */
        default void gitCollected() {
        }

        /** The charts drawn ahead for the report. */
        default ReportAhead charts() {
            return ReportAhead.NONE;
        }
    }

    Path cacheDir(Sources o) {
        return o.cacheDir() == null ? ctx.cacheDir() : ctx.workDir().resolve(o.cacheDir());
    }

    String repoArgument(Sources o) {
        return looksLikeUrl(o.repo()) ? o.repo() : ctx.workDir().resolve(o.repo()).normalize().toString();
    }

    /** The collect stage for Git: the history into the store (unless offline), and what the store then holds. */
    GitState collectGit(Sources o, Store store) {
        Path cache = cacheDir(o);
        String repo = repoArgument(o);
        try {
            if (o.offline()) {
                String location = GitRepositorySource.canonicalLocation(repo);
                Optional<Long> id = store.findSource("git", location);
                if (id.isEmpty() || !store.gitCollected(id.get())) {
                    throw new GqmException(ExitCode.SOURCE, "no stored history for " + location + ": run once without --offline");
                }
                return new GitState(id.get(), location, store.gitTip(id.get()).orElse(null), false, 0);
            }
            progress("reading Git history of " + repo);
            try (GitRepositorySource source = ahead.open(repo, o.branch(), cache)) {
                Trace.at("repo open");
                // a walk started before the store was open is taken over, or closed, by the sync
                SyncResult r = new GitSync(store, ahead).sync(source);
                progress(r.newCommits() + " new commits stored" + (r.rewritten() ? " (branch was rewritten: history re-read)" : ""));
                return new GitState(r.sourceId(), source.location(), r.head(), r.shallow(), r.newCommits());
            }
        } catch (SourceException e) {
            throw new GqmException(ExitCode.SOURCE, e.getMessage(), e);
        } catch (StoreException e) {
            throw storeFailure(e);
        }
    }

    /** What collection left in the store for the tracker source. */
    record TrackerState(long sourceId, Trackers.Active active, int requests) {
        String repository() {
            return active.configured().repository();
        }
    }

    /**
     * The trackers the options turn on (a forge, a bug tracker), checked before anything is
     * collected (exit 2 when an option or the credentials are wrong); none when none was given.
     */
    Trackers.Selection checkTrackerOptions(SourceOptions o) {
        Trackers.Selection selection = Trackers.select(o.tracker);
        if (!o.offline) {
            for (Trackers.Active active : selection.all()) {
                active.configured().credentialProblem(ctx.env()).ifPresent(problem -> {
                    throw new GqmException(ExitCode.USAGE, problem);
                });
            }
        }
        return selection;
    }

    /** The collect stage for a tracker, its whole history. */
    TrackerState collectTracker(Sources o, Store store, Trackers.Active active) {
        return collectTracker(o, store, active, null);
    }

    /**
     * The collect stage for a tracker; with {@code openAsOf}, the run needs only the items open at
     * that instant, the present ({@link IssueSync}; null: the whole history).
     */
    TrackerState collectTracker(Sources o, Store store, Trackers.Active active, Instant openAsOf) {
        String kind = active.tracker().kind();
        Tracker.Configured tracker = active.configured();
        try {
            String location = tracker.location();
            if (o.offline()) {
                long stored = store.findSource(kind, location).orElseThrow(() -> new GqmException(ExitCode.SOURCE,
                        "no stored " + active.tracker().name() + " data for " + tracker.repository()
                                + ": run once without --offline"));
                return new TrackerState(stored, active, 0);
            }
            long id = store.sourceId(kind, location);
            IssueSource source = tracker.open(ctx.env(), ctx.clock(), this::progress);
            progress("reading " + tracker.describe());
            new IssueSync(store.issues(id)).sync(source, openAsOf);
            progress(active.tracker().name() + ": " + source.requests() + " requests"
                    + (source.points() == 0 ? "" : ", " + source.points() + " points")
                    + (source.notModified() == 0 ? "" : " (" + source.notModified() + " not modified)"));
            return new TrackerState(id, active, source.requests());
        } catch (SourceException e) {
            throw new GqmException(ExitCode.SOURCE, e.getMessage(), e);
        } catch (StoreException e) {
            throw storeFailure(e);
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
                    if (!Trackers.select(o.tracker).gives(source)) {
                        return Optional.of("metric " + use.metric() + " needs " + source.missing()
                                + ": give " + Trackers.howToGive(source));
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

    /** How long before the run's start an as-of still counts as the present, for {@link #openItemsSuffice}. */
    static final java.time.Duration PRESENT = java.time.Duration.ofMinutes(1);

    /** Whether {@code asOf} is the present when the run starts at {@code start}: not after it, at most {@link #PRESENT} before. */
    static boolean present(Instant asOf, Instant start) {
        return !asOf.isAfter(start) && !asOf.isBefore(start.minus(PRESENT));
    }

    /**
     * Whether the run needs only the tracker items open now: the outputs show no series over time,
     * as-of is the present when the run was planned (however long the stages before collection
     * take), and every tracker metric of the model {@link
     * dev.gqm.metric.Metric#readsOnlyOpenItems reads only the open items}.
     */
    boolean openItemsSuffice(Plan plan, Model model) {
        if (plan.overTime() || !plan.asOfIsPresent()) {
            return false;
        }
        return model.goals().stream().flatMap(g -> g.questions().stream()).flatMap(q -> q.metrics().stream())
                .map(u -> catalog.find(u.metric()).orElseThrow())
                .filter(m -> m.requires().tracker())
                .allMatch(dev.gqm.metric.Metric::readsOnlyOpenItems);
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

    /** Where a run's data comes from and is kept, as given: {@link SourceOptions} fixed for the stages. */
    record Sources(String repo, String branch, String store, boolean offline, String cacheDir) {
        static Sources of(SourceOptions o) {
            return new Sources(o.repo, o.branch, o.store, o.offline, o.cacheDir);
        }
    }

    /**
     * A run's options checked once, up front, into the values the stages use: the sources, the
     * instant, the tracker turned on, the identities file, whether e-mails stay, whether the
     * outputs show the metrics over time (a report's series and charts). A usage error here
     * creates and locks no store.
     */
    record Plan(Sources sources, Instant asOf, Trackers.Selection tracker, IdentitiesFile identities,
                boolean showEmails, boolean overTime, boolean asOfIsPresent) {
    }

    /** The plan of a run whose outputs show the metrics over time (a report). */
    Plan plan(RunOptions o) {
        return plan(o, true);
    }

    Plan plan(RunOptions o, boolean overTime) {
        Instant start = ctx.clock().instant();
        Instant asOf = o.asOf == null ? start : asOf(o);
        return new Plan(Sources.of(o), asOf, checkTrackerOptions(o), identities(o), o.showEmails, overTime,
                present(asOf, start));
    }

    /** A model and what it measured. */
    record Measured(Model model, ModelResult result) {
    }

    /** The model's words as the outputs show them: charts drawn ahead show them too. */
    static Model shown(Model model) {
        return ControlCharacters.replaced(model);
    }

    /** The stages from collection to a result, on a store the caller opened and closes. */
    ModelResult measure(Plan plan, Model raw, Store store) {
        Model model = shown(raw);
        Loaded loaded;
        // what is read, is read from one moment of the store (another run may be writing into a shared one)
        try {
            if (plan.sources().offline()) {
                try (Store.Snapshot snapshot = store.snapshot()) {
                    loaded = load(plan, collect(plan, model, store), store);
                }
            } else {
                Collected collected = collect(plan, model, store);
                try (Store.Snapshot snapshot = store.snapshot()) {
                    loaded = load(plan, collected, store);
                }
            }
        } catch (StoreException e) {
            throw storeFailure(e);
        }
        return evaluate(plan, model, loaded);
    }

    /** A store's failure as the run ends with it: exit 5 when another run holds a lock, else 4. */
    static GqmException storeFailure(StoreException e) {
        return new GqmException(e instanceof StoreLockedException ? ExitCode.LOCKED : ExitCode.INTERNAL, e.getMessage(), e);
    }

    /**
     * What the collect stage left in the store: the sources the model reads, each when collected;
     * {@code openOnly}: the run needed only the tracker items open now.
     */
    record Collected(Instant generatedAt, Set<Source> needed, Optional<GitState> git, List<TrackerState> trackers,
                     boolean openOnly) {
        Collected {
            trackers = List.copyOf(trackers);
        }
    }

    /** The collect stage: the sources the model reads, into the store (from it alone when offline). */
    Collected collect(Plan plan, Model model, Store store) {
        Instant generatedAt = ctx.clock().instant();
        Set<Source> needed = needed(model);
        Optional<GitState> git = Optional.empty();
        if (needed.contains(Source.GIT)) {
            git = Optional.of(collectGit(plan.sources(), store));
        }
        ahead.gitCollected();
        List<TrackerState> trackers = new ArrayList<>();
        boolean openOnly = openItemsSuffice(plan, model);
        if (needsTracker(needed)) {
            for (Trackers.Active active : plan.tracker().all()) {
                trackers.add(collectTracker(plan.sources(), store, active, openOnly ? plan.asOf() : null));
            }
        }
        return new Collected(generatedAt, needed, git, trackers, openOnly);
    }

    /** The dataset stage's value: the dataset, when it was made, the sources it was built from and the run's warnings. */
    record Loaded(Dataset dataset, Instant generatedAt, List<SourceInfo> sources, List<String> warnings) {
        Loaded {
            sources = List.copyOf(sources);
            warnings = List.copyOf(warnings);
        }
    }

    /** The dataset stage: what was collected, read from the store as of the plan's instant; the warnings are shown here. */
    Loaded load(Plan plan, Collected collected, Store store) {
        Instant asOf = plan.asOf();
        IdentitiesFile identities = plan.identities();
        List<String> warnings = new ArrayList<>();
        List<SourceInfo> sources = new ArrayList<>();
        try {
            Optional<GitData> gitData = Optional.empty();
            Mailmap mailmap = Mailmap.empty();
            if (collected.git().isPresent()) {
                GitState git = collected.git().get();
                if (git.shallow()) {
                    warnings.add("shallow clone: history stops at the shallow boundary, so first contributions and older activity are truncated");
                }
                Trace.at("collected");
                mailmap = Mailmap.parse(store.mailmap(git.sourceId()));
                if (mailmap.skippedLines() > 0) {
                    warnings.add(".mailmap: " + mailmap.skippedLines() + " malformed lines ignored");
                }
                GitData data = GitData.build(store.commits(git.sourceId()), store.tags(git.sourceId()),
                        new IdentityResolver(mailmap, identities), asOf, collected.generatedAt(), git.shallow());
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
            IssueData forge = null;
            IssueData bugs = null;
            for (TrackerState state : collected.trackers()) {
                Trackers.Active active = state.active();
                IssueStore issues = store.issues(state.sourceId());
                IssueData built = IssueData.build(issues.records(), new IdentityResolver(mailmap, identities), asOf);
                if (issues.partial()) {
                    String text = "the store holds only part of " + state.repository() + "'s "
                            + (active.tracker().role() == Tracker.Role.FORGE ? "issues and change requests" : "issues")
                            + ": its last collection did not finish (run again without --offline to complete it)";
                    warnings.add(text);
                    built = built.withNotes(List.of(new Note(Note.PARTIAL_COLLECTION, text)));
                } else if (!collected.openOnly() && issues.holdsOnlyOpenItems()) {
                    String text = "the store holds only the items of " + state.repository()
                            + " that were open when it was collected, not their history"
                            + " (run again without --offline to collect the rest)";
                    warnings.add(text);
                    built = built.withNotes(List.of(new Note(Note.PARTIAL_COLLECTION, text)));
                }
                if (active.tracker().role() == Tracker.Role.FORGE) {
                    forge = built;
                } else {
                    bugs = built.issuesOnly();
                }
            }
            boolean bugTracker = collected.trackers().stream()
                    .anyMatch(t -> t.active().tracker().role() == Tracker.Role.BUG_TRACKER);
            for (TrackerState state : collected.trackers()) {
                Trackers.Active active = state.active();
                Tracker.Configured configured = active.configured();
                Set<Source> gives = active.tracker().role() == Tracker.Role.BUG_TRACKER ? Set.of(Source.ISSUES)
                        : bugTracker ? Set.of(Source.CHANGES) : Set.of(Source.ISSUES, Source.CHANGES);
                String name = active.tracker().name() + (configured.noun().isEmpty() ? "" : " " + configured.noun());
                sources.add(SourceInfo.tracker(active.tracker().kind(), name, state.repository(),
                        configured.webUrl(), configured.where(), gives));
            }
            if (bugs != null) {
                tracker = Optional.of(forge == null ? bugs : IssueData.combine(bugs, forge));
            } else if (forge != null) {
                tracker = Optional.of(forge);
            } else if (needsTracker(collected.needed())) {
                warnings.add("no tracker given (" + Trackers.howToGive() + "): issue and change-request metrics are no-data");
            }
            warnings.forEach(w -> progress("warning: " + w));
            return new Loaded(new Dataset(asOf, gitData, tracker), collected.generatedAt(), sources, warnings);
        } catch (StoreException e) {
            throw storeFailure(e);
        }
    }

    /**
     * The evaluate stage: every metric use measured and judged, then cleaned for output in one
     * step before any of it, so every writer, file or CI output, sees the same result.
     */
    ModelResult evaluate(Plan plan, Model model, Loaded loaded) {
        Trace.at("evaluating");
        ModelResult result = new Evaluator(catalog).evaluate(model, loaded.dataset(), loaded.generatedAt(),
                loaded.sources(), loaded.warnings());
        ModelResult printable = ControlCharacters.replaced(result);
        return plan.showEmails() ? printable : Privacy.withoutEmails(printable);
    }

    /** The render stage: the report for {@code result} into {@code out}, replacing a previous one. */
    void write(ModelResult result, Path out) {
        try {
            new ReportWriter(ahead.charts()).write(result, out);
        } catch (ReportException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        }
    }
}
