package dev.gqm.cli;

import dev.gqm.dataset.GitData;
import dev.gqm.dataset.IdentitiesFile;
import dev.gqm.dataset.IdentityResolver;
import dev.gqm.dataset.Mailmap;
import dev.gqm.store.Store;
import dev.gqm.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gqm identities suggest}: alias candidates of the Git history, as an identities-file fragment to review. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Prints the identities of the Git history that look like one person but are not merged, as a"
                + " commented identities-file fragment (people:) to review.",
                "",
                "Two identities look like one person when they carry the same full name (two words or more, compared"
                        + " without case, accents, punctuation and extra spaces) or the same GitHub no-reply id"
                        + " (12345+old@users.noreply.github.com and 12345+new@users.noreply.github.com). Bots and AI"
                        + " coding agents are left out. The .mailmap and the identities file are applied first, so"
                        + " what they merge is not suggested again. Each entry gives the most used name, every e-mail"
                        + " (most commits first), the other names, and why; counts are the commits each identity"
                        + " authored or co-authored.",
                "",
                "Nothing is merged: uncomment the entries that are right and keep them in your identities file.",
                "E-mail addresses ARE printed: this is a tool for the maintainer, not a report to publish."})
final class IdentitiesSuggestCommand implements Callable<Integer> {
    private final Context ctx;

    @Option(names = "--repo", paramLabel = "PATH|URL", description = SourceOptions.REPO)
    String repo = ".";

    @Option(names = "--branch", paramLabel = "NAME", description = "Branch to read. Default: HEAD.")
    String branch;

    @Option(names = "--store", paramLabel = "PATH|URL", description = SourceOptions.STORE)
    String store;

    @Option(names = "--offline", description = "Read the history from the store alone: no Git fetch.")
    boolean offline;

    @Option(names = "--identities", paramLabel = "FILE", description = "The identities file in use: its merges are applied first.")
    String identities;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = SourceOptions.CACHE_DIR)
    String cacheDir;

    @Option(names = "--verbose", description = SourceOptions.VERBOSE)
    boolean verbose;

    IdentitiesSuggestCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        RunOptions o = new RunOptions();
        o.repo = repo;
        o.branch = branch;
        o.store = store;
        o.offline = offline;
        o.identities = identities;
        o.cacheDir = cacheDir;
        o.verbose = verbose;
        Pipeline pipeline = new Pipeline(ctx);
        IdentitiesFile file = pipeline.identities(o);
        Pipeline.Sources sources = Pipeline.Sources.of(o);
        try (Store s = pipeline.openStore(sources)) {
            Pipeline.GitState git = pipeline.collectGit(sources, s);
            Instant now = ctx.clock().instant();
            GitData data;
            try {
                data = GitData.build(s.commits(git.sourceId()), List.of(),
                        new IdentityResolver(Mailmap.parse(s.mailmap(git.sourceId())), file), now, now, git.shallow());
            } catch (StoreException e) {
                throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
            }
            ctx.out().print(IdentitiesFragment.render(data.aliasCandidates()));
            ctx.out().flush();
        }
        return ExitCode.OK;
    }
}
