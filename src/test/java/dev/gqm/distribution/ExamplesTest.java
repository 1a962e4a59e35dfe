package dev.gqm.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CI files of the repository and of docs/examples parse, and those that download gqm verify it. */
class ExamplesTest {
    static List<Path> files() throws IOException {
        try (Stream<Path> examples = Files.list(Path.of("docs/examples"));
                Stream<Path> workflows = Files.list(Path.of(".github/workflows"))) {
            return Stream.concat(Stream.concat(examples, workflows), Stream.of(Path.of("action.yml")))
                    .filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void parsesAndVerifiesTheJarItDownloads(Path file) throws IOException {
        WorkflowYaml.load(file);
        String text = Files.readString(file);
        if (text.contains("/download/gqm.jar")) {
            assertTrue(text.contains("gqm.jar.sha256") && text.contains("sha256sum"), file + " downloads gqm.jar unverified");
        }
    }
}
