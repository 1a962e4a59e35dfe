package dev.gqm.distribution;

import static dev.gqm.distribution.WorkflowYaml.list;
import static dev.gqm.distribution.WorkflowYaml.map;
import static dev.gqm.distribution.WorkflowYaml.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** .github/workflows/release.yml: a pushed v* tag gives a tested jar of that version, its checksum and a release. */
class ReleaseWorkflowTest {
    static final Path WORKFLOW = Path.of(".github/workflows/release.yml");

    @TempDir
    Path dir;

    static Map<String, Object> workflow;
    static List<Object> steps;

    @BeforeAll
    static void load() throws Exception {
        workflow = WorkflowYaml.load(WORKFLOW);
        Map<String, Object> job = map(map(workflow.get("jobs"), "jobs").get("release"), "jobs.release");
        steps = list(job.get("steps"), "jobs.release.steps");
    }

    @Test
    void runsOnAPushedVersionTagAndMayWriteReleases() {
        Map<String, Object> push = map(map(workflow.get("on"), "on").get("push"), "on.push");
        assertEquals(List.of("v*"), push.get("tags"));
        assertEquals(Map.of("contents", "write"), workflow.get("permissions"));
    }

    @Test
    void buildsWithTemurin17AndTheTagsVersion() throws Exception {
        assertTrue(step(steps, "uses", "actions/checkout@").containsKey("uses"));
        Map<String, Object> java = map(step(steps, "uses", "actions/setup-java@").get("with"), "setup-java with");
        assertEquals("temurin", java.get("distribution"));
        assertEquals("17", java.get("java-version"));
        // .ci/run installs chromium and runs mvn -B verify with the arguments it is given
        String build = (String) step(steps, "name", "Build and test").get("run");
        assertEquals(".ci/run -Drevision=${{ steps.version.outputs.version }}", build.strip());
        assertTrue(Files.readString(Path.of(".ci/run")).contains("\nmvn -B verify \"$@\"\n"));
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<version>${revision}</version>"),
                "-Drevision sets the version that build.properties carries");
    }

    @Test
    void checksTheJarsVersionAndPublishesItWithItsChecksum() {
        List<String> names = steps.stream().map(s -> String.valueOf(map(s, "a step").get("name"))).toList();
        String check = (String) step(steps, "name", "Check the jar's version").get("run");
        assertTrue(check.contains("java -jar target/gqm.jar --version"), check);
        assertTrue(check.contains("sha256sum gqm.jar > gqm.jar.sha256"), check);
        Map<String, Object> publish = step(steps, "name", "Publish the release");
        String run = (String) publish.get("run");
        assertTrue(run.contains("gh release create \"$tag\" target/gqm.jar target/gqm.jar.sha256"), run);
        assertTrue(run.contains("gh release upload \"$tag\" target/gqm.jar target/gqm.jar.sha256 --clobber"), run);
        assertEquals("${{ secrets.GITHUB_TOKEN }}", map(publish.get("env"), "publish env").get("GH_TOKEN"));
        assertTrue(names.indexOf("Build and test") < names.indexOf("Check the jar's version and write its checksum")
                && names.indexOf("Check the jar's version and write its checksum") < names.indexOf("Publish the release"), names.toString());
    }

    @ParameterizedTest
    @CsvSource({
            "v1.2.3, 0, 1.2.3",
            "v0.10.0-rc1, 0, 0.10.0-rc1",
            "v1.2, 1, ",
            "vnext, 1, ",
            "1.2.3, 1, "})
    void theVersionIsTheTagWithoutItsV(String tag, int exitCode, String version) throws Exception {
        Map<String, Object> step = step(steps, "id", "version");
        Path output = dir.resolve("output");
        Files.writeString(output, "");
        WorkflowYaml.Run run = WorkflowYaml.bash((String) step.get("run"), dir,
                Map.of("GITHUB_REF_NAME", tag, "GITHUB_OUTPUT", output.toString()));
        assertEquals(exitCode, run.exitCode(), run.output());
        assertEquals(version == null ? "" : "version=" + version + "\n", Files.readString(output));
        if (exitCode != 0) {
            assertTrue(run.output().startsWith("::error title=release::tag " + tag + " is not v<major>"), run.output());
        }
    }
}
