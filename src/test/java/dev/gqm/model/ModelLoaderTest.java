package dev.gqm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {
    private final ModelLoader loader = new ModelLoader(new FakeCatalog());

    private static final String VALID = """
            model: community-health
            title: Community health
            description: Is it healthy?
            defaults:
              window: 60d
              period: week
              inactive_for: 14d
              share: 0.8
            goals:
              - id: responsiveness
                title: Timely answers
                purpose: improve
                focus: responsiveness
                object: issue tracker
                viewpoint: maintainers
                questions:
                  - id: first-response
                    text: How quickly does an issue get an answer?
                    metrics:
                      - id: first-response-median
                        metric: issue.first_response_time
                        params: { window: 30d }
                        thresholds: { warn: "> 2d", fail: "> 1w" }
                      - metric: issue.closure_ratio
                        thresholds: { warn: "< 50%", fail: "<= 0.25" }
              - id: sustainability
                title: Sustainable
                questions:
                  - id: activity
                    text: Is there activity?
                    metrics:
                      - metric: git.commits
                        thresholds: { fail: "== 0" }
                      - metric: git.bus_factor
                      - metric: issue.stale
                        params: { labels: bug, include_bots: true }
                        thresholds:
                          warn: ">= 10"
            """;

    private static Map<String, Object> universal(Duration window, Period period, boolean bots) {
        return Map.of("window", window, "period", period, "include_bots", bots);
    }

    @Test
    void validModelLoadsIntoRecordsWithDefaultsThresholdsAndIds() throws ModelException {
        Model model = loader.load("m.yaml", VALID);

        Duration d60 = new Duration(60, 'd');
        MetricUse firstResponse = new MetricUse("first-response-median", "issue.first_response_time", Stat.MEDIAN,
                universal(new Duration(30, 'd'), Period.WEEK, false),
                Optional.of(new Threshold(Threshold.Op.GT, 48.0, "> 2d")),
                Optional.of(new Threshold(Threshold.Op.GT, 168.0, "> 1w")));
        MetricUse closure = new MetricUse("issue-closure-ratio", "issue.closure_ratio", Stat.RATIO,
                universal(d60, Period.WEEK, false),
                Optional.of(new Threshold(Threshold.Op.LT, 0.5, "< 50%")),
                Optional.of(new Threshold(Threshold.Op.LE, 0.25, "<= 0.25")));
        MetricUse commits = new MetricUse("git-commits", "git.commits", Stat.COUNT,
                universal(d60, Period.WEEK, false),
                Optional.empty(), Optional.of(new Threshold(Threshold.Op.EQ, 0.0, "== 0")));
        MetricUse busFactor = new MetricUse("git-bus-factor", "git.bus_factor", Stat.COUNT,
                Map.of("window", d60, "period", Period.WEEK, "include_bots", false, "share", 0.8),
                Optional.empty(), Optional.empty());
        MetricUse stale = new MetricUse("issue-stale", "issue.stale", Stat.COUNT,
                Map.of("window", d60, "period", Period.WEEK, "include_bots", true,
                        "inactive_for", new Duration(14, 'd'), "labels", List.of("bug")),
                Optional.of(new Threshold(Threshold.Op.GE, 10.0, ">= 10")), Optional.empty());
        Model expected = new Model("community-health", "Community health", "Is it healthy?", List.of(
                new Goal("responsiveness", "Timely answers", Optional.of("improve"), Optional.of("responsiveness"),
                        Optional.of("issue tracker"), Optional.of("maintainers"), List.of(
                        new Question("first-response", "How quickly does an issue get an answer?",
                                List.of(firstResponse, closure)))),
                new Goal("sustainability", "Sustainable", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(
                        new Question("activity", "Is there activity?", List.of(commits, busFactor, stale))))));
        assertEquals(expected, model);
    }

    @Test
    void withoutDefaultsTheBuiltInAndTheMetricsOwnDefaultsApply() throws ModelException {
        Model model = loader.load("m.yaml", """
                model: m
                goals:
                  - id: g
                    title: G
                    questions:
                      - id: q
                        text: Q?
                        metrics:
                          - metric: issue.stale
                          - metric: git.bus_factor
                            params: { share: 0.75, period: quarter }
                """);

        assertEquals("m", model.title());
        assertEquals("", model.description());
        List<MetricUse> uses = model.goals().get(0).questions().get(0).metrics();
        assertEquals(Map.of("window", new Duration(90, 'd'), "period", Period.MONTH, "include_bots", false,
                "inactive_for", new Duration(30, 'd'), "labels", List.of()), uses.get(0).params());
        assertEquals(Map.of("window", new Duration(90, 'd'), "period", Period.QUARTER, "include_bots", false,
                "share", 0.75), uses.get(1).params());
    }

    @Test
    void aFileWithThreeProblemsReportsAllThreeSortedByPosition() {
        ModelException e = assertThrows(ModelException.class, () -> loader.load("three.yaml", """
                model: m
                goals:
                  - id: g
                    title: G
                    owner: me
                    questions:
                      - id: q
                        text: Q?
                        metrics:
                          - metric: git.commits
                            thresholds: { warn: "> 2d" }
                          - metric: issue.first_response_time
                            stat: ratio
                """));

        assertEquals(List.of(
                "three.yaml:5:5: unknown key 'owner' in goal 'g'; allowed: id, title, purpose, focus, object,"
                        + " viewpoint, questions",
                "three.yaml:11:33: threshold unit 'd' does not fit metric git.commits (unit: count)",
                "three.yaml:13:19: stat 'ratio' is not available for metric issue.first_response_time;"
                        + " allowed: median, mean, p90, min, max"), e.problems());
        assertEquals(String.join(System.lineSeparator(), e.problems()), e.getMessage());
    }

    @Test
    void loadsFromAFileAndNamesItInProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("health.yaml");
        Files.writeString(file, VALID);
        assertEquals("community-health", loader.load(file).id());

        Files.writeString(file, "model: m\ngoals: []\n");
        ModelException e = assertThrows(ModelException.class, () -> loader.load(file));
        assertEquals(List.of(file + ":2:8: 'goals' is empty: a model needs at least one goal"), e.problems());
    }

    @Test
    void aMissingFileIsAnIoErrorNotAModelProblem(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> loader.load(dir.resolve("absent.yaml")));
    }

    @Test
    void aFileThatIsNotUtf8IsAProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "model: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ModelException e = assertThrows(ModelException.class, () -> loader.load(file));
        assertEquals(List.of(file + ":1:1: not UTF-8 text: save the model file as UTF-8"), e.problems());
    }

    @Test
    void aByteOrderMarkIsIgnored() throws ModelException {
        assertEquals("community-health", loader.load("bom.yaml", "\uFEFF" + VALID).id());
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("b").append(i).append(": &b").append(i).append(" [*a, *a]\n");
        }
        ModelException e = assertThrows(ModelException.class, () -> loader.load("bomb.yaml", yaml.toString()));
        assertEquals(List.of("bomb.yaml:1:1: YAML rejected: Number of aliases for non-scalar nodes exceeds the"
                + " specified max=10"), e.problems());
    }

    @Test
    void oversizedTextIsRefusedBeforeParsing() {
        String yaml = "description: " + "x".repeat(ModelLoader.MAX_CODE_POINTS) + "\n";
        ModelException e = assertThrows(ModelException.class, () -> loader.load("big.yaml", yaml));
        assertEquals(List.of("big.yaml:1:1: model file too large: the limit is 1048576 characters"), e.problems());
    }

    @Test
    void theStarterModelLoadsAndUsesOnlyGitMetrics() throws IOException, ModelException {
        String text;
        try (InputStream in = ModelLoader.class.getResourceAsStream("starter.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Model model = loader.load("starter.yaml", text);
        List<MetricUse> uses = model.goals().stream().flatMap(g -> g.questions().stream())
                .flatMap(q -> q.metrics().stream()).toList();
        assertEquals(List.of("git.bus_factor", "git.commits", "git.contributors"),
                uses.stream().map(MetricUse::metric).distinct().sorted().toList());
        assertTrue(uses.stream().anyMatch(u -> u.warn().isPresent() || u.fail().isPresent()));
    }
}
