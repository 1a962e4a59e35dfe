package dev.gqm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in-process with captured streams, a fixed clock and a private home directory. */
final class CliRunner {
    record Run(int exitCode, String out, String err) {
    }

    private final Path workDir;
    private final Path home;
    private final Map<String, String> env;

    CliRunner(Path workDir, Path home, Map<String, String> env) {
        this.workDir = workDir;
        this.home = home;
        this.env = env;
    }

    CliRunner(Path workDir) {
        this(workDir, workDir.resolve("home"), Map.of());
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context ctx = new Context(new PrintWriter(out, true), new PrintWriter(err, true), env,
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), workDir, home);
        int code = Main.run(ctx, args);
        return new Run(code, out.toString(), err.toString());
    }
}
