package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Model;
import dev.gqm.report.CiFormat;
import dev.gqm.report.CiRun;
import dev.gqm.report.FailOn;
import dev.gqm.report.ReportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiFormatListTest {
    private static final Instant AS_OF = Instant.parse("2026-07-01T00:00:00Z");
    private static final ModelResult RESULT = new ModelResult(new Model("m", "M", "", List.of()), AS_OF, AS_OF,
            List.of(), Status.PASS, List.of(), List.of());

    /** Prints its name and the gate, or fails with {@code failure} when one is given. */
    private record Named(String name, ReportException failure) implements CiFormat {
        @Override
        public void write(ModelResult result, CiRun run) throws ReportException {
            if (failure != null) {
                throw failure;
            }
            run.out().println(name + " " + run.failOn().label() + " " + run.junitFile());
        }
    }

    private static CheckCommand check(Path dir, StringWriter out) {
        CheckCommand check = new CheckCommand(new Context(new PrintWriter(out, true), new PrintWriter(new StringWriter()),
                Map.of(), Clock.systemUTC(), dir, dir.resolve("home")));
        check.failOn = FailOn.WARN;
        check.junit = "out/junit.xml";
        return check;
    }

    @Test
    void runsEveryFormatOfTheListInOrder(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        check(dir, out).writeCiOutputs(RESULT, List.of(new Named("first", null), new Named("second", null)));
        Path junit = dir.resolve("out/junit.xml");
        assertEquals("first warn " + junit + "\nsecond warn " + junit + "\n", out.toString().replace("\r\n", "\n"));
    }

    @Test
    void aFailingFormatStopsTheCheckWithTheInternalExitCodeAndItsMessage(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        ReportException failure = new ReportException("cannot write JUnit report x: disk full", null);
        List<CiFormat> formats = new ArrayList<>(List.of(new Named("first", null), new Named("broken", failure),
                new Named("never", null)));
        GqmException e = assertThrows(GqmException.class, () -> check(dir, out).writeCiOutputs(RESULT, formats));
        assertEquals(ExitCode.INTERNAL, e.exitCode());
        assertEquals("cannot write JUnit report x: disk full", e.getMessage());
        assertSame(failure, e.getCause());
        assertEquals("first warn " + dir.resolve("out/junit.xml") + "\n", out.toString().replace("\r\n", "\n"));
    }
}
