package dev.gqm.distribution;

import static dev.gqm.distribution.WorkflowYaml.list;
import static dev.gqm.distribution.WorkflowYaml.map;
import static dev.gqm.distribution.WorkflowYaml.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * action.yml: its "Get gqm" step, run with bash against stand-ins for curl (releases served from a
 * directory), git and mvn, so that what it downloads, verifies or builds is seen without a network.
 */
class ActionTest {
    static final Path ACTION = Path.of("action.yml");
    static final String REPOSITORY = "o/gqm";

    static Map<String, Object> action;
    static String getGqm;
    static String check;

    @TempDir
    Path dir;
    Path releases;
    Path actionPath;
    Path runnerTemp;
    Path output;
    Path log;
    Map<String, String> env;

    @BeforeAll
    static void load() throws IOException {
        action = WorkflowYaml.load(ACTION);
        List<Object> steps = list(map(action.get("runs"), "runs").get("steps"), "runs.steps");
        getGqm = (String) step(steps, "name", "Get gqm").get("run");
        check = (String) step(steps, "name", "gqm check").get("run");
    }

    @BeforeEach
    void stubs() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        releases = Files.createDirectories(dir.resolve("releases"));
        actionPath = Files.createDirectories(dir.resolve("action"));
        runnerTemp = Files.createDirectories(dir.resolve("runner-temp"));
        output = Files.writeString(dir.resolve("output"), "");
        log = Files.writeString(dir.resolve("log"), "");
        stub(bin, "curl", """
                out=""; url=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -o) out="$2"; shift 2 ;;
                    -w|--retry|--retry-delay) shift 2 ;;
                    -*) shift ;;
                    *) url="$1"; shift ;;
                  esac
                done
                echo "curl $url" >> "$STUB_LOG"
                file="$STUB_RELEASES/${url#https://github.com/}"
                if [ -f "$file" ]; then cp "$file" "$out"; printf 200; else printf 404; fi
                """);
        stub(bin, "git", """
                echo "git $*" >> "$STUB_LOG"
                branch=""; dest=""
                while [ $# -gt 0 ]; do
                  case "$1" in --branch) branch="$2"; shift 2 ;; *) dest="$1"; shift ;; esac
                done
                [[ " $STUB_TAGS " == *" $branch "* ]] || { echo "fatal: Remote branch $branch not found" >&2; exit 128; }
                mkdir -p "$dest" && touch "$dest/pom.xml"
                """);
        stub(bin, "mvn", """
                echo "mvn $*" >> "$STUB_LOG"
                pom=""
                while [ $# -gt 0 ]; do [ "$1" = -f ] && pom="$2"; shift; done
                mkdir -p "$(dirname "$pom")/target" && echo built > "$(dirname "$pom")/target/gqm.jar"
                """);
        env = new HashMap<>(Map.of(
                "PATH", bin + ":" + System.getenv("PATH"),
                "STUB_LOG", log.toString(),
                "STUB_RELEASES", releases.toString(),
                "STUB_TAGS", "v2.0.0 main",
                "GQM_ACTION_REPOSITORY", REPOSITORY,
                "GITHUB_ACTION_PATH", actionPath.toString(),
                "RUNNER_TEMP", runnerTemp.toString(),
                "GITHUB_OUTPUT", output.toString()));
    }

    private static void stub(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        assertTrue(file.toFile().setExecutable(true));
    }

    /** A release of {@code tag} ("latest" for releases/latest) with a jar and, unless null, a checksum file. */
    private void release(String tag, String jar, String checksumOf) throws Exception {
        Path at = releases.resolve(REPOSITORY).resolve(tag.equals("latest") ? "releases/latest/download"
                : "releases/download/" + tag);
        Files.createDirectories(at);
        Files.writeString(at.resolve("gqm.jar"), jar);
        if (checksumOf != null) {
            Files.writeString(at.resolve("gqm.jar.sha256"), sha256(checksumOf) + "  gqm.jar\n");
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private WorkflowYaml.Run getGqm(String version) throws Exception {
        env.put("GQM_VERSION", version);
        return WorkflowYaml.bash(getGqm, dir, env);
    }

    private List<String> log() throws IOException {
        return Files.readAllLines(log);
    }

    /** The step for {@code version} ends with {@code exitCode} and an ::error saying {@code error}, and hands on no jar. */
    private void assertStepFails(String version, int exitCode, String error) throws Exception {
        WorkflowYaml.Run run = getGqm(version);
        assertEquals(exitCode, run.exitCode(), run.output());
        assertTrue(run.output().contains("::error title=gqm action::" + error), run.output());
        assertEquals("", Files.readString(output), "no jar for the next step");
    }

    /** The arguments the check step gives java (a stub that logs them) with these inputs. */
    private String checkArguments(Map<String, String> inputs) throws Exception {
        stub(dir.resolve("bin"), "java", "echo \"java $*\" >> \"$STUB_LOG\"\n");
        env.putAll(Map.of("GQM_JAR", "gqm.jar", "GQM_MODEL", "stale-issues", "GQM_GITHUB_REPOSITORY", "o/r",
                "GQM_GITHUB_API_URL", "https://api.github.com", "GQM_FAIL_ON", "fail", "GQM_JUNIT", "",
                "GQM_ARGS", "", "GQM_GITHUB_API", ""));
        env.putAll(inputs);
        WorkflowYaml.Run run = WorkflowYaml.bash(check, dir, env);
        assertEquals(0, run.exitCode(), run.output());
        return String.join("\n", log());
    }

    @Test
    void theGitHubApiInputIsPassedOnOnlyWhenGiven() throws Exception {
        assertEquals("java -Djava.awt.headless=true -jar gqm.jar check --model stale-issues --fail-on fail"
                + " --github o/r --github-api-url https://api.github.com --github-api rest",
                checkArguments(Map.of("GQM_GITHUB_API", "rest")));
        Files.writeString(log, "");
        assertEquals("java -Djava.awt.headless=true -jar gqm.jar check --model stale-issues --fail-on fail"
                + " --github o/r --github-api-url https://api.github.com", checkArguments(Map.of()));
        Map<String, Object> input = map(map(action.get("inputs"), "inputs").get("github-api"), "inputs.github-api");
        assertEquals("", input.get("default"));
    }

    @Test
    void theVersionInputDefaultsToLatest() {
        Map<String, Object> version = map(map(action.get("inputs"), "inputs").get("version"), "inputs.version");
        assertEquals("latest", version.get("default"));
    }

    @Test
    void aReleasedJarIsUsedWhenItMatchesItsChecksum() throws Exception {
        release("latest", "the jar", "the jar");
        WorkflowYaml.Run run = getGqm("latest");
        assertEquals(0, run.exitCode(), run.output());
        Path jar = runnerTemp.resolve("gqm-latest/gqm.jar");
        assertEquals("jar=" + jar + "\n", Files.readString(output));
        assertEquals("the jar", Files.readString(jar));
        assertTrue(run.output().contains("gqm.jar verified: sha256 " + sha256("the jar")), run.output());
        assertEquals(List.of("curl https://github.com/o/gqm/releases/latest/download/gqm.jar",
                "curl https://github.com/o/gqm/releases/latest/download/gqm.jar.sha256"), log());
    }

    @Test
    void aTagsReleaseIsDownloadedFromThatTag() throws Exception {
        release("v1.0.0", "jar 1.0.0", "jar 1.0.0");
        WorkflowYaml.Run run = getGqm("v1.0.0");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("jar=" + runnerTemp.resolve("gqm-v1.0.0/gqm.jar") + "\n", Files.readString(output));
        assertEquals("curl https://github.com/o/gqm/releases/download/v1.0.0/gqm.jar", log().get(0));
    }

    @Test
    void aJarThatDoesNotMatchItsChecksumFailsTheStep() throws Exception {
        release("latest", "a tampered jar", "the jar");
        assertStepFails("latest", 1, "gqm.jar does not match the release's gqm.jar.sha256 (expected "
                + sha256("the jar") + ", got " + sha256("a tampered jar") + ")");
        assertFalse(Files.exists(runnerTemp.resolve("gqm-latest/gqm.jar")));
    }

    @Test
    void aReleaseWithoutChecksumFailsTheStep() throws Exception {
        release("latest", "the jar", null);
        assertStepFails("latest", 1, "no gqm.jar.sha256 beside the release's gqm.jar (HTTP 404)");
    }

    @Test
    void withoutAnyReleaseLatestBuildsTheActionsOwnSource() throws Exception {
        WorkflowYaml.Run run = getGqm("latest");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("::warning title=gqm action::o/gqm has no release with gqm.jar"), run.output());
        assertEquals(List.of("curl https://github.com/o/gqm/releases/latest/download/gqm.jar",
                "mvn -B -q -f " + actionPath + "/pom.xml package -DskipTests"), log());
        assertEquals("jar=" + actionPath + "/target/gqm.jar\n", Files.readString(output));
    }

    @Test
    void aTagWithoutReleaseIsBuiltFromThatTagWithItsVersion() throws Exception {
        WorkflowYaml.Run run = getGqm("v2.0.0");
        assertEquals(0, run.exitCode(), run.output());
        Path source = runnerTemp.resolve("gqm-source-v2.0.0");
        assertEquals(List.of("curl https://github.com/o/gqm/releases/download/v2.0.0/gqm.jar",
                "git clone -q --depth 1 --branch v2.0.0 https://github.com/o/gqm.git " + source,
                "mvn -B -q -f " + source + "/pom.xml package -DskipTests -Drevision=2.0.0"), log());
        assertEquals("jar=" + source + "/target/gqm.jar\n", Files.readString(output));
    }

    @Test
    void aBranchWithoutReleaseIsBuiltWithThePomsVersion() throws Exception {
        WorkflowYaml.Run run = getGqm("main");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals("mvn -B -q -f " + runnerTemp.resolve("gqm-source-main") + "/pom.xml package -DskipTests", log().get(2));
    }

    @Test
    void aVersionThatIsNeitherReleaseNorTagFailsTheStep() throws Exception {
        assertStepFails("v9.9.9", 1, "o/gqm has neither a release nor a tag or branch 'v9.9.9'");
    }

    @Test
    void sourceBuildsTheActionsCheckoutWithoutDownloading() throws Exception {
        WorkflowYaml.Run run = getGqm("source");
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(List.of("mvn -B -q -f " + actionPath + "/pom.xml package -DskipTests"), log());
    }

    @Test
    void aVersionThatCouldBeAnOptionIsRefused() throws Exception {
        assertStepFails("--upload-pack=touch /tmp/x", 2, "version must be latest, source or a tag");
        assertEquals(List.of(), log());
    }
}
