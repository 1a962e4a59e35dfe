package dev.gqm.cli;

import dev.gqm.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Only fills the store from the sources (incrementally); no metric, no report.",
                "With --portfolio FILE: every entry of the portfolio (or its --shard), --jobs at a time; many such"
                        + " runs can fill one PostgreSQL store (--store jdbc:postgresql://HOST/DB) at once."})
final class CollectCommand implements Callable<Integer>, SourceOptions.Holder {
    /** More parallel entries than this would only queue on the API budgets and the disk. */
    static final int MAX_JOBS = 64;
    private final Context ctx;

    @Mixin
    SourceOptions options = new SourceOptions();

    @Option(names = "--portfolio", paramLabel = "FILE",
            description = "Portfolio file (YAML): collect each of its repositories with its trackers, as report --portfolio reads them.")
    String portfolio;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "With --portfolio: only the entries whose position modulo N is K-1 (K = 1..N), so N machines or CI jobs share the work.")
    String shard;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "With --portfolio: collect this many entries at once, each on a store connection of its own. Default: 1.")
    int jobs = 1;

    @Spec
    CommandSpec spec;

    @Override
    public SourceOptions sources() {
        return options;
    }

    CollectCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (options.offline) {
            throw new GqmException(ExitCode.USAGE, "collect --offline would collect nothing");
        }
        if (portfolio == null && (shard != null || spec.commandLine().getParseResult().hasMatchedOption("--jobs"))) {
            throw new GqmException(ExitCode.USAGE, (shard != null ? "--shard" : "--jobs") + " needs --portfolio FILE");
        }
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw new GqmException(ExitCode.USAGE, "--jobs must be between 1 and " + MAX_JOBS + ", not " + jobs);
        }
        if (portfolio != null) {
            for (String option : ReportCommand.PER_REPOSITORY) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new GqmException(ExitCode.USAGE, option + " cannot be combined with --portfolio: set it per repository in "
                            + portfolio);
                }
            }
            PortfolioCollect.Shard part = shard == null ? PortfolioCollect.Shard.ALL : PortfolioCollect.Shard.parse(shard);
            return new PortfolioCollect(ctx).run(options, portfolio, part, jobs);
        }
        RunSchedule run = new RunSchedule(ctx, false);
        Pipeline pipeline = run.stages();
        Pipeline.Sources sources = Pipeline.Sources.of(options);
        Trackers.Selection trackers = pipeline.checkTrackerOptions(options);
        run.openAhead(sources);
        try (Store store = pipeline.openStore(sources)) {
            Pipeline.GitState git = pipeline.collectGit(sources, store);
            ctx.out().println("Collected " + git.location() + " at " + (git.head() == null ? "(no commits)" : git.head())
                    + ": " + git.newCommits() + " new commits");
            for (Trackers.Active tracker : trackers.all()) {
                Pipeline.TrackerState t = pipeline.collectTracker(sources, store, tracker);
                ctx.out().println("Collected " + tracker.tracker().name() + " " + t.repository() + " in "
                        + t.requests() + " requests");
            }
        } finally {
            run.finish();
        }
        return ExitCode.OK;
    }
}
