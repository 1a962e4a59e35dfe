package dev.gqm.cli;

import dev.gqm.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "collect", mixinStandardHelpOptions = true,
        description = "Only fills the store from the sources (incrementally); no metric, no report.")
final class CollectCommand implements Callable<Integer> {
    private final Context ctx;

    @Mixin
    SourceOptions options = new SourceOptions();

    CollectCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (options.offline) {
            throw new GqmException(ExitCode.USAGE, "collect --offline would collect nothing");
        }
        Pipeline pipeline = new Pipeline(ctx);
        pipeline.checkGitHubOptions(options);
        pipeline.openGitAhead(options);
        try (Store store = pipeline.openStore(options)) {
            Pipeline.GitState git = pipeline.collectGit(options, store);
            ctx.out().println("Collected " + git.location() + " at " + (git.head() == null ? "(no commits)" : git.head())
                    + ": " + git.newCommits() + " new commits");
            if (options.github != null) {
                Pipeline.GitHubState gh = pipeline.collectGitHub(options, store);
                ctx.out().println("Collected GitHub " + gh.repository() + " in " + gh.requests() + " requests");
            }
        } finally {
            pipeline.closeAhead();
        }
        return ExitCode.OK;
    }
}
