package dev.gqm.cli;

import dev.gqm.Trace;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.model.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Collects (incrementally), measures every metric of the model as of --as-of and writes the report.",
                "The report: summary.json, summary.md, index.html and, per goal, CSV series, items and PNG/SVG charts.",
                "With --portfolio FILE: one report per repository of the file under OUT/<name>/, and OUT/index.html and OUT/portfolio.csv comparing them (OUT: --out, default reports/portfolio/)."})
final class ReportCommand implements Callable<Integer>, SourceOptions.Holder {
    /** Options a portfolio entry sets for itself (the repository, and what each tracker reads), so they cannot also be given once for all. */
    static final List<String> PER_REPOSITORY = java.util.stream.Stream.concat(java.util.stream.Stream.of("--repo"),
            Trackers.ALL.stream().map(t -> t.options().get(0).name())).toList();

    private final Context ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public SourceOptions sources() {
        return options;
    }

    @Option(names = "--portfolio", paramLabel = "FILE",
            description = "Portfolio file (YAML): the repositories to report on and compare, each with repo, and optional github, name, group, branch.")
    String portfolio;

    ReportCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Trace.at("call");
        if (portfolio != null) {
            for (String option : PER_REPOSITORY) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new GqmException(ExitCode.USAGE, option + " cannot be combined with --portfolio: set it per repository in "
                            + portfolio);
                }
            }
            return new PortfolioRun(ctx, new Pipeline(ctx), options.verbose).run(options, portfolio);
        }
        RunSchedule run = new RunSchedule(ctx, true);
        Path out;
        ModelResult result;
        try {
            Pipeline.Measured measured = run.measure(options);
            Model model = measured.model();
            result = measured.result();
            Trace.at("measured");
            out = run.stages().outDir(options, model);
            run.stages().write(result, out);
            Trace.at("report written");
        } finally {
            // what was opened ahead and not used is closed
            run.finish();
        }
        ctx.out().println("Report written to " + out + " (status: " + result.status().label() + ")");
        return ExitCode.OK;
    }
}
