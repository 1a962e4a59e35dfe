package dev.gqm.cli;

import dev.gqm.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Only fills the store from the sources (incrementally); no metric, no report.")
final class CollectCommand implements Callable<Integer>, SourceOptions.Holder {
    private final Context ctx;

    @Mixin
    SourceOptions options = new SourceOptions();

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
