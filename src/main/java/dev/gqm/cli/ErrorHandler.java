package dev.gqm.cli;

import dev.gqm.collect.Credentials;
import dev.gqm.report.ControlCharacters;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns any failure into one line on stderr and its SPEC exit code; the trace only with --verbose. */
final class ErrorHandler implements IExecutionExceptionHandler {
    private final Context ctx;

    ErrorHandler(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean verbose = false;
        // the option belongs to the command that ran, however deep (gqm identities suggest --verbose)
        for (ParseResult sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
            verbose |= sub.hasMatchedOption("--verbose");
        }
        int code;
        String message;
        if (ex instanceof GqmException g) {
            code = g.exitCode();
            message = g.getMessage();
        } else if (ex instanceof java.nio.file.InvalidPathException path) {
            // a path of characters the JVM's file-name encoding cannot carry: a non-UTF-8 locale (LANG=C)
            code = ExitCode.USAGE;
            message = "the path " + path.getInput().replaceAll("[^\\x20-\\x7e]", "?") + " cannot be named in this"
                    + " system's file-name encoding (" + System.getProperty("sun.jnu.encoding", "unknown")
                    + "): run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
        } else {
            code = ExitCode.INTERNAL;
            message = "internal error: " + ex;
        }
        for (String line : message.split("\\R")) {
            ctx.err().println("gqm: " + ControlCharacters.replaced(Credentials.masked(line)));
        }
        if (verbose) {
            ex.printStackTrace(ctx.err());
        } else if (code == ExitCode.INTERNAL) {
            ctx.err().println("gqm: run again with --verbose for details");
        }
        ctx.err().flush();
        return code;
    }
}
