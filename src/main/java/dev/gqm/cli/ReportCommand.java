package dev.gqm.cli;

import dev.gqm.evaluate.ModelResult;
import dev.gqm.model.Model;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Collects (incrementally), measures every metric of the model as of --as-of and writes the report.",
                "The report: summary.json, summary.md, index.html and, per goal, CSV series, items and PNG/SVG charts."})
final class ReportCommand implements Callable<Integer> {
    private final Context ctx;

    @Mixin
    RunOptions options = new RunOptions();

    ReportCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Pipeline pipeline = new Pipeline(ctx);
        Model model = pipeline.loadModel(options.model);
        ModelResult result = pipeline.measure(options, model);
        Path out = pipeline.outDir(options, model);
        pipeline.write(result, out);
        ctx.out().println("Report written to " + out + " (status: " + result.status().label() + ")");
        return ExitCode.OK;
    }
}
