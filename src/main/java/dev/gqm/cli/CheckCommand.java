package dev.gqm.cli;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.model.Model;
import dev.gqm.report.CiFormat;
import dev.gqm.report.CiRun;
import dev.gqm.report.FailOn;
import dev.gqm.report.Formats;
import dev.gqm.report.HumanFormat;
import dev.gqm.report.ItemLines;
import dev.gqm.report.MetricVerdict;
import dev.gqm.report.ReportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Measures the model like report and prints one line per metric: status, value, thresholds.",
                "Under a metric at warn or fail it names the items behind it: the first 10, then \"and N more\".",
                "Exits 1 when any metric is at fail (or at warn with --fail-on warn), 0 otherwise; exits 2 before",
                "collecting anything when a metric needs a source that was not given (see --allow-missing-sources).",
                "On GitHub Actions (GITHUB_ACTIONS=true) it also annotates the run with ::error/::warning",
                "and appends a table to the job summary ($GITHUB_STEP_SUMMARY)."})
final class CheckCommand implements Callable<Integer>, SourceOptions.Holder {
    private final Context ctx;

    @Mixin
    RunOptions options = new RunOptions();

    @Override
    public SourceOptions sources() {
        return options;
    }

    @Option(names = "--write-report", description = "Also write the report (to --out or reports/<model-id>/).")
    boolean writeReport;

    @Option(names = "--fail-on", paramLabel = "warn|fail", converter = FailOnConverter.class,
            description = "The status at which the check fails (exit 1): fail (default) or warn (warn or fail).")
    FailOn failOn = FailOn.FAIL;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write the check as JUnit XML (one test suite per goal, one test case per metric) for CI test reports.")
    String junit;

    @Option(names = "--allow-missing-sources",
            description = "Report metrics whose source was not given (an issue tracker without --github) as no-data"
                    + " instead of stopping with exit 2.")
    boolean allowMissingSources;

    CheckCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        RunSchedule run = new RunSchedule(ctx, false);
        Pipeline pipeline = run.stages();
        boolean failed = false;
        try {
            // a gate that measured nothing must not pass: a metric without its source stops the run before collecting
            // the series over time are shown only in a report written beside the check
            Pipeline.Measured measured = run.measure(options, writeReport, model -> {
                if (!allowMissingSources) {
                    pipeline.missingSource(options, model).ifPresent(message -> {
                        throw new GqmException(ExitCode.USAGE, message
                                + " (or --allow-missing-sources to report such metrics as no-data)");
                    });
                }
            });
            Model model = measured.model();
            ModelResult result = measured.result();
            if (writeReport) {
                pipeline.write(result, pipeline.outDir(options, model));
            }
            for (GoalResult g : result.goals()) {
                for (QuestionResult q : g.questions()) {
                    for (MetricResult m : q.metrics()) {
                        lines(g, m).forEach(ctx.out()::println);
                        failed |= failOn.trips(m.status());
                    }
                }
            }
            ctx.out().println("overall: " + result.status().label());
            ctx.out().flush();
            writeCiOutputs(result, Formats.CI);
        } finally {
            // what was opened ahead and not used is closed
            run.finish();
        }
        return failed ? ExitCode.HEALTH_FAILED : ExitCode.OK;
    }

    /** Writes each of {@code formats} in order; the first that fails stops the check ({@link ExitCode#INTERNAL}). */
    void writeCiOutputs(ModelResult result, List<CiFormat> formats) {
        CiRun run = new CiRun(failOn, junit == null ? null : ctx.workDir().resolve(junit), ctx.env(), ctx.workDir(),
                ctx.out());
        try {
            for (CiFormat format : formats) {
                format.write(result, run);
            }
        } catch (ReportException e) {
            throw new GqmException(ExitCode.INTERNAL, e.getMessage(), e);
        }
    }

    /** The metric's line and, at warn or fail, the items behind it indented under it, each "- " + {@link ItemLines}. */
    static List<String> lines(GoalResult g, MetricResult m) {
        List<String> lines = new ArrayList<>();
        lines.add(line(g, m));
        // a data note stands beside the value it qualifies (SPEC §4), here on the lines under it
        MetricVerdict.notes(m).forEach(note -> lines.add("        note " + note));
        // the dash also keeps a name starting with "::" from reading as a workflow command
        ItemLines.of(m).forEach(item -> lines.add("        - " + item));
        return lines;
    }

    static String line(GoalResult g, MetricResult m) {
        List<String> thresholds = new ArrayList<>();
        m.use().warn().ifPresent(t -> thresholds.add("warn " + t.text()));
        m.use().fail().ifPresent(t -> thresholds.add("fail " + t.text()));
        // one line per metric, always: on a CI runner a line break could start a workflow command
        String note = m.note() == null ? "" : " (" + m.note().replaceAll("[\\r\\n]+", " ") + ")";
        String sample = MetricVerdict.sample(m);
        String value = m.value() == null ? "no data" + note
                : (m.censored() ? "≥ " : "") + HumanFormat.value(m.value(), m.unit())
                        + (sample.isEmpty() ? "" : " (" + sample + ")");
        return String.format(Locale.ROOT, "%-7s %s/%s %s = %s%s", m.status().label(), g.goal().id(), m.use().id(),
                m.use().metric(), value, thresholds.isEmpty() ? "" : " [" + String.join(", ", thresholds) + "]");
    }

    /** {@code warn} or {@code fail}; anything else is a usage error (exit 2). */
    static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected warn or fail, not '" + value + "'");
            }
        }
    }
}
