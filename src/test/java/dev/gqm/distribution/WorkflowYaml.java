package dev.gqm.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** A GitHub workflow or action file of this repository, as YAML 1.2 maps and lists, and its steps' shell scripts. */
final class WorkflowYaml {
    private WorkflowYaml() {
    }

    /** The file as a map; a parse error or a duplicate key fails the test. */
    static Map<String, Object> load(Path file) throws IOException {
        Object root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
                .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        return map(root, file.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String what) {
        return (Map<String, Object>) assertInstanceOf(Map.class, node, what + " is not a mapping");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String what) {
        return (List<Object>) assertInstanceOf(List.class, node, what + " is not a list");
    }

    /** The one step whose {@code key} (name, uses, id) starts with {@code start}. */
    static Map<String, Object> step(List<Object> steps, String key, String start) {
        List<Map<String, Object>> found = steps.stream().map(s -> map(s, "a step"))
                .filter(s -> String.valueOf(s.get(key)).startsWith(start)).toList();
        assertEquals(1, found.size(), "steps with " + key + " " + start + ": " + found);
        return found.get(0);
    }

    /** The result of running a shell script as GitHub's {@code shell: bash} does. */
    record Run(int exitCode, String output) {
    }

    /** Runs {@code script} with {@code bash --noprofile --norc -eo pipefail} in {@code dir}, with {@code env} added. */
    static Run bash(String script, Path dir, Map<String, String> env) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "step", ".sh");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString())
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the script did not end within 60 s:\n" + output);
        }
        return new Run(p.exitValue(), output);
    }
}
