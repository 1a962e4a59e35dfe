package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.metric.Metric;
import dev.gqm.metric.MetricCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands that need no source: metrics, init, validate, --help and --version. */
class CommandsTest {
    /** SPEC §4: every catalog id with its unit. */
    static final Map<String, String> SPEC_UNITS = new TreeMap<>(Map.ofEntries(
            Map.entry("git.commits", "count"), Map.entry("git.contributors", "count"),
            Map.entry("git.new_contributors", "count"), Map.entry("git.inactive_contributors", "count"),
            Map.entry("git.bus_factor", "count"), Map.entry("git.elephant_factor", "count"),
            Map.entry("git.releases", "count"),
            Map.entry("issue.opened", "count"), Map.entry("issue.closed", "count"), Map.entry("issue.open", "count"),
            Map.entry("issue.stale", "count"), Map.entry("issue.age", "hours"),
            Map.entry("issue.first_response_time", "hours"), Map.entry("issue.resolution_time", "hours"),
            Map.entry("issue.closure_ratio", "ratio"),
            Map.entry("change.opened", "count"), Map.entry("change.merged", "count"), Map.entry("change.open", "count"),
            Map.entry("change.stale", "count"), Map.entry("change.merge_latency", "hours"),
            Map.entry("change.acceptance_ratio", "ratio"), Map.entry("change.review_coverage", "ratio"),
            Map.entry("change.first_review_time", "hours")));

    @TempDir
    static Path dir;
    static CliRunner cli;

    @BeforeAll
    static void runner() {
        cli = new CliRunner(dir);
    }

    static CliRunner.Run ok(String... args) {
        CliRunner.Run r = cli.run(args);
        assertEquals(0, r.exitCode(), () -> String.join(" ", args) + "\n" + r.err());
        assertEquals("", r.err(), String.join(" ", args));
        return r;
    }

