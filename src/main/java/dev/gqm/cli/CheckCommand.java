package dev.gqm.cli;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Model;
import dev.gqm.report.HumanFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Measures the model like report and prints one line per metric: status, value, thresholds.",
                "Exits 1 when any metric is at fail (the CI gate), 0 otherwise."})
final class CheckCommand implements Callable<Integer> {
    private final Context ctx;

    @Mixin
    RunOptions options = new RunOptions();

    @Option(names = "--write-report", description = "Also write the report (to --out or reports/<model-id>/).")
    boolean writeReport;

    CheckCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Pipeline pipeline = new Pipeline(ctx);
        Model model = pipeline.loadModel(options.model);
        ModelResult result = pipeline.measure(options, model);
        if (writeReport) {
            pipeline.write(result, pipeline.outDir(options, model));
        }
        boolean failed = false;
        for (GoalResult g : result.goals()) {
            for (QuestionResult q : g.questions()) {
                for (MetricResult m : q.metrics()) {
                    ctx.out().println(line(g, m));
                    failed |= m.status() == Status.FAIL;
                }
            }
        }
        ctx.out().println("overall: " + result.status().label());
        return failed ? ExitCode.HEALTH_FAILED : ExitCode.OK;
    }

    static String line(GoalResult g, MetricResult m) {
        List<String> thresholds = new ArrayList<>();
        m.use().warn().ifPresent(t -> thresholds.add("warn " + t.text()));
        m.use().fail().ifPresent(t -> thresholds.add("fail " + t.text()));
        String value = m.value() == null ? "no data" + (m.note() == null ? "" : " (" + m.note() + ")")
                : HumanFormat.value(m.value(), m.unit());
        return String.format(Locale.ROOT, "%-7s %s/%s %s = %s%s", m.status().label(), g.goal().id(), m.use().id(),
                m.use().metric(), value, thresholds.isEmpty() ? "" : " [" + String.join(", ", thresholds) + "]");
    }
}
