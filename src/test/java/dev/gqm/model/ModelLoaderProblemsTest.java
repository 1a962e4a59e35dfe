package dev.gqm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One small invalid model per failure mode: the exact message and its line:column. */
class ModelLoaderProblemsTest {
    /** A valid model up to a question's {@code metrics:} (8 lines); metric use snippets start at line 9. */
    private static final String UP_TO_METRICS = """
            model: m
            goals:
              - id: g
                title: G
                questions:
                  - id: q
                    text: Q?
                    metrics:
            """;

    /** The snippet's lines indented under {@code metrics:}: file column = snippet column + 10. */
    private static String uses(String snippet) {
        return UP_TO_METRICS + snippet.lines().map(line -> " ".repeat(10) + line + "\n").collect(Collectors.joining());
    }

    private static Arguments problem(String name, String yaml, String... expected) {
        return Arguments.of(name, yaml, List.of(expected));
    }

    static Stream<Arguments> invalidModels() {
        return Stream.of(
                // --- YAML itself
                problem("syntax error", "model: m\ngoals: [a\nb: 1\n",
                        "m.yaml:3:2: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence at 2:8)"),
                problem("unquoted threshold", uses("- metric: git.commits\n  thresholds:\n    warn: > 2d\n"),
                        "m.yaml:11:23: YAML syntax error: expected a comment or a line break, but found 2(50)"
                                + " (while scanning a block scalar at 11:21); a threshold starting with > or <"
                                + " must be quoted, e.g. warn: \"> 2d\""),
                problem("two documents", "model: m\n---\nmodel: n\n",
                        "m.yaml:2:1: YAML syntax error: but found another document"
                                + " (expected a single document in the stream at 1:1)"),
                problem("empty file", "# nothing yet\n",
                        "m.yaml:1:1: the file holds no YAML: expected a mapping with 'model' and 'goals'"),
                problem("duplicate key", "model: m\nmodel: n\ngoals: []\n",
                        "m.yaml:2:1: duplicate key 'model' in the model (first at 1:1)",
                        "m.yaml:3:8: 'goals' is empty: a model needs at least one goal"),
                problem("complex key", "model: m\n? [a, b]\n: c\ngoals: []\n",
                        "m.yaml:2:3: a key in the model must be a plain name, found a list",
                        "m.yaml:4:8: 'goals' is empty: a model needs at least one goal"),
                // --- shape and keys
                problem("top level not a mapping", "- model: m\n",
                        "m.yaml:1:1: expected a mapping (key: value lines) for the model, found a list"),
                problem("required top keys missing", "title: T\n",
                        "m.yaml:1:1: missing required key 'model' in the model",
                        "m.yaml:1:1: missing required key 'goals' in the model"),
                problem("unknown top key", "model: m\nowner: me\ngoals: []\n",
                        "m.yaml:2:1: unknown key 'owner' in the model; allowed: model, title, description, defaults, goals",
                        "m.yaml:3:8: 'goals' is empty: a model needs at least one goal"),
                problem("unknown defaults key", "model: m\ndefaults:\n  windows: 30d\ngoals: []\n",
                        "m.yaml:3:3: unknown key 'windows' in defaults; allowed: window, period, include_bots,"
                                + " lookback, inactive_for, share",
                        "m.yaml:4:8: 'goals' is empty: a model needs at least one goal"),
                problem("bad default", "model: m\ndefaults: { window: soon }\ngoals: []\n",
                        "m.yaml:2:21: parameter 'window': bad duration 'soon': expected a number followed by h, d or w (e.g. 90d)",
                        "m.yaml:3:8: 'goals' is empty: a model needs at least one goal"),
                problem("goals not a list", "model: m\ngoals:\n  id: g\n",
                        "m.yaml:3:3: expected a list for 'goals', found a mapping"),
                problem("goal not a mapping", "model: m\ngoals:\n  - responsiveness\n",
                        "m.yaml:3:5: expected a mapping (key: value lines) for goal, found 'responsiveness'"),
                problem("goal keys missing", "model: m\ngoals:\n  - purpose: improve\n",
                        "m.yaml:3:5: missing required key 'id' in goal",
                        "m.yaml:3:5: missing required key 'title' in goal",
                        "m.yaml:3:5: missing required key 'questions' in goal"),
                problem("unknown goal key", "model: m\ngoals:\n  - id: g\n    title: G\n    description: d\n"
                                + "    questions: [{id: q, text: Q, metrics: [{metric: git.commits}]}]\n",
                        "m.yaml:5:5: unknown key 'description' in goal 'g'; allowed: id, title, purpose, focus,"
                                + " object, viewpoint, questions"),
                problem("empty goal", "model: m\ngoals:\n  - id: g\n    title: G\n    questions: []\n",
                        "m.yaml:5:16: goal 'g' has no questions"),
                problem("question keys missing", "model: m\ngoals:\n  - id: g\n    title: G\n    questions:\n"
                                + "      - id: q\n",
                        "m.yaml:6:9: missing required key 'text' in question 'q' of goal 'g'",
                        "m.yaml:6:9: missing required key 'metrics' in question 'q' of goal 'g'"),
                problem("question with no metrics", UP_TO_METRICS,
                        "m.yaml:8:17: question 'q' has no metrics"),
                problem("empty title", "model: m\ngoals:\n  - id: g\n    title:\n"
                                + "    questions: [{id: q, text: Q, metrics: [{metric: git.commits}]}]\n",
                        "m.yaml:4:11: expected text for 'title' in goal 'g', found nothing"),
                // --- ids
                problem("bad model id", "model: Community Health\ngoals: []\n",
                        "m.yaml:1:8: bad model id 'Community Health': use only lowercase letters, digits and '-'",
                        "m.yaml:2:8: 'goals' is empty: a model needs at least one goal"),
                problem("bad goal id and duplicate goal id", "model: m\ngoals:\n"
                                + "  - {id: g_1, title: G, questions: [{id: q, text: Q, metrics: [{metric: git.commits}]}]}\n"
                                + "  - {id: g_1, title: H, questions: [{id: q, text: Q, metrics: [{metric: git.commits}]}]}\n",
                        "m.yaml:3:10: bad goal id 'g_1': use only lowercase letters, digits and '-'",
                        "m.yaml:4:10: bad goal id 'g_1': use only lowercase letters, digits and '-'",
                        "m.yaml:4:10: duplicate goal id 'g_1' (first at 3:10)"),
                problem("duplicate question id", "model: m\ngoals:\n  - id: g\n    title: G\n    questions:\n"
                                + "      - {id: q, text: Q, metrics: [{metric: git.commits}]}\n"
                                + "      - {id: q, text: R, metrics: [{metric: issue.stale}]}\n",
                        "m.yaml:7:14: duplicate question id 'q' in goal 'g' (first at 6:14)"),
                problem("bad question id", "model: m\ngoals:\n  - id: g\n    title: G\n    questions:\n"
                                + "      - {id: Q1, text: Q, metrics: [{metric: git.commits}]}\n",
                        "m.yaml:6:14: bad question id 'Q1': use only lowercase letters, digits and '-'"),
                problem("bad metric use id", uses("- id: Commits\n  metric: git.commits\n"),
                        "m.yaml:9:17: bad metric use id 'Commits': use only lowercase letters, digits and '-'"),
                problem("duplicate default metric use id", uses("- metric: git.commits\n- metric: git.commits\n"),
                        "m.yaml:10:13: duplicate metric use id 'git-commits' in goal 'g' (first at 9:13);"
                                + " give one of them an explicit 'id'"),
                problem("duplicate explicit metric use id across questions", "model: m\ngoals:\n  - id: g\n"
                                + "    title: G\n    questions:\n"
                                + "      - {id: q, text: Q, metrics: [{id: x, metric: git.commits}]}\n"
                                + "      - {id: r, text: R, metrics: [{id: x, metric: issue.stale}]}\n",
                        "m.yaml:7:41: duplicate metric use id 'x' in goal 'g' (first at 6:41)"),
                // --- metric uses
                problem("metric use not a mapping", uses("- git.commits\n"),
                        "m.yaml:9:13: expected a mapping (key: value lines) for metric use, found 'git.commits'"),
                problem("metric missing", uses("- id: x\n"),
                        "m.yaml:9:13: missing required key 'metric' in metric use 'x'"),
                problem("unknown metric use key", uses("- metric: git.commits\n  unit: hours\n"),
                        "m.yaml:10:13: unknown key 'unit' in metric use of git.commits; allowed: id, metric, stat,"
                                + " params, thresholds"),
                problem("unknown metric, close to a known one", uses("- metric: git.comits\n"),
                        "m.yaml:9:21: unknown metric 'git.comits'; did you mean 'git.commits'?"),
                problem("unknown metric, nothing close", uses("- metric: weather.rain\n"),
                        "m.yaml:9:21: unknown metric 'weather.rain'; `gqm metrics` lists the known ones"),
                problem("stat not allowed", uses("- metric: git.commits\n  stat: median\n"),
                        "m.yaml:10:19: stat 'median' is not available for metric git.commits; allowed: count"),
                problem("unknown stat", uses("- metric: issue.first_response_time\n  stat: avg\n"),
                        "m.yaml:10:19: unknown stat 'avg'; allowed for issue.first_response_time: median, mean, p90,"
                                + " min, max"),
                // --- parameters
                problem("unknown parameter", uses("- metric: git.commits\n  params: { windw: 30d }\n"),
                        "m.yaml:10:23: unknown parameter 'windw' for metric git.commits; allowed: include_bots,"
                                + " period, window"),
                problem("bad duration", uses("- metric: git.commits\n  params: { window: 3x }\n"),
                        "m.yaml:10:31: parameter 'window': bad duration '3x': expected a number followed by h, d or w"
                                + " (e.g. 90d)"),
                problem("bad number", uses("- metric: git.bus_factor\n  params: { share: lots }\n"),
                        "m.yaml:10:30: parameter 'share': bad number 'lots': expected digits such as 3 or 0.5"),
                problem("bad boolean", uses("- metric: git.commits\n  params: { include_bots: yes }\n"),
                        "m.yaml:10:37: parameter 'include_bots': bad boolean 'yes': expected true or false"),
                problem("bad strings", uses("- metric: issue.stale\n  params: { labels: { a: 1 } }\n"),
                        "m.yaml:10:31: parameter 'labels': expected a text or a list of texts, found a mapping"),
                problem("bad period", uses("- metric: git.commits\n  params: { period: day }\n"),
                        "m.yaml:10:31: parameter 'period': unknown period 'day': expected week, month or quarter"),
                problem("parameter of another metric", uses("- metric: issue.closure_ratio\n  params: { share: 0.5 }\n"),
                        "m.yaml:10:23: unknown parameter 'share' for metric issue.closure_ratio; allowed: include_bots,"
                                + " period, window"),
                // --- thresholds
                problem("duration unit on a count", uses("- metric: git.commits\n  thresholds: { warn: \"> 2d\" }\n"),
                        "m.yaml:10:33: threshold unit 'd' does not fit metric git.commits (unit: count)"),
                problem("percent on a count", uses("- metric: git.commits\n  thresholds: { warn: \"< 5%\" }\n"),
                        "m.yaml:10:33: threshold unit '%' does not fit metric git.commits (unit: count)"),
                problem("percent on hours", uses("- metric: issue.first_response_time\n  thresholds: { fail: \"< 50%\" }\n"),
                        "m.yaml:10:33: threshold unit '%' does not fit metric issue.first_response_time (unit: hours)"),
                problem("duration on a ratio", uses("- metric: issue.closure_ratio\n  thresholds: { warn: \"< 2w\" }\n"),
                        "m.yaml:10:33: threshold unit 'w' does not fit metric issue.closure_ratio (unit: ratio)"),
                problem("ratio above one", uses("- metric: issue.closure_ratio\n  thresholds: { warn: \"< 50\" }\n"),
                        "m.yaml:10:33: threshold '< 50' on ratio metric issue.closure_ratio is above 1: write a"
                                + " fraction 0..1 or a percentage (e.g. \"< 50%\")"),
                problem("bad threshold", uses("- metric: git.commits\n  thresholds: { warn: \"about 3\" }\n"),
                        "m.yaml:10:33: bad threshold 'about 3': expected <op> <number>[unit] with op one of"
                                + " > >= < <= == != and unit h, d, w or % (e.g. \"> 2d\")"),
                problem("unknown threshold key", uses("- metric: git.commits\n  thresholds: { warning: \"< 3\" }\n"),
                        "m.yaml:10:25: thresholds need 'warn' or 'fail' (or both)",
                        "m.yaml:10:27: unknown key 'warning' in thresholds; allowed: warn, fail"),
                problem("empty thresholds", uses("- metric: git.commits\n  thresholds: {}\n"),
                        "m.yaml:10:25: thresholds need 'warn' or 'fail' (or both)"),
                problem("threshold not text", uses("- metric: git.commits\n  thresholds: { warn: [1, 2] }\n"),
                        "m.yaml:10:33: expected text for threshold 'warn', found a list"),
                // --- what validation must catch so that a report never fails on it later
                problem("threshold with 400 digits", uses("- metric: git.commits\n  thresholds: { warn: \"< "
                                + "9".repeat(400) + "\" }\n"),
                        "m.yaml:10:33: bad threshold '< 99999999999999999999999999999999999...': its number has"
                                + " more than 15 digits"),
                problem("share above one", uses("- metric: git.bus_factor\n  params: { share: 5 }\n"),
                        "m.yaml:10:30: parameter 'share': bad share '5': expected a number above 0 and at most 1,"
                                + " such as 0.5"),
                problem("negative share", uses("- metric: git.bus_factor\n  params: { share: -1 }\n"),
                        "m.yaml:10:30: parameter 'share': bad share '-1': expected a number above 0 and at most 1,"
                                + " such as 0.5"),
                problem("zero share", uses("- metric: git.bus_factor\n  params: { share: 0 }\n"),
                        "m.yaml:10:30: parameter 'share': bad share '0': expected a number above 0 and at most 1,"
                                + " such as 0.5"),
                problem("tag pattern that is no regex", uses("- metric: git.releases\n  params: { tag_pattern: \"[\" }\n"),
                        "m.yaml:10:36: parameter 'tag_pattern': '[' is not a regular expression: Unclosed character"
                                + " class near position 0"),
                problem("goal id like an option", "model: m\ngoals:\n  - id: -x\n    title: G\n    questions:\n"
                                + "      - id: q\n        text: Q?\n        metrics:\n          - metric: git.commits\n",
                        "m.yaml:3:9: bad goal id '-x': it must start with a letter or a digit (it names files)"),
                problem("goal id too long for a file name", "model: m\ngoals:\n  - id: " + "g".repeat(150)
                                + "\n    title: G\n    questions:\n      - id: q\n        text: Q?\n        metrics:\n"
                                + "          - metric: git.commits\n",
                        "m.yaml:3:9: bad goal id 'gggggggggggggggggggg...': 150 characters, at most 64 (it names files)"),
                problem("nested 3,000 levels deep", "model: m\ngoals: " + "[".repeat(3000) + "]".repeat(3000) + "\n",
                        "m.yaml:2:57: nested more than 50 levels deep: refused"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidModels")
    void reportsTheProblemAtItsPosition(String name, String yaml, List<String> expected) {
        ModelException e = assertThrows(ModelException.class,
                () -> new ModelLoader(new FakeCatalog()).load("m.yaml", yaml));
        assertEquals(expected, e.problems());
    }
}
