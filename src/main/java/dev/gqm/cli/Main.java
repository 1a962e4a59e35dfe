package dev.gqm.cli;

import dev.gqm.Trace;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code gqm}: Goal-Question-Metric health reports for open-source communities. */
@Command(name = "gqm", mixinStandardHelpOptions = true, versionProvider = Version.class,
        // one string per paragraph: picocli wraps each array element on its own, so split sentences come out ragged
        description = {"Measures the health of an open-source community the Goal-Question-Metric way: a GQM model (YAML)"
                + " states goals, the questions that tell whether each is met, and the metrics that answer them, with"
                + " thresholds; gqm mines Git history and the issue tracker, judges every metric and writes CSV files,"
                + " charts, an HTML dashboard and a JSON summary.", ""},
        footer = {"", "Exit codes:",
                "  0    success (check: no metric at fail)",
                "  1    check: at least one metric at fail",
                "  2    usage, configuration or model invalid; nothing collected",
                "  3    a source failed: not found, no access, unreachable, rate limit",
                "  4    could not finish: output, store or internal error",
                "  5    another run holds the store's lock",
                "  130  interrupted; what was collected is kept, a rerun resumes"})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        Trace.at("main");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        quietLibraries(java.util.Arrays.asList(args).contains("--verbose"));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Context ctx = new Context(out, err, System.getenv(), Clock.systemUTC(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")));
        // Ctrl-C ends the JVM with 130 (SPEC); stores commit page by page, so say that nothing is lost
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                err.println("gqm: interrupted; what was collected is kept, a rerun resumes");
                err.flush();
            }
        }));
        RunSchedule.startEarly(ctx, args);
        int code = run(ctx, args);
        finished.set(true);
        RunSchedule.discardEarly();
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Libraries log through SLF4J's simple logger to stderr: JGit reports a damaged pack with
     * dozens of lines and a stack trace before gqm says in one line what failed. Their warnings
     * show with {@code --verbose} only; SLF4J's own notices (a call replayed while it started on
     * several threads at once) never, as they say nothing to a user.
     */
    static void quietLibraries(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "warn" : "off");
        setIfAbsent("slf4j.internal.verbosity", "ERROR");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** Runs one command line and returns its exit code (SPEC §5); nothing here exits the JVM. */
    public static int run(Context ctx, String... args) {
        Trace.at("run");
        CommandLine cl = new CommandLine(new Main());
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("report", () -> new ReportCommand(ctx));
        commands.put("check", () -> new CheckCommand(ctx));
        commands.put("collect", () -> new CollectCommand(ctx));
        commands.put("validate", () -> new ValidateCommand(ctx));
        commands.put("metrics", () -> new MetricsCommand(ctx));
        commands.put("init", () -> new InitCommand(ctx));
        commands.put("identities", () -> IdentitiesCommand.commandLine(ctx));
        // picocli reads every registered command's annotations up front (a tenth of a second for
        // all of them): a command line naming one command gets only that one; anything else
        // (no command, --help, a typo to suggest a fix for) gets them all
        if (args.length > 0 && commands.containsKey(args[0])) {
            cl.addSubcommand(args[0], commands.get(args[0]).get());
        } else {
            commands.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        // every command that collects takes the trackers' options, declared by the trackers themselves
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof SourceOptions.Holder holder) {
                Trackers.addOptions(sub.getCommandSpec(), holder.sources().tracker);
            }
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setExecutionExceptionHandler(new ErrorHandler(ctx));
        cl.setParameterExceptionHandler((ex, a) -> {
            ctx.err().println("gqm: " + dev.gqm.collect.Credentials.masked(ex.getMessage()));
            ctx.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