    @Test
    void metricsListsEveryCatalogIdInText() {
        CliRunner.Run r = ok("metrics");
        List<Metric> catalog = new MetricCatalog().all();
        for (Metric m : catalog) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(m.id() + " (" + m.unit().label() + ", default stat ")),
                    m.id() + " missing from:\n" + r.out());
            assertTrue(r.out().contains("  " + m.definition() + "\n"), m.id());
        }
        // the definitions are indented: one unindented line per metric, plus the closing note
        assertEquals(catalog.size() + 1, r.out().lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).count(), r.out());
        assertTrue(r.out().contains("param lookback = 365d: "), r.out());
    }

    @Test
    void metricsAsJsonHasIdUnitDefinitionAndParamsForEachSpecMetric() throws Exception {
        CliRunner.Run r = ok("metrics", "--format", "json");
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertTrue(list.isArray());
        Map<String, String> units = new TreeMap<>();
        for (JsonNode m : list) {
            units.put(m.get("id").asText(), m.get("unit").asText());
            assertFalse(m.get("definition").asText().isBlank(), m.toString());
            assertTrue(m.get("params").isArray(), m.toString());
            List<String> names = new ArrayList<>();
            m.get("params").forEach(p -> {
                names.add(p.get("name").asText());
                assertTrue(p.hasNonNull("kind") && p.hasNonNull("default") && p.hasNonNull("description"), p.toString());
            });
            // window, period and include_bots are every metric's parameters
            assertEquals(List.of("window", "period", "include_bots"), names.subList(0, 3), m.toString());
        }
        assertEquals(SPEC_UNITS, units);
        JsonNode busFactor = find(list, "git.bus_factor");
        assertEquals("0.5", find(busFactor.get("params"), "share", "name").get("default").asText());
        assertEquals("90d", find(busFactor.get("params"), "window", "name").get("default").asText());
        assertEquals("git", busFactor.get("source").asText());
    }

    static JsonNode find(JsonNode list, String id) {
        return find(list, id, "id");
    }

    static JsonNode find(JsonNode list, String value, String key) {
        for (JsonNode n : list) {
            if (n.get(key).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(value + " not in " + list);
    }

    @Test
    void metricsRefusesAnUnknownFormat() {
        CliRunner.Run r = cli.run("metrics", "--format", "xml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("gqm: Invalid value for option '--format'"), r.err());
    }

    @Test
    void initWritesAModelThatValidatesAndNeverOverwrites() throws Exception {
        CliRunner.Run first = ok("init", "project");
        Path model = dir.resolve("project/gqm-models/health.yaml");
        assertTrue(first.out().startsWith("Wrote " + model + "\n"), first.out());
        String written = Files.readString(model);

        CliRunner.Run valid = ok("validate", model.toString());
        assertTrue(valid.out().startsWith(model + ": ok (model starter, "), valid.out());

        Files.writeString(model, written + "# my edits\n");
        CliRunner.Run second = cli.run("init", "project");
        assertEquals(2, second.exitCode(), second.err());
        assertEquals("gqm: will not overwrite " + model + "\n", second.err());
        assertEquals(written + "# my edits\n", Files.readString(model));
    }

    @Test
    void initDefaultsToTheWorkingDirectory() throws Exception {
        Path work = Files.createDirectories(dir.resolve("here"));
        CliRunner.Run r = new CliRunner(work).run("init");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(work.resolve("gqm-models/health.yaml")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report   | --repo=PATH|URL --github=OWNER/REPO --model=FILE|NAME --out=DIR --as-of=INSTANT --store=PATH|URL --offline --verbose",
        "check    | --repo=PATH|URL --model=FILE|NAME --as-of=INSTANT --store=PATH|URL --offline --write-report",
        "collect  | --repo=PATH|URL --branch=NAME --github=OWNER/REPO --github-api-url=URL --store=PATH|URL --cache-dir=DIR --verbose",
        "validate | MODEL...",
        "metrics  | --format=text|json",
        "init     | [DIR]"})
    void helpOfEachCommandDescribesItsOptions(String command, String options) {
        CliRunner.Run r = ok(command, "--help");
        assertTrue(r.out().startsWith("Usage: gqm " + command + " "), r.out());
        for (String option : options.split(" ")) {
            assertTrue(r.out().contains(option), option + " missing from:\n" + r.out());
        }
        assertTrue(r.out().contains("-h, --help"), r.out());
    }

    /** collect only fills the store: what to measure and how to write it are report's and check's options. */
    @ParameterizedTest
    @CsvSource({"collect, false", "report, true", "check, true"})
    void onlyCommandsThatMeasureListTheReportOptions(String command, boolean listed) {
        String help = ok(command, "--help").out();
        for (String option : List.of("--out", "--as-of", "--model", "--show-emails", "--identities")) {
            assertEquals(listed, help.contains(option), command + " --help and " + option + ":\n" + help);
        }
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitCodes() {
        CliRunner.Run r = ok("--help");
        for (String command : List.of("report", "check", "collect", "validate", "metrics", "init", "identities")) {
            assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith(command + " ")), command + " missing:\n" + r.out());
        }
        for (String code : List.of("0", "1", "2", "3", "4", "5", "130")) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches("  " + code + " +[a-z].*")), code + " missing:\n" + r.out());
        }
        // the description is one wrapped paragraph: only its last line may be short
        List<String> description = r.out().lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertTrue(description.size() >= 2, r.out());
        description.subList(0, description.size() - 1).forEach(l -> assertTrue(l.length() > 60, "ragged line: " + l));
    }

    @Test
    void eachCommandsSummaryIsASentence() {
        CliRunner.Run r = ok("--help");
        List<String> summaries = r.out().lines().dropWhile(l -> !l.equals("Commands:")).skip(1)
                .takeWhile(l -> !l.isBlank()).toList();
        // a summary is the first description line: a whole sentence, not the head of a list cut off at ':'
        List<String> entries = new ArrayList<>();
        for (String l : summaries) {
            if (l.startsWith("   ")) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + l.strip());
            } else {
                entries.add(l.strip());
            }
        }
        assertEquals(8, entries.size(), entries.toString());
        entries.forEach(e -> assertTrue(e.endsWith("."), e));
    }

    @Test
    void helpCommandShowsACommandsHelp() {
        assertTrue(ok("help", "check").out().startsWith("Usage: gqm check "));
    }

    @Test
    void versionExitsZero() {
        assertTrue(ok("--version").out().startsWith("gqm "));
    }
}
