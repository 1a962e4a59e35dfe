package dev.gqm.cli;

import dev.gqm.model.Model;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks GQM model files: prints every problem as FILE:LINE:COLUMN: what; exits 2 if any file is invalid.")
final class ValidateCommand implements Callable<Integer> {
    private final Context ctx;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Model files to check.")
    List<String> files;

    ValidateCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Pipeline pipeline = new Pipeline(ctx);
        boolean invalid = false;
        for (String file : files) {
            try {
                Model m = pipeline.loadModel(file);
                long metrics = m.goals().stream().flatMap(g -> g.questions().stream()).mapToLong(q -> q.metrics().size()).sum();
                ctx.out().println(file + ": ok (model " + m.id() + ", " + m.goals().size() + " goals, " + metrics + " metrics)");
            } catch (GqmException e) {
                invalid = true;
                for (String line : e.getMessage().split("\\R")) {
                    ctx.err().println(line);
                }
            }
        }
        return invalid ? ExitCode.USAGE : ExitCode.OK;
    }
}
