package dev.gqm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Writes a starter model to DIR/gqm-models/health.yaml (never overwrites).")
final class InitCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Directory to write into. Default: the current directory.")
    String dir = ".";

    InitCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path target = ctx.workDir().resolve(dir).resolve("gqm-models").resolve("health.yaml").normalize();
        if (Files.exists(target)) {
            throw new GqmException(ExitCode.USAGE, "will not overwrite " + target);
        }
        try (InputStream in = InitCommand.class.getResourceAsStream("/dev/gqm/model/starter.yaml")) {
            if (in == null) {
                throw new GqmException(ExitCode.INTERNAL, "the starter model is missing from this build");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        } catch (IOException e) {
            throw new GqmException(ExitCode.INTERNAL, "cannot write " + target + ": " + e.getMessage(), e);
        }
        ctx.out().println("Wrote " + target);
        ctx.out().println("Check it with: gqm validate " + target + "    Run it with: gqm report --model " + target);
        return ExitCode.OK;
    }
}
