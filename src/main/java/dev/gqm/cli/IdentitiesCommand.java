package dev.gqm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gqm identities}: the commands that help keep the identities file. */
@Command(name = "identities", mixinStandardHelpOptions = true,
        description = {"Helps keep the identities file: 'suggest' lists the people who look like one person but are not merged."})
final class IdentitiesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** The command with its subcommands, which need the run's context. */
    static CommandLine commandLine(Context ctx) {
        return new CommandLine(new IdentitiesCommand()).addSubcommand("suggest", new IdentitiesSuggestCommand(ctx));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
